import { useId, useRef, useState } from 'react';
import { Button } from '@ui';
import type { Reason } from '../lib/api/types';
import { REASONS } from '../lib/api/vocabulary';
import type { Delivery } from '../lib/feedback/queue';
import { useT } from '../lib/i18n/i18n';
import { problemText } from './problemText';
import { useFocusNext } from './useFocusNext';

/** At most this many characters of comment go with "Other" (the feedback API's limit is larger). */
export const MAX_COMMENT = 500;

function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={down ? { transform: 'rotate(180deg)' } : undefined}>
      <path fill="currentColor" d="M1 7h3v8H1zM5 15h7.6a1.5 1.5 0 0 0 1.47-1.2l1.2-6A1.5 1.5 0 0 0 13.8 6H10V2.5A1.5 1.5 0 0 0 8.5 1L5 7z" />
    </svg>
  );
}

/** Resolves with what became of the feedback: the backend has it, it waits in the queue, or the backend refused it. */
type Send = () => Promise<Delivery>;

/**
 * Thumbs up sends at once; thumbs down asks for one reason, one click — "Other" opens a comment box first.
 * Says it is saved only once the backend has it; a refusal shows the backend's problem, and the agent may judge again.
 */
export function Thumbs({ onUp, onDown, label }: {
  onUp: Send; onDown: (reason: Reason, comment?: string) => Promise<Delivery>; label?: string;
}) {
  const t = useT();
  const [vote, setVote] = useState<'up' | 'asking' | 'other' | 'down' | null>(null);
  const [saved, setSaved] = useState<Delivery | { state: 'saving' } | null>(null);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const thumbs = useRef<HTMLDivElement>(null);
  const firstReason = useRef<HTMLButtonElement>(null);
  const otherReason = useRef<HTMLButtonElement>(null);
  // The buttons the agent used are disabled or gone once used: the focus follows to what takes their place.
  const focusNext = useFocusNext();
  const show = (v: 'asking' | 'other', next: () => HTMLElement | null | undefined) => { setVote(v); focusNext(next); };

  const send = (v: 'up' | 'down', run: Send) => {
    setVote(v);
    focusNext(() => thumbs.current);
    setSaved({ state: 'saving' });
    run().then((delivery) => {
      setSaved(delivery);
      if (delivery.state === 'refused') setVote(null);
    }, () => setSaved({ state: 'queued' }));
  };
  const refusal = saved?.state === 'refused' ? problemText(saved.problem, t) : null;

  return (
    <div>
      <div ref={thumbs} tabIndex={-1} className="row" role="group" aria-label={label ?? t('sidebar.feedback.rateDraft')}>
        <Button size="small" isBasic aria-pressed={vote === 'up'} disabled={vote !== null} onClick={() => send('up', onUp)}><Thumb />&nbsp;{t('sidebar.feedback.helpful')}</Button>
        <Button size="small" isBasic aria-pressed={vote !== null && vote !== 'up'} disabled={vote !== null} onClick={() => show('asking', () => firstReason.current)}><Thumb down />&nbsp;{t('sidebar.feedback.notHelpful')}</Button>
      </div>
      {vote === 'asking' && (
        <div className="row" role="group" aria-label={t('sidebar.feedback.whatWasWrong')}>
          {REASONS.map((reason, i) => (
            <Button key={reason} ref={reason === 'other' ? otherReason : i === 0 ? firstReason : undefined} size="small" onClick={() => (reason === 'other' ? show('other', () => box.current) : send('down', () => onDown(reason)))}>{t(`sidebar.reason.${reason}`)}</Button>
          ))}
        </div>
      )}
      {vote === 'other' && (
        <form className="stack" onSubmit={(e) => { e.preventDefault(); send('down', () => onDown('other', comment.trim() || undefined)); }}>
          <label htmlFor={commentId} className="field-label">{t('sidebar.feedback.otherLabel')}</label>
          <textarea id={commentId} ref={box} className="field" rows={3} maxLength={MAX_COMMENT} value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="row">
            <Button size="small" type="submit">{t('sidebar.feedback.send')}</Button>
            <Button size="small" isBasic onClick={() => show('asking', () => otherReason.current)}>{t('sidebar.feedback.cancel')}</Button>
          </div>
        </form>
      )}
      <p className={saved?.state === 'queued' ? 'label offline' : 'passage'} role="status" aria-live="polite">
        {saved?.state === 'saving' ? t('sidebar.feedback.saving') : saved?.state === 'sent' ? t('sidebar.feedback.saved') : saved?.state === 'queued' ? t('sidebar.feedback.queued') : ''}
      </p>
      {refusal && (
        <p className="label error" role="alert">
          {t('sidebar.feedback.refused', { title: refusal.title })}{refusal.detail ? ` ${refusal.detail}` : ''}
        </p>
      )}
    </div>
  );
}
