import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { Assist } from '../lib/api/types';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import { Panel } from './Panel';
import { Thumbs } from './Thumbs';

const STRINGS = {
  title: 'Summary',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  refreshLabel: 'Refresh summary and suggestions',
  none: 'No summary for this ticket yet.',
  language: 'Language: ',
  rate: 'Rate this summary',
  more: 'Show all',
  less: 'Show less',
  rows: { customerWants: 'Customer wants', tried: 'Tried so far', status: 'Status', nextStep: 'Next step' },
};

export function SummaryPanel({ assist, refreshing, onRefresh, suggestionId, tracker, open, onToggle }: {
  assist: Assist; refreshing: boolean; onRefresh: () => void; suggestionId?: string | null; tracker: FeedbackTracker; open: boolean; onToggle: () => void;
}) {
  const s = assist.summary;
  const filled = (Object.keys(STRINGS.rows) as (keyof typeof STRINGS.rows)[]).filter((k) => s?.[k]);
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
    <Panel id="summary" title={STRINGS.title} open={open} onToggle={onToggle} actions={
      <Button size="small" isBasic onClick={onRefresh} disabled={refreshing} aria-label={STRINGS.refreshLabel}>
        {refreshing ? STRINGS.refreshing : STRINGS.refresh}
      </Button>
    }>
      <div aria-live="polite" aria-busy={refreshing}>
        {filled.length === 0 ? (
          <p className="passage">{STRINGS.none}</p>
        ) : (
          <dl ref={list} id="summary-rows" className={whole ? 'summary' : 'summary clamped'}>
            {filled.map((k) => (
              <div key={k}><dt>{STRINGS.rows[k]}</dt><dd>{s?.[k]}</dd></div>
            ))}
          </dl>
        )}
      </div>
      <div className="row spread">
        {(cut || whole) && (
          <Button size="small" isBasic aria-expanded={whole} aria-controls="summary-rows" onClick={() => setWhole(!whole)}>{whole ? STRINGS.less : STRINGS.more}</Button>
        )}
        {assist.language && <span className="label">{STRINGS.language}{assist.language.code}</span>}
        {suggestionId && (
          <Thumbs key={suggestionId} label={STRINGS.rate}
            onUp={() => tracker.thumbsUp(suggestionId)} onDown={(reason, comment) => tracker.thumbsDown(suggestionId, reason, comment)} />
        )}
      </div>
    </Panel>
  );
}
