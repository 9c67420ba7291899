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
  rows: { customerWants: 'Customer wants', tried: 'Tried so far', status: 'Status', nextStep: 'Next step' },
};

export function SummaryPanel({ assist, refreshing, onRefresh, suggestionId, tracker, open, onToggle }: {
  assist: Assist; refreshing: boolean; onRefresh: () => void; suggestionId?: string | null; tracker: FeedbackTracker; open: boolean; onToggle: () => void;
}) {
  const s = assist.summary;
  const filled = (Object.keys(STRINGS.rows) as (keyof typeof STRINGS.rows)[]).filter((k) => s?.[k]);
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
          <dl className="summary">
            {filled.map((k) => (
              <div key={k}><dt>{STRINGS.rows[k]}</dt><dd>{s?.[k]}</dd></div>
            ))}
          </dl>
        )}
      </div>
      <div className="row spread">
        {assist.language && <span className="label">{STRINGS.language}{assist.language.code}</span>}
        {suggestionId && (
          <Thumbs key={suggestionId} label={STRINGS.rate}
            onUp={() => tracker.thumbsUp(suggestionId)} onDown={(reason, comment) => tracker.thumbsDown(suggestionId, reason, comment)} />
        )}
      </div>
    </Panel>
  );
}
