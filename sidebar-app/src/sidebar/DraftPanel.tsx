import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { currentAgentName } from '../lib/api/agent-name';
import { ApiError, type CopilotApi } from '../lib/api/client';
import type { Assist, Citation, Draft, Reason } from '../lib/api/types';
import type { Host, TicketInfo } from '../lib/host/host';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import { draftKindNote } from '../lib/api/draft-notes';
import { DraftNotes } from './DraftNotes';
import { Notice } from './Notice';
import { RewriteMenu } from './RewriteMenu';
import { Thumbs } from './Thumbs';

type State =
  | { kind: 'idle' }
  | { kind: 'streaming'; text: string; sources: Citation[] }
  | { kind: 'ready'; draft: Draft; text: string; suggestionId: string }
  | { kind: 'withheld'; draft: Draft }
  | { kind: 'error'; title: string; detail?: string };

export function DraftPanel({ ticket, assist, api, host, tracker }: { ticket: TicketInfo; assist: Assist; api: CopilotApi; host: Host; tracker: FeedbackTracker }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [status, setStatus] = useState('');
  const [rewriteSupported, setRewriteSupported] = useState(true);
  const [inserted, setInserted] = useState(false);
  /** What the last rewrite said about itself: the offline provider's note, its edits, facts it lost. */
  const [rewriteInfo, setRewriteInfo] = useState<{ note?: string; edits: string[]; flags: string[] } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  // Asked once, while the agent reads the summary: the draft is signed with this name.
  const agentName = useMemo(() => currentAgentName(host), [host]);

  async function draft() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setInserted(false);
    setRewriteInfo(null);
    setState({ kind: 'streaming', text: '', sources: [] });
    setStatus('Drafting a reply…');
    try {
      const result = await api.draft(ticket.id, { agentName: await agentName }, {
        onSources: (sources) => setState((s) => (s.kind === 'streaming' ? { ...s, sources } : s)),
        onDelta: (_, text) => setState((s) => (s.kind === 'streaming' ? { ...s, text } : s)),
      }, controller.signal);
      if (result.status === 'withheld' || !result.suggestionId) {
        setState({ kind: 'withheld', draft: result });
        setStatus('No draft: this ticket stays with a human.');
      } else {
        setState({ kind: 'ready', draft: result, text: result.text ?? '', suggestionId: result.suggestionId });
        setStatus('Draft ready.');
      }
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      const problem = e instanceof ApiError ? e.problem : { title: 'The draft failed', detail: (e as Error).message };
      setState({ kind: 'error', title: problem.title, detail: problem.detail });
      setStatus('The draft failed.');
    }
  }

  async function insert(text: string, suggestionId: string) {
    await host.appendText(text);
    tracker.inserted(suggestionId, text);
    setInserted(true);
    setStatus('Draft inserted into the reply.');
  }

  async function rewrite(action: Parameters<CopilotApi['rewrite']>[0], language?: string) {
    if (state.kind !== 'ready') return;
    setStatus('Rewriting…');
    try {
      const result = await api.rewrite(action, state.text, language, ticket.id);
      if (!result) {
        setRewriteSupported(false);
        setStatus('Rewriting is not available on this server.');
        return;
      }
      setRewriteInfo({ note: result.note ?? undefined, edits: result.edits ?? [], flags: result.flags ?? [] });
      if (result.changed === false) {
        setStatus(action === 'translate' ? 'Not translated: the draft is unchanged.' : 'Nothing to change.');
        return;
      }
      setState({ ...state, text: result.text, suggestionId: result.suggestionId ?? state.suggestionId });
      setStatus(result.provider?.offline ? 'Draft rewritten offline.' : 'Draft rewritten.');
    } catch (e) {
      setStatus(`Rewrite failed: ${(e as Error).message}`);
    }
  }

  const offline = state.kind === 'ready' && (state.draft.provider?.offline ?? false);
  const language = assist.language?.code ?? ticket.requester.locale ?? undefined;

  return (
    <section className="panel" aria-labelledby="draft-h">
      <h2 id="draft-h">Reply draft</h2>
      <p className="visually-hidden" role="status" aria-live="polite">{status}</p>
      {state.kind === 'idle' && (
        <Button isPrimary size="small" onClick={() => void draft()} disabled={assist.handoff} aria-describedby={assist.handoff ? 'draft-handoff' : undefined}>Draft reply</Button>
      )}
      {state.kind === 'idle' && assist.handoff && <p id="draft-handoff" className="passage">A boundary rule keeps this ticket with a human: no draft.</p>}
      {state.kind === 'streaming' && (
        <div>
          <div className="draft-text" aria-busy="true" aria-label="Draft being written">{state.text || <Dots aria-label="Drafting" />}</div>
          <Button size="small" isBasic onClick={() => { abort.current?.abort(); setState({ kind: 'idle' }); setStatus('Draft cancelled.'); }}>Stop</Button>
        </div>
      )}
      {state.kind === 'withheld' && (
        <Notice type="warning" title="No draft for this ticket">{state.draft.reason}</Notice>
      )}
      {state.kind === 'error' && (
        <Notice type="error" title={state.title}>
          <p>{state.detail}</p>
          <Button size="small" onClick={() => void draft()}>Try again</Button>
        </Notice>
      )}
      {state.kind === 'ready' && (
        <div className="row" style={{ flexDirection: 'column', alignItems: 'stretch' }}>
          <p className={`label${offline ? ' offline' : ''}`}>
            {state.draft.label ?? (offline ? 'Draft written offline — review before sending' : 'Draft — review before sending')}
          </p>
          {draftKindNote(state.draft) && <p className="passage">{draftKindNote(state.draft)}</p>}
          <div className="draft-text" tabIndex={0} aria-label="Draft text">{state.text}</div>
          {state.draft.flags?.map((f) => <p key={f} className="label offline">{f}</p>)}
          {rewriteInfo && (
            <div className="passage" aria-label="About the rewrite">
              {rewriteInfo.note && <p>{rewriteInfo.note}</p>}
              {rewriteInfo.edits.length > 0 && <ul>{rewriteInfo.edits.map((e) => <li key={e}>{e}</li>)}</ul>}
              {rewriteInfo.flags.map((f) => <p key={f} className="label offline">{f}</p>)}
            </div>
          )}
          {state.draft.citations && state.draft.citations.length > 0 && (
            <p className="passage">Sources: {state.draft.citations.map((c) => c.title).join('; ')}</p>
          )}
          <div className="row">
            <Button size="small" isPrimary onClick={() => void insert(state.text, state.suggestionId)}>{inserted ? 'Insert again' : 'Insert'}</Button>
            {rewriteSupported && <RewriteMenu onPick={(action) => void rewrite(action, action === 'translate' ? language : undefined)} />}
            <Button size="small" isBasic onClick={() => void draft()}>Regenerate</Button>
          </div>
          <Thumbs
            onUp={() => { void tracker.thumbsUp(state.suggestionId); setStatus('Thanks: marked helpful.'); }}
            onDown={(reason: Reason) => { void tracker.thumbsDown(state.suggestionId, reason); setStatus('Thanks: feedback sent.'); }}
          />
          <DraftNotes draft={state.draft} />
        </div>
      )}
    </section>
  );
}
