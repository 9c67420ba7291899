import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { currentAgentName } from '../lib/api/agent-name';
import { ApiError, type CopilotApi } from '../lib/api/client';
import type { Assist, Citation, Draft } from '../lib/api/types';
import type { Host, TicketInfo } from '../lib/host/host';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import { draftKindNote } from '../lib/api/draft-notes';
import { ConfirmPromise, DraftFlags } from './DraftFlags';
import { promisesToConfirm, shownFlags } from './draftFlags';
import { DraftNotes } from './DraftNotes';
import { Instructions } from './Instructions';
import { Notice } from './Notice';
import { Panel } from './Panel';
import { RewriteMenu } from './RewriteMenu';
import { Thumbs } from './Thumbs';

const STRINGS = {
  title: 'Reply draft',
  draft: 'Draft reply',
  handoff: 'A boundary rule keeps this ticket with a human: no draft.',
  drafting: 'Drafting a reply…',
  beingWritten: 'Draft being written',
  stop: 'Stop',
  cancelled: 'Draft cancelled.',
  withheldTitle: 'No draft for this ticket',
  withheld: 'No draft: this ticket stays with a human.',
  ready: (flags: number) => (flags > 0 ? `Draft ready, with ${flags} thing${flags === 1 ? '' : 's'} to check before inserting.` : 'Draft ready.'),
  failed: 'The draft failed.',
  tryAgain: 'Try again',
  inserted: 'Draft inserted into the reply.',
  insert: 'Insert',
  insertAgain: 'Insert again',
  confirmFirst: 'Confirm the promise before inserting.',
  regenerate: 'Regenerate',
  labelOffline: 'Draft written offline — review before sending',
  labelModel: 'Draft — review before sending',
  draftText: 'Draft text',
  sources: 'Sources: ',
};

type State =
  | { kind: 'idle' }
  | { kind: 'streaming'; text: string; sources: Citation[] }
  | { kind: 'ready'; draft: Draft; text: string; suggestionId: string }
  | { kind: 'withheld'; draft: Draft }
  | { kind: 'error'; title: string; detail?: string };

export function DraftPanel({ ticket, assist, api, host, tracker, open, onToggle }: {
  ticket: TicketInfo; assist: Assist; api: CopilotApi; host: Host; tracker: FeedbackTracker; open: boolean; onToggle: () => void;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [status, setStatus] = useState('');
  const [instructions, setInstructions] = useState('');
  const [rewriteSupported, setRewriteSupported] = useState(true);
  const [inserted, setInserted] = useState(false);
  /** A draft with a promise is inserted only after the agent confirms it: 'asking' while the confirm step is shown. */
  const [promise, setPromise] = useState<'unconfirmed' | 'asking' | 'confirmed'>('unconfirmed');
  /** What the last rewrite said about itself: the offline provider's note, its edits, facts it lost. */
  const [rewriteInfo, setRewriteInfo] = useState<{ note?: string; edits: string[]; flags: string[] } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const insertButton = useRef<HTMLButtonElement>(null);
  useEffect(() => () => abort.current?.abort(), []);
  // Asked once, while the agent reads the summary: the draft is signed with this name.
  const agentName = useMemo(() => currentAgentName(host), [host]);

  async function draft() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setInserted(false);
    setPromise('unconfirmed');
    setRewriteInfo(null);
    setState({ kind: 'streaming', text: '', sources: [] });
    setStatus(STRINGS.drafting);
    try {
      const result = await api.draft(ticket.id, { agentName: await agentName, instructions: instructions.trim() || undefined }, {
        onSources: (sources) => setState((s) => (s.kind === 'streaming' ? { ...s, sources } : s)),
        onDelta: (_, text) => setState((s) => (s.kind === 'streaming' ? { ...s, text } : s)),
      }, controller.signal);
      if (result.status === 'withheld' || !result.suggestionId) {
        setState({ kind: 'withheld', draft: result });
        setStatus(STRINGS.withheld);
      } else {
        setState({ kind: 'ready', draft: result, text: result.text ?? '', suggestionId: result.suggestionId });
        setStatus(STRINGS.ready(shownFlags(result).length));
      }
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      const problem = e instanceof ApiError ? e.problem : { title: 'The draft failed', detail: (e as Error).message };
      setState({ kind: 'error', title: problem.title, detail: problem.detail ?? undefined });
      setStatus(STRINGS.failed);
    }
  }

  async function put(text: string, suggestionId: string) {
    await host.appendText(text);
    tracker.inserted(suggestionId, text);
    setInserted(true);
    setStatus(STRINGS.inserted);
  }

  async function insert(text: string, suggestionId: string, draft: Draft) {
    if (promise !== 'confirmed' && promisesToConfirm(draft).length > 0) {
      setPromise('asking');
      setStatus(STRINGS.confirmFirst);
      return;
    }
    await put(text, suggestionId);
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
  const idle = state.kind === 'idle';

  return (
    <Panel id="draft" title={STRINGS.title} open={open} onToggle={onToggle}>
      <p className="visually-hidden" role="status" aria-live="polite">{status}</p>
      {idle && (
        <div className="row">
          <Button isPrimary size="small" onClick={() => void draft()} disabled={assist.handoff} aria-describedby={assist.handoff ? 'draft-handoff' : undefined}>{STRINGS.draft}</Button>
          {!assist.handoff && <Instructions value={instructions} onChange={setInstructions} />}
        </div>
      )}
      {idle && assist.handoff && <p id="draft-handoff" className="passage">{STRINGS.handoff}</p>}
      {/* Announced once the text is complete (aria-busy while it streams), not word by word. */}
      <div aria-live="polite" aria-busy={state.kind === 'streaming'}>
        {state.kind === 'streaming' && (
          <div>
            <div className="draft-text" aria-label={STRINGS.beingWritten}>{state.text || <Dots aria-label="Drafting" />}</div>
            <Button size="small" isBasic onClick={() => { abort.current?.abort(); setState({ kind: 'idle' }); setStatus(STRINGS.cancelled); }}>{STRINGS.stop}</Button>
          </div>
        )}
        {state.kind === 'ready' && (
          <div className="stack">
            <p className={`label${offline ? ' offline' : ''}`}>
              {state.draft.label ?? (offline ? STRINGS.labelOffline : STRINGS.labelModel)}
            </p>
            {draftKindNote(state.draft) && <p className="passage">{draftKindNote(state.draft)}</p>}
            <div className="draft-text" tabIndex={0} aria-label={STRINGS.draftText}>{state.text}</div>
          </div>
        )}
      </div>
      {state.kind === 'withheld' && (
        <Notice type="warning" title={STRINGS.withheldTitle}>{state.draft.reason}</Notice>
      )}
      {state.kind === 'error' && (
        <Notice type="error" title={state.title}>
          <p>{state.detail}</p>
          <Button size="small" onClick={() => void draft()}>{STRINGS.tryAgain}</Button>
        </Notice>
      )}
      {state.kind === 'ready' && (
        <div className="stack">
          <DraftFlags flags={shownFlags(state.draft)} />
          {rewriteInfo && (
            <div className="passage" aria-label="About the rewrite">
              {rewriteInfo.note && <p>{rewriteInfo.note}</p>}
              {rewriteInfo.edits.length > 0 && <ul>{rewriteInfo.edits.map((e) => <li key={e}>{e}</li>)}</ul>}
              {rewriteInfo.flags.map((f) => <p key={f} className="label offline">{f}</p>)}
            </div>
          )}
          {state.draft.citations && state.draft.citations.length > 0 && (
            <p className="passage">{STRINGS.sources}{state.draft.citations.map((c) => c.title).join('; ')}</p>
          )}
          {promise === 'asking' ? (
            <ConfirmPromise
              onConfirm={() => { setPromise('confirmed'); void put(state.text, state.suggestionId).then(() => insertButton.current?.focus()); }}
              onCancel={() => { setPromise('unconfirmed'); insertButton.current?.focus(); }}
            />
          ) : (
            <div className="row">
              <Button ref={insertButton} size="small" isPrimary onClick={() => void insert(state.text, state.suggestionId, state.draft)}>{inserted ? STRINGS.insertAgain : STRINGS.insert}</Button>
              {rewriteSupported && <RewriteMenu onPick={(action) => void rewrite(action, action === 'translate' ? language : undefined)} />}
              <Button size="small" isBasic onClick={() => void draft()}>{STRINGS.regenerate}</Button>
              <Instructions value={instructions} onChange={setInstructions} />
            </div>
          )}
          <Thumbs
            onUp={() => tracker.thumbsUp(state.suggestionId)}
            onDown={(reason, comment) => tracker.thumbsDown(state.suggestionId, reason, comment)}
          />
          <DraftNotes draft={state.draft} />
        </div>
      )}
    </Panel>
  );
}
