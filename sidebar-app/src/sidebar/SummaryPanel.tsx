import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '@ui';
import type { Assist } from '../lib/api/types';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import { useLocale, useT } from '../lib/i18n/i18n';
import { languageName } from '../lib/i18n/intl';
import { Panel } from './Panel';
import { Thumbs } from './Thumbs';

/** The summary's rows, in the order they are shown. */
const ROWS = ['customerWants', 'tried', 'status', 'nextStep'] as const;

export function SummaryPanel({ assist, refreshing, onRefresh, suggestionId, tracker, open, onToggle }: {
  assist: Assist; refreshing: boolean; onRefresh: () => void; suggestionId?: string | null; tracker: FeedbackTracker; open: boolean; onToggle: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const s = assist.summary;
  const filled = ROWS.filter((k) => s?.[k]);
  // Each row shows two lines at first, so the draft button stays in the first 600 px; "Show all" when a row is cut.
  const [whole, setWhole] = useState(false);
  const [cut, setCut] = useState(false);
  const list = useRef<HTMLDListElement>(null);
  const text = filled.map((k) => s?.[k]).join('\n');
  useLayoutEffect(() => {
    const rows = list.current ? [...list.current.children] as HTMLElement[] : [];
    setCut(rows.some((r) => r.scrollHeight > r.clientHeight + 1));
  }, [text, open]);
  return (
    <Panel id="summary" title={t('sidebar.summary.title')} open={open} onToggle={onToggle} actions={
      <Button size="small" isBasic onClick={onRefresh} disabled={refreshing} aria-label={t('sidebar.summary.refreshLabel')}>
        {refreshing ? t('sidebar.summary.refreshing') : t('sidebar.summary.refresh')}
      </Button>
    }>
      <div aria-live="polite" aria-busy={refreshing}>
        {filled.length === 0 ? (
          <p className="passage">{t('sidebar.summary.none')}</p>
        ) : (
          <dl ref={list} id="summary-rows" className={whole ? 'summary' : 'summary clamped'}>
            {filled.map((k) => (
              <div key={k}><dt>{t(`sidebar.summary.${k}`)}</dt><dd>{s?.[k]}</dd></div>
            ))}
          </dl>
        )}
      </div>
      <div className="row spread">
        {(cut || whole) && (
          <Button size="small" isBasic aria-expanded={whole} aria-controls="summary-rows" onClick={() => setWhole(!whole)}>{whole ? t('sidebar.summary.less') : t('sidebar.summary.more')}</Button>
        )}
        {assist.language && <span className="label">{t('sidebar.summary.language', { language: languageName(locale, assist.language.code) })}</span>}
        {suggestionId && (
          <Thumbs key={suggestionId} label={t('sidebar.summary.rate')}
            onUp={() => tracker.thumbsUp(suggestionId)} onDown={(reason, comment) => tracker.thumbsDown(suggestionId, reason, comment)} />
        )}
      </div>
    </Panel>
  );
}
