import { useRef, useState } from 'react';
import { Button } from '@ui';
import type { CopilotApi } from '../lib/api/client';
import type { SuggestedAction } from '../lib/api/types';
import type { Host } from '../lib/host/host';
import { useT } from '../lib/i18n/i18n';
import { actionText } from './actionText';
import { problemText } from './problemText';
import { useFocusNext } from './useFocusNext';

/**
 * The actions the copilot proposes for the ticket, each with exactly what it will change. Nothing changes until the
 * agent approves one: the backend then applies it through the helpdesk's API (the connector), and a macro's reply is
 * put in the editor here for the agent to send. An approved lookup shows what it read, which the agent may insert into
 * the reply (recorded as feedback on that action). Declining changes nothing. Displayed actions are reported once.
 */
export function ActionsPanel({ ticketId, api, host }: { ticketId: number; api: CopilotApi; host: Host }) {
  const t = useT();
  const [actions, setActions] = useState<SuggestedAction[] | null>(null);
  const [state, setState] = useState<'idle' | 'working' | 'ready' | 'failed'>('idle');
  const [error, setError] = useState('');
  const [retry, setRetry] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [inserted, setInserted] = useState<string | null>(null);
  // Suggest, Approve and Decline leave the screen (or are disabled) once used: the focus goes to what replaced them.
  const focusNext = useFocusNext();
  const heading = useRef<HTMLHeadingElement>(null);
  /** Each action's item and buttons, by `{id}:{what}`, to give one the focus. */
  const controls = useRef(new Map<string, HTMLElement | null>());
  const control = (id: string, what: 'item' | 'approve' | 'decline' | 'insert') => (el: HTMLElement | null) => { controls.current.set(`${id}:${what}`, el); };

  const fail = (e: unknown) => {
    const failed = problemText(e, t);
    setError(failed.detail ?? failed.title);
    setRetry(failed.retry);
  };
  const suggest = async () => {
    setState('working');
    setError('');
    try {
      const list = (await api.actions(ticketId)).actions;
      setActions(list);
      setState('ready');
      focusNext(() => heading.current);
      const shown = list.filter((a) => a.state === 'proposed').map((a) => a.id);
      if (shown.length > 0) await api.actionsShown(ticketId, shown);
    } catch (e) {
      fail(e);
      setState('failed');
      focusNext(() => heading.current);
    }
  };
  const decide = async (action: SuggestedAction, approve: boolean) => {
    // Decided, the item (or a lookup's Insert result) takes the focus; failed, the button pressed has it back once enabled.
    const mine = (what: string) => controls.current.get(`${action.id}:${what}`);
    focusNext(() => mine('insert') ?? mine(approve ? 'approve' : 'decline') ?? mine('item'));
    setBusy(action.id);
    setError('');
    try {
      const { action: after } = approve ? await api.approveAction(ticketId, action.id) : await api.declineAction(ticketId, action.id);
      if (after.result?.insertText) await host.appendText(after.result.insertText);
      setActions((list) => (list ?? []).map((a) => (a.id === after.id ? after : a)));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const insert = async (action: SuggestedAction, text: string) => {
    setError('');
    try {
      await host.appendText(text);
      setInserted(action.id);
      await api.actionInserted(ticketId, action.id);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section className="panel" aria-labelledby="actions-h">
      <h2 id="actions-h" ref={heading} tabIndex={-1}>{t('sidebar.actions.title')}</h2>
      {state === 'idle' && <Button size="small" onClick={() => void suggest()}>{t('sidebar.actions.suggest')}</Button>}
      {state === 'working' && <p className="passage" role="status">{t('sidebar.actions.working')}</p>}
      {error && <p className="passage" role="alert">{error}</p>}
      {state === 'failed' && retry && <Button size="small" onClick={() => void suggest()}>{t('sidebar.actions.tryAgain')}</Button>}
      {state === 'ready' && actions?.length === 0 && <p className="passage">{t('sidebar.actions.none')}</p>}
      {actions && actions.length > 0 && (
        <ul className="actions">
          {actions.map((a) => (
            <li key={a.id} ref={control(a.id, 'item')} tabIndex={-1} className="action" data-action={a.kind} data-state={a.state}>
              <Description action={a} />
              <p className="label">{sourceText(t, a)}{a.score != null && <> · {t('sidebar.actions.score', { value: a.score.toFixed(2) })}</>}</p>
              {a.otherTicketUrl && <a href={a.otherTicketUrl} target="_blank" rel="noreferrer">{t('sidebar.actions.openTicket', { id: String(a.otherTicketId) })}</a>}
              {a.state === 'proposed' && (
                <div className="row">
                  <Button ref={control(a.id, 'approve')} size="small" isPrimary disabled={busy !== null} onClick={() => void decide(a, true)}>{t('sidebar.actions.approve')}</Button>{' '}
                  <Button ref={control(a.id, 'decline')} size="small" disabled={busy !== null} onClick={() => void decide(a, false)}>{t('sidebar.actions.decline')}</Button>
                </div>
              )}
              {a.state === 'approved' && <p className="passage" role="status">{t('sidebar.actions.approved')}</p>}
              {a.state === 'declined' && <p className="passage" role="status">{t('sidebar.actions.declined')}</p>}
              {a.result && <p className="passage result" data-status={a.result.status}>{a.result.message}</p>}
              {a.result?.lookupResult && <pre className="passage lookup">{a.result.lookupResult}</pre>}
              {a.state === 'approved' && a.result?.lookupResult && (
                <div className="row">
                  <Button ref={control(a.id, 'insert')} size="small" onClick={() => void insert(a, a.result!.lookupResult!)}>{t('sidebar.actions.insertResult')}</Button>
                  {inserted === a.id && <span role="status">{t('sidebar.actions.insertedResult')}</span>}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the action does, in the agent's language; the backend's English sentence for what is not known here. */
function Description({ action }: { action: SuggestedAction }) {
  const t = useT();
  const text = actionText(action, t);
  return <p className="passage" lang={text ? undefined : 'en'}>{text ?? action.description}</p>;
}

function sourceText(t: ReturnType<typeof useT>, a: SuggestedAction): string {
  if (a.source === 'procedure') return t('sidebar.actions.source.procedure', { id: a.procedureId ?? '', version: String(a.procedureVersion ?? '') });
  return t(`sidebar.actions.source.${a.source}`);
}
