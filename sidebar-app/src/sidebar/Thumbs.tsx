import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { Reason } from '../lib/api/types';
import { REASONS as WORDS, reasonLabel } from '../lib/api/vocabulary';

const REASONS: [Reason, string][] = WORDS.map((r) => [r, reasonLabel(r)]);

const STRINGS = {
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  whatWasWrong: 'What was wrong?',
  otherLabel: 'What was wrong? (optional)',
  send: 'Send feedback',
  cancel: 'Cancel',
  saving: 'Saving your feedback…',
  saved: 'Feedback saved. Thank you.',
  queued: 'Feedback kept on this device: it will be sent when Copilot is reachable again.',
};

/** At most this many characters of comment go with "Other" (the feedback API's limit is larger). */
export const MAX_COMMENT = 500;

function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={down ? { transform: 'rotate(180deg)' } : undefined}>
      <path fill="currentColor" d="M1 7h3v8H1zM5 15h7.6a1.5 1.5 0 0 0 1.47-1.2l1.2-6A1.5 1.5 0 0 0 13.8 6H10V2.5A1.5 1.5 0 0 0 8.5 1L5 7z" />
    </svg>
  );
}

/** Resolves true when the backend has the feedback, false when it waits in the queue. */
type Send = () => Promise<boolean>;

/**
 * Thumbs up sends at once; thumbs down asks for one reason, one click — "Other" opens a comment box first.
 * Saying it is saved only once the backend has it.
 */
export function Thumbs({ onUp, onDown, label = 'Rate this draft' }: {
  onUp: Send; onDown: (reason: Reason, comment?: string) => Promise<boolean>; label?: string;
}) {
  const [vote, setVote] = useState<'up' | 'asking' | 'other' | 'down' | null>(null);
  const [saved, setSaved] = useState<'saving' | 'saved' | 'queued' | null>(null);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => { if (vote === 'other') box.current?.focus(); }, [vote]);

  const send = (v: 'up' | 'down', run: Send) => {
    setVote(v);
    setSaved('saving');
    run().then((ok) => setSaved(ok ? 'saved' : 'queued'), () => setSaved('queued'));
  };

  return (
    <div>
      <div className="row" role="group" aria-label={label}>
        <Button size="small" isBasic aria-pressed={vote === 'up'} disabled={vote !== null} onClick={() => send('up', onUp)}><Thumb />&nbsp;{STRINGS.helpful}</Button>
        <Button size="small" isBasic aria-pressed={vote !== null && vote !== 'up'} disabled={vote !== null} onClick={() => setVote('asking')}><Thumb down />&nbsp;{STRINGS.notHelpful}</Button>
      </div>
      {vote === 'asking' && (
        <div className="row" role="group" aria-label={STRINGS.whatWasWrong}>
          {REASONS.map(([reason, text]) => (
            <Button key={reason} size="small" onClick={() => (reason === 'other' ? setVote('other') : send('down', () => onDown(reason)))}>{text}</Button>
          ))}
        </div>
      )}
      {vote === 'other' && (
        <form className="stack" onSubmit={(e) => { e.preventDefault(); send('down', () => onDown('other', comment.trim() || undefined)); }}>
          <label htmlFor={commentId} className="field-label">{STRINGS.otherLabel}</label>
          <textarea id={commentId} ref={box} className="field" rows={3} maxLength={MAX_COMMENT} value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="row">
            <Button size="small" type="submit">{STRINGS.send}</Button>
            <Button size="small" isBasic onClick={() => setVote('asking')}>{STRINGS.cancel}</Button>
          </div>
        </form>
      )}
      <p className={saved === 'queued' ? 'label offline' : 'passage'} role="status" aria-live="polite">
        {saved === 'saving' ? STRINGS.saving : saved === 'saved' ? STRINGS.saved : saved === 'queued' ? STRINGS.queued : ''}
      </p>
    </div>
  );
}
