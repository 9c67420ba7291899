import { useRef, useState } from 'react';
import { Button } from '@ui';
import type { CopilotApi } from '../lib/api/client';
import type { Host, MacroEffect } from '../lib/host/host';
import { signatureName } from '../lib/api/agent-name';
import { withDeadline } from '../lib/host/host';
import { labelOf, useT } from '../lib/i18n/i18n';
import { CopyInstead } from './CopyInstead';
import { problemText } from './problemText';
import { useFocusNext } from './useFocusNext';

/**
 * A macro, applied the way the helpdesk applies it (text, fields and tags), after a preview of what it changes.
 * `onApplied` runs once the helpdesk has applied it (the macro list's suggestion counts as used).
 */
export function MacroApply({ ticketId, macroId, title, api, host, onApplied }: {
  ticketId: number; macroId: string; title: string; api: CopilotApi; host: Host; onApplied: () => void;
}) {
  const t = useT();
  const [state, setState] = useState<{ step: 'idle' | 'loading' | 'shown' | 'applied' | 'failed'; effect?: MacroEffect; error?: string; retry?: boolean }>({ step: 'idle' });
  // Each step's buttons leave the screen once used: the focus goes to what replaced them.
  const focusNext = useFocusNext();
  const previewButton = useRef<HTMLButtonElement>(null);
  const retry = useRef<HTMLButtonElement>(null);
  // With no Try again (the session ended, or the agent may not), the error itself takes the focus.
  const failure = useRef<HTMLParagraphElement>(null);
  const changes = useRef<HTMLDivElement>(null);
  const applied = useRef<HTMLParagraphElement>(null);
  const preview = async () => {
    setState({ step: 'loading' });
    focusNext(() => changes.current ?? retry.current ?? failure.current);
    try {
      setState({ step: 'shown', effect: await api.macroPreview(ticketId, macroId, signatureName((await withDeadline(host.getCurrentUser(), 2000))?.name)) });
    } catch (e) {
      const failed = problemText(e, t);
      setState({ step: 'failed', error: failed.detail ?? failed.title, retry: failed.retry });
    }
  };
  const close = () => { setState({ step: 'idle' }); focusNext(() => previewButton.current); };
  // Tags the helpdesk does not let the app set are left for the agent to copy (shown with the preview).
  const noTags = host.abilities?.tags === false;
  const apply = async (effect: MacroEffect) => {
    focusNext(() => applied.current ?? retry.current);
    try {
      await host.applyMacro(noTags ? { ...effect, tagsAdded: [], tagsRemoved: [] } : effect);
    } catch (e) {
      setState({ step: 'failed', error: (e as Error).message, retry: true });
      return;
    }
    setState({ step: 'applied', effect });
    onApplied();
  };
  const e = state.effect;
  // A status or priority is named in the agent's language; an assignee or group id as it is.
  const value = (field: string, v: string | null) => (v === null ? '–' : labelOf(t, `sidebar.ticket.${field}.${v}`, v));
  return (
    <div className="macro-apply">
      {state.step === 'idle' && <Button ref={previewButton} size="small" onClick={() => void preview()} aria-label={t('macro.previewLabel', { title })}>{t('macro.preview')}</Button>}
      {state.step === 'loading' && <p className="passage" role="status">{t('macro.loading')}</p>}
      {state.step === 'failed' && <p ref={failure} tabIndex={-1} className="passage" role="alert">{state.error}</p>}
      {state.step === 'failed' && state.retry && <Button ref={retry} size="small" onClick={() => void preview()} aria-label={t('macro.tryAgainLabel', { title })}>{t('macro.tryAgain')}</Button>}
      {state.step === 'shown' && e && (
        <div ref={changes} tabIndex={-1} role="group" aria-label={t('macro.changesLabel', { title })}>
          <ul className="macro-effect">
            {e.comment && <li><strong>{e.commentPublic === false ? t('macro.note') : t('macro.reply')}:</strong> <span className="passage">{e.comment}</span></li>}
            {e.changes.map((c) => <li key={c.field}><strong>{labelOf(t, `sidebar.ticket.field.${c.field}`, c.field)}</strong>: {value(c.field, c.from)} → {value(c.field, c.to)}</li>)}
            {e.tagsAdded.length > 0 && <li>{t('macro.tagsAdded', { count: e.tagsAdded.length, tags: e.tagsAdded.join(', ') })}</li>}
            {e.tagsRemoved.length > 0 && <li>{t('macro.tagsRemoved', { count: e.tagsRemoved.length, tags: e.tagsRemoved.join(', ') })}</li>}
            {e.changes.length === 0 && e.tagsAdded.length === 0 && e.tagsRemoved.length === 0 && <li>{t('macro.nothing')}</li>}
          </ul>
          {noTags && e.tagsAdded.length > 0 && <CopyInstead what="tags" value={e.tagsAdded.join(', ')} host={host} />}
          <div className="row">
            <Button size="small" isPrimary onClick={() => void apply(e)} aria-label={t('macro.applyLabel', { title })}>{t('macro.apply')}</Button>
            <Button size="small" isBasic onClick={close}>{t('macro.cancel')}</Button>
          </div>
        </div>
      )}
      {state.step === 'applied' && <p ref={applied} tabIndex={-1} className="passage" role="status">{t('macro.applied')}</p>}
    </div>
  );
}
