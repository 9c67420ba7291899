import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { Reason } from '../lib/api/types';
import { REASONS as WORDS, reasonLabel } from '../lib/api/vocabulary';

const REASONS: [Reason, string][] = WORDS.map((r) => [r, reasonLabel(r)]);

function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={down ? { transform: 'rotate(180deg)' } : undefined}>
      <path fill="currentColor" d="M1 7h3v8H1zM5 15h7.6a1.5 1.5 0 0 0 1.47-1.2l1.2-6A1.5 1.5 0 0 0 13.8 6H10V2.5A1.5 1.5 0 0 0 8.5 1L5 7z" />
    </svg>
  );
}

/** Thumbs up sends at once; thumbs down asks for one reason, one click. */
export function Thumbs({ onUp, onDown, label = 'Rate this draft' }: { onUp: () => void; onDown: (reason: Reason) => void; label?: string }) {
  const [vote, setVote] = useState<'up' | 'asking' | 'down' | null>(null);
  return (
    <div>
      <div className="row" role="group" aria-label={label}>
        <Button size="small" isBasic aria-pressed={vote === 'up'} disabled={vote !== null} onClick={() => { setVote('up'); onUp(); }}><Thumb />&nbsp;Helpful</Button>
        <Button size="small" isBasic aria-pressed={vote === 'down' || vote === 'asking'} disabled={vote !== null} onClick={() => setVote('asking')}><Thumb down />&nbsp;Not helpful</Button>
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
