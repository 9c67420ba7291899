import { Button } from '@zendeskgarden/react-buttons';
import type { Assist } from '../lib/api/types';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import { Thumbs } from './Thumbs';

export function SummaryPanel({ assist, refreshing, onRefresh, suggestionId, tracker }: {
  assist: Assist; refreshing: boolean; onRefresh: () => void; suggestionId?: string | null; tracker: FeedbackTracker;
}) {
  const s = assist.summary;
  const rows: [string, string | undefined][] = [
    ['Customer wants', s?.customerWants],
    ['Tried so far', s?.tried],
    ['Status', s?.status],
    ['Next step', s?.nextStep],
  ];
  const filled = rows.filter(([, v]) => v);
  return (
    <section className="panel" aria-labelledby="summary-h">
      <h2 id="summary-h">
        Summary
        <Button size="small" isBasic onClick={onRefresh} disabled={refreshing} aria-label="Refresh summary and suggestions">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </h2>
      <div aria-live="polite" aria-busy={refreshing}>
        {filled.length === 0 ? (
          <p className="passage">No summary for this ticket yet.</p>
        ) : (
          <dl>
            {filled.map(([k, v]) => (
              <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
            ))}
          </dl>
        )}
        {assist.language && <p className="label">Language: {assist.language.code}</p>}
      </div>
      {suggestionId && (
        <Thumbs key={suggestionId} label="Rate this summary"
          onUp={() => void tracker.thumbsUp(suggestionId)} onDown={(reason) => void tracker.thumbsDown(suggestionId, reason)} />
      )}
    </section>
  );
}
