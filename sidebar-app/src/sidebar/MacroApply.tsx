import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { ApiError, type CopilotApi } from '../lib/api/client';
import type { Host, MacroEffect } from '../lib/host/host';
import { signatureName } from '../lib/api/agent-name';
import { withDeadline } from '../lib/host/host';

const TEXT = {
  preview: 'Preview',
  apply: 'Apply macro',
  cancel: 'Cancel',
  loading: 'Loading what it changes…',
  reply: 'Adds to the reply',
  note: 'Adds an internal note',
  tagsAdded: 'Adds tags',
  tagsRemoved: 'Removes tags',
  nothing: 'It changes no field or tag.',
  applied: 'Applied.',
};

/**
 * A macro, applied the way the helpdesk applies it (text, fields and tags), after a preview of what it changes.
 * `onApplied` runs once the helpdesk has applied it (the macro list's suggestion counts as used).
 */
export function MacroApply({ ticketId, macroId, title, api, host, onApplied }: {
  ticketId: number; macroId: string; title: string; api: CopilotApi; host: Host; onApplied: () => void;
}) {
  const [state, setState] = useState<{ step: 'idle' | 'loading' | 'shown' | 'applied' | 'failed'; effect?: MacroEffect; error?: string }>({ step: 'idle' });
  const preview = async () => {
    setState({ step: 'loading' });
    try {
      setState({ step: 'shown', effect: await api.macroPreview(ticketId, macroId, signatureName((await withDeadline(host.getCurrentUser(), 2000))?.name)) });
    } catch (e) {
      setState({ step: 'failed', error: e instanceof ApiError ? e.problem.detail ?? e.problem.title : (e as Error).message });
    }
  };
  const apply = async (effect: MacroEffect) => {
    await host.applyMacro(effect);
    setState({ step: 'applied', effect });
    onApplied();
  };
  const e = state.effect;
  return (
    <div className="macro-apply">
      {state.step === 'idle' && <Button size="small" onClick={() => void preview()} aria-label={`Preview macro ${title}`}>{TEXT.preview}</Button>}
      {state.step === 'loading' && <p className="passage" role="status">{TEXT.loading}</p>}
      {state.step === 'failed' && <p className="passage" role="alert">{state.error}</p>}
      {state.step === 'shown' && e && (
        <div role="group" aria-label={`What ${title} changes`}>
          <ul className="macro-effect">
            {e.comment && <li><strong>{e.commentPublic === false ? TEXT.note : TEXT.reply}:</strong> <span className="passage">{e.comment}</span></li>}
            {e.changes.map((c) => <li key={c.field}><strong>{c.field}</strong>: {c.from ?? '–'} → {c.to ?? '–'}</li>)}
            {e.tagsAdded.length > 0 && <li><strong>{TEXT.tagsAdded}:</strong> {e.tagsAdded.join(', ')}</li>}
            {e.tagsRemoved.length > 0 && <li><strong>{TEXT.tagsRemoved}:</strong> {e.tagsRemoved.join(', ')}</li>}
            {e.changes.length === 0 && e.tagsAdded.length === 0 && e.tagsRemoved.length === 0 && <li>{TEXT.nothing}</li>}
          </ul>
          <div className="row">
            <Button size="small" isPrimary onClick={() => void apply(e)} aria-label={`Apply macro ${title}`}>{TEXT.apply}</Button>
            <Button size="small" isBasic onClick={() => setState({ step: 'idle' })}>{TEXT.cancel}</Button>
          </div>
        </div>
      )}
      {state.step === 'applied' && <p className="passage" role="status">{TEXT.applied}</p>}
    </div>
  );
}
