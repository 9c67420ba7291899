import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Dots, Notice } from '@ui';
import { currentAgentName } from '../lib/api/agent-name';
import { CutOffError, type CopilotApi } from '../lib/api/client';
import type { Assist, Citation, Draft } from '../lib/api/types';
import type { Host, TicketInfo } from '../lib/host/host';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import { draftKindNote } from '../lib/api/draft-notes';
import { useT, type Translate } from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/locales';
import { ConfirmPromise, DraftFlags } from './DraftFlags';
import { promisesToConfirm, shownFlags } from './draftFlags';
import { DraftNotes } from './DraftNotes';
import { Instructions } from './Instructions';
import { Panel } from './Panel';
import { IncompleteText } from './IncompleteText';
import { problemText } from './problemText';
import { providerState } from './provider';
import { RewriteMenu } from './RewriteMenu';
import { Thumbs } from './Thumbs';
import { useFocusNext } from './useFocusNext';

/** Who wrote the draft, for its label: the model, the offline drafter (no model), or the offline drafter because the model failed. */
const LABELS: Record<ReturnType<typeof providerState>, MessageKey> = {
  model: 'sidebar.draft.labelModel', offline: 'sidebar.draft.labelOffline', failing: 'sidebar.draft.labelFallback',
};

/** Why no draft was written: the handoff rules that fired, named as the admin named them. */
function withheldReason(draft: Draft, t: Translate): string {
  const rules = draft.warnings.filter((w) => w.action === 'handoff').map((w) => w.name);
  return rules.length > 0 ? t('sidebar.draft.withheldReason', { rules: rules.join(', ') }) : t('sidebar.draft.withheld');
}

/** A draft to use; `failed` when a new one was asked for and failed, this one kept meanwhile. */
type Ready = { kind: 'ready'; draft: Draft; text: string; suggestionId: string; failed?: unknown };

type State =
  | { kind: 'idle' }
  | { kind: 'streaming'; text: string; sources: Citation[]; kept?: Ready }
  | Ready
  | { kind: 'withheld'; draft: Draft }
  | { kind: 'error'; error: unknown };

/** `assist` is null when it could not be had: drafting does not depend on it (the backend applies the handoff rules itself). */
export function DraftPanel({ ticket, assist, api, host, tracker, open, onToggle }: {
  ticket: TicketInfo; assist: Assist | null; api: CopilotApi; host: Host; tracker: FeedbackTracker; open: boolean; onToggle: () => void;
}) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [status, setStatus] = useState('');
  const [instructions, setInstructions] = useState('');
  const [rewriteSupported, setRewriteSupported] = useState(true);
  const [inserted, setInserted] = useState(false);
  /** A draft with a promise is inserted only after the agent confirms it: 'asking' while the confirm step is shown. */
  const [promise, setPromise] = useState<'unconfirmed' | 'asking' | 'confirmed'>('unconfirmed');
  /** What the last rewrite said about itself: the offline provider's note, its edits, facts it lost. */
  const [rewriteInfo, setRewriteInfo] = useState<{ note?: string; edits: string[]; flags: string[] } | null>(null);
  /** The rewrite under way, or how the last one ended when it changed nothing: on screen, not only in the status line. */
  const [rewriteNote, setRewriteNote] = useState<{ text: string; busy?: boolean; failed?: boolean } | null>(null);
  const rewriting = rewriteNote?.busy === true;
  const abort = useRef<AbortController | null>(null);
  const insertButton = useRef<HTMLButtonElement>(null);
  const draftButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const retryButton = useRef<HTMLButtonElement>(null);
  const draftText = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLButtonElement>(null);
  const focusNext = useFocusNext();
  useEffect(() => () => abort.current?.abort(), []);
  // Asked once, while the agent reads the summary: the draft is signed with this name.
  const agentName = useMemo(() => currentAgentName(host), [host]);

  async function draft() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    // The draft on screen stays until a new one arrives: back on Stop or on a failure.
    const kept = state.kind === 'ready' ? { ...state, failed: undefined } : state.kind === 'streaming' ? state.kept : undefined;
    const fresh = () => { setInserted(false); setPromise('unconfirmed'); setRewriteInfo(null); setRewriteNote(null); };
    setState({ kind: 'streaming', text: '', sources: [], kept });
    setStatus(t('sidebar.draft.drafting'));
    focusNext(() => stopButton.current);
    try {
      const result = await api.draft(ticket.id, { agentName: await agentName, instructions: instructions.trim() || undefined }, {
        onSources: (sources) => setState((s) => (s.kind === 'streaming' ? { ...s, sources } : s)),
        onDelta: (_, text) => setState((s) => (s.kind === 'streaming' ? { ...s, text } : s)),
      }, controller.signal);
      fresh();
      focusNext(() => draftText.current ?? heading.current);
      if (result.status === 'withheld' || !result.suggestionId) {
        setState({ kind: 'withheld', draft: result });
        setStatus(t('sidebar.draft.withheld'));
      } else {
        setState({ kind: 'ready', draft: result, text: result.text ?? '', suggestionId: result.suggestionId });
        setStatus(t('sidebar.draft.ready', { count: shownFlags(result).length }));
      }
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      focusNext(() => retryButton.current ?? heading.current);
      setState(kept ? { ...kept, failed: e } : { kind: 'error', error: e });
      setStatus(kept ? `${t('sidebar.draft.failed')} ${t('sidebar.draft.kept')}` : t('sidebar.draft.failed'));
    }
  }

  async function put(text: string, suggestionId: string) {
    await host.appendText(text);
    tracker.inserted(suggestionId, text);
    setInserted(true);
    setStatus(t('sidebar.draft.inserted'));
  }

  async function insert(text: string, suggestionId: string, draft: Draft) {
    if (promise !== 'confirmed' && promisesToConfirm(draft).length > 0) {
      setPromise('asking');
      setStatus(t('sidebar.draft.confirmFirst'));
      return;
    }
    await put(text, suggestionId);
  }

  async function rewrite(action: Parameters<CopilotApi['rewrite']>[0], language?: string) {
    if (state.kind !== 'ready' || rewriting) return;
    const from = state;
    const say = (text: string, how: { busy?: boolean; failed?: boolean } = {}) => { setStatus(text); setRewriteNote({ text, ...how }); };
    say(t('sidebar.draft.rewriting'), { busy: true });
    try {
      const result = await api.rewrite(action, from.text, language, ticket.id);
      if (!result) {
        setRewriteSupported(false);
        say(t('sidebar.draft.rewriteUnavailable'));
        return;
      }
      setRewriteInfo({ note: result.note ?? undefined, edits: result.edits ?? [], flags: result.flags ?? [] });
      if (result.changed === false) {
        say(action === 'translate' ? t('sidebar.draft.notTranslated') : t('sidebar.draft.nothingToChange'));
        return;
      }
      // Onto the draft it was asked for only: one regenerated meanwhile is left as it is.
      setState((s) => (s === from ? { ...from, text: result.text, suggestionId: result.suggestionId ?? from.suggestionId, failed: undefined } : s));
      setRewriteNote(null);
      setStatus(result.provider.offline ? t('sidebar.draft.rewrittenOffline') : t('sidebar.draft.rewritten'));
    } catch (e) {
      const failed = problemText(e, t);
      say(t('sidebar.draft.rewriteFailed', { reason: failed.detail ?? failed.title }), { failed: true });
    }
  }

  const offline = state.kind === 'ready' && state.draft.provider.offline;
  const language = assist?.language?.code ?? ticket.requester.locale ?? undefined;
  const idle = state.kind === 'idle';
  const handoff = assist?.handoff === true;
  const kindNote = state.kind === 'ready' ? draftKindNote(state.draft) : undefined;
  const failedWith = state.kind === 'error' ? state.error : state.kind === 'ready' ? state.failed : undefined;
  const failure = failedWith !== undefined ? problemText(failedWith, t, t('sidebar.draft.failedTitle')) : null;
  // What a cut-off stream wrote before it stopped: shown as incomplete, never insertable.
  const partial = failedWith instanceof CutOffError ? failedWith.partial.trim() : '';

  return (
    <Panel id="draft" headingRef={heading} title={t('sidebar.draft.title')} open={open} onToggle={onToggle}>
      <p className="visually-hidden" role="status" aria-live="polite">{status}</p>
      {idle && (
        <div className="row">
          <Button ref={draftButton} isPrimary size="small" onClick={() => void draft()} disabled={handoff} aria-describedby={handoff ? 'draft-handoff' : undefined}>{t('sidebar.draft.draft')}</Button>
          {!handoff && <Instructions value={instructions} onChange={setInstructions} />}
        </div>
      )}
      {idle && handoff && <p id="draft-handoff" className="passage">{t('sidebar.draft.handoff')}</p>}
      {failure && (
        <Notice type="error" title={failure.title}>
          {failure.detail && <p>{failure.detail}</p>}
          {partial && <IncompleteText id="draft-partial-note" text={partial} note={t('sidebar.draft.partialNote')} label={t('sidebar.draft.partial')} />}
          {state.kind === 'ready' && <p>{t('sidebar.draft.kept')}</p>}
          {failure.retry && <Button ref={retryButton} size="small" onClick={() => void draft()}>{t('sidebar.draft.tryAgain')}</Button>}
        </Notice>
      )}
      {/* The status line says the draft is ready; the text itself is read where it is, not announced. */}
      <div aria-busy={state.kind === 'streaming'}>
        {state.kind === 'streaming' && (
          <div>
            <div className="draft-text" aria-label={t('sidebar.draft.beingWritten')}>{state.text || <Dots aria-label={t('sidebar.draft.dots')} />}</div>
            <Button ref={stopButton} size="small" isBasic onClick={() => {
              abort.current?.abort();
              setState(state.kept ?? { kind: 'idle' });
              setStatus(t('sidebar.draft.cancelled'));
              focusNext(() => insertButton.current ?? draftButton.current);
            }}>{t('sidebar.draft.stop')}</Button>
          </div>
        )}
        {state.kind === 'ready' && (
          <div className="stack">
            <p className={`label${offline ? ' offline' : ''}`}>
              {t(LABELS[providerState(state.draft.provider)])}
            </p>
            {kindNote && <p className="passage">{t(kindNote)}</p>}
            <div ref={draftText} className="draft-text" tabIndex={0} aria-label={t('sidebar.draft.text')}>{state.text}</div>
          </div>
        )}
      </div>
      {state.kind === 'withheld' && (
        <Notice type="warning" title={t('sidebar.draft.withheldTitle')}>{withheldReason(state.draft, t)}</Notice>
      )}
      {state.kind === 'ready' && (
        <div className="stack">
          <DraftFlags flags={shownFlags(state.draft)} />
          {rewriteInfo && (
            <div className="passage" aria-label={t('sidebar.draft.aboutRewrite')}>
              {rewriteInfo.note && <p>{rewriteInfo.note}</p>}
              {rewriteInfo.edits.length > 0 && <ul>{rewriteInfo.edits.map((e) => <li key={e}>{e}</li>)}</ul>}
              {rewriteInfo.flags.map((f) => <p key={f} className="label offline">{f}</p>)}
            </div>
          )}
          {state.draft.citations && state.draft.citations.length > 0 && (
            <p className="passage">{t('sidebar.draft.sources', { titles: state.draft.citations.map((c) => c.title).join('; ') })}</p>
          )}
          {promise === 'asking' ? (
            <ConfirmPromise
              onConfirm={() => { setPromise('confirmed'); focusNext(() => insertButton.current); void put(state.text, state.suggestionId); }}
              onCancel={() => { setPromise('unconfirmed'); focusNext(() => insertButton.current); }}
            />
          ) : (
            <div className="row">
              <Button ref={insertButton} size="small" isPrimary disabled={rewriting} onClick={() => void insert(state.text, state.suggestionId, state.draft)}>{inserted ? t('sidebar.draft.insertAgain') : t('sidebar.draft.insert')}</Button>
              {rewriteSupported && <RewriteMenu onPick={(action) => void rewrite(action, action === 'translate' ? language : undefined)} />}
              <Button size="small" isBasic disabled={rewriting} onClick={() => void draft()}>{t('sidebar.draft.regenerate')}</Button>
              <Instructions value={instructions} onChange={setInstructions} />
            </div>
          )}
          {rewriteNote && (
            <p className={rewriteNote.failed ? 'label error' : 'passage'}>{rewriteNote.text}</p>
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
