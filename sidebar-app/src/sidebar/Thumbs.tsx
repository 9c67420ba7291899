import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { Reason } from '../lib/api/types';

const REASONS: [Reason, string][] = [
  ['wrong-facts', 'Wrong facts'],
  ['wrong-tone', 'Wrong tone'],
  ['outdated-article', 'Outdated article'],
  ['missing-context', 'Missing context'],
  ['policy', 'Against policy'],
  ['other', 'Other'],
];

/** Thumbs up sends at once; thumbs down asks for one reason, one click. */
export function Thumbs({ onUp, onDown }: { onUp: () => void; onDown: (reason: Reason) => void }) {
  const [vote, setVote] = useState<'up' | 'asking' | 'down' | null>(null);
  return (
    <div>
      <div className="row" role="group" aria-label="Rate this draft">
        <Button size="small" isBasic aria-pressed={vote === 'up'} disabled={vote !== null} onClick={() => { setVote('up'); onUp(); }}>👍 <span className="visually-hidden">Helpful</span></Button>
        <Button size="small" isBasic aria-pressed={vote === 'down' || vote === 'asking'} disabled={vote !== null} onClick={() => setVote('asking')}>👎 <span className="visually-hidden">Not helpful</span></Button>
      </div>
      {vote === 'asking' && (
        <div className="row" role="group" aria-label="What was wrong?">
          {REASONS.map(([reason, label]) => (
            <Button key={reason} size="small" onClick={() => { setVote('down'); onDown(reason); }}>{label}</Button>
          ))}
        </div>
      )}
      {(vote === 'up' || vote === 'down') && <p className="passage">Thanks for the feedback.</p>}
    </div>
  );
}
