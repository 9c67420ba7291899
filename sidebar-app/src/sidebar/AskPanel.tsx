import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { Anchor, Button, Dots, Notice } from '@ui';
import { CutOffError, type CopilotApi } from '../lib/api/client';
import type { Answer, Citation } from '../lib/api/types';
import { copyText } from '../lib/clipboard';
import type { FeedbackTracker } from '../lib/feedback/tracker';
import type { Host } from '../lib/host/host';
import { useLocale, useT } from '../lib/i18n/i18n';
import { dateTime } from '../lib/i18n/intl';
import type { MessageKey } from '../lib/i18n/locales';
import { Panel } from './Panel';
import { IncompleteText } from './IncompleteText';
import { problemText } from './problemText';
import { providerState } from './provider';
import { Thumbs } from './Thumbs';
import { useFocusNext } from './useFocusNext';

/** The longest question the backend takes. */
export const MAX_QUESTION = 2000;

/** Who answered, for the label: the model, the offline quotes (no model), the quotes because the model failed, or because the ticket stays with a person. */
export function answerLabel(answer: Answer): MessageKey {
  const state = providerState(answer.provider);
  if (state === 'model') return 'sidebar.ask.labelModel';
  if (state === 'failing') return 'sidebar.ask.labelFallback';
  return answer.provider.name === 'offline' ? 'sidebar.ask.labelOffline' : 'sidebar.ask.labelKept';
}

type State =
  | { kind: 'idle' }
  | { kind: 'streaming'; question: string; text: string }
  | { kind: 'ready'; question: string; answer: Answer }
  | { kind: 'error'; question: string; error: unknown };

/**
 * Ask Copilot: a question about the ticket or the team's knowledge, answered as it streams, with the sources it cites
 * (open them, insert their links), Insert and Copy (either counts the answer as used), thumbs, and follow-ups in the
 * same conversation until the agent starts a new one. "I don't know" is said as it is, with nothing to use.
 */
export function AskPanel({ ticketId, api, host, tracker, open, onToggle }: {
  ticketId: number; api: CopilotApi; host: Host; tracker: FeedbackTracker; open: boolean; onToggle: () => void;
}) {
  const t = useT();
  const [question, setQuestion] = useState('');
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [status, setStatus] = useState('');
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  // Ask (disabled while it works), Stop, Try again and New conversation leave the screen once used: the focus goes to what replaced them.
  const focusNext = useFocusNext();
  const stopButton = useRef<HTMLButtonElement>(null);
  const retryButton = useRef<HTMLButtonElement>(null);
  const answerText = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLButtonElement>(null);
  useEffect(() => () => abort.current?.abort(), []);

  /** Asks what the box holds, or `again`: the question that failed, for Try again (the box may have changed since). */
  async function ask(e?: FormEvent, again?: string) {
    e?.preventDefault();
    const asked = (again ?? question).trim();
    if (!asked || asked.length > MAX_QUESTION) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'streaming', question: asked, text: '' });
    setStatus(t('sidebar.ask.asking'));
    focusNext(() => stopButton.current);
    try {
      const answer = await api.ask(ticketId, { question: asked, conversationId }, {
        onDelta: (_, text) => setState((s) => (s.kind === 'streaming' ? { ...s, text } : s)),
      }, controller.signal);
      setConversationId(answer.conversationId);
      setQuestion('');
      setState({ kind: 'ready', question: asked, answer });
      focusNext(() => answerText.current ?? heading.current);
      setStatus(answer.status === 'unknown' ? t('sidebar.ask.unknown') : t('sidebar.ask.ready'));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      setState({ kind: 'error', question: asked, error });
      focusNext(() => retryButton.current ?? heading.current);
      setStatus(t('sidebar.ask.failed'));
    }
  }

  function startOver() {
    abort.current?.abort();
    setConversationId(null);
    setState({ kind: 'idle' });
    setQuestion('');
    setStatus(t('sidebar.ask.newStarted'));
    focusNext(() => input.current);
  }

  const failure = state.kind === 'error' ? problemText(state.error, t, t('sidebar.ask.failedTitle')) : null;
  // What a cut-off stream wrote before it stopped: shown as incomplete, with nothing to insert or copy.
  const partial = state.kind === 'error' && state.error instanceof CutOffError ? state.error.partial.trim() : '';
  return (
    <Panel id="ask" headingRef={heading} title={t('sidebar.ask.title')} open={open} onToggle={onToggle}>
      <p className="visually-hidden" role="status" aria-live="polite">{status}</p>
      <form className="stack" onSubmit={(e) => void ask(e)}>
        <label htmlFor={inputId} className="visually-hidden">{t('sidebar.ask.question')}</label>
        <textarea
          id={inputId} ref={input} className="field" rows={2} maxLength={MAX_QUESTION} value={question}
          placeholder={t(conversationId ? 'sidebar.ask.placeholderFollowUp' : 'sidebar.ask.placeholder')}
          onChange={(e) => setQuestion(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void ask(); } }}
        />
        <div className="row">
          <Button type="submit" isPrimary size="small" disabled={!question.trim() || state.kind === 'streaming'}>{t('sidebar.ask.ask')}</Button>
          {conversationId && <Button size="small" isBasic onClick={startOver}>{t('sidebar.ask.newConversation')}</Button>}
        </div>
      </form>
      {state.kind !== 'idle' && <p className="passage">{t('sidebar.ask.youAsked', { value: state.question })}</p>}
      {/* The status line says the answer is ready; the answer itself is read where it is, not announced. */}
      <div aria-busy={state.kind === 'streaming'}>
        {state.kind === 'streaming' && (
          <div>
            <div className="draft-text" aria-label={t('sidebar.ask.beingWritten')}>{state.text || <Dots aria-label={t('sidebar.ask.asking')} />}</div>
            <Button ref={stopButton} size="small" isBasic onClick={() => {
              abort.current?.abort();
              setState({ kind: 'idle' });
              setStatus(t('sidebar.ask.cancelled'));
              focusNext(() => input.current);
            }}>{t('sidebar.ask.stop')}</Button>
          </div>
        )}
        {state.kind === 'ready' && <AnswerView answer={state.answer} host={host} tracker={tracker} textRef={answerText} />}
      </div>
      {failure && (
        <Notice type="error" title={failure.title}>
          {failure.detail && <p>{failure.detail}</p>}
          {partial && <IncompleteText id="ask-partial-note" text={partial} note={t('sidebar.ask.partialNote')} label={t('sidebar.ask.partial')} />}
          {failure.retry && <Button ref={retryButton} size="small" onClick={() => { const again = state.kind === 'error' ? state.question : question; setQuestion(again); void ask(undefined, again); }}>{t('sidebar.ask.tryAgain')}</Button>}
        </Notice>
      )}
    </Panel>
  );
}

function AnswerView({ answer, host, tracker, textRef }: { answer: Answer; host: Host; tracker: FeedbackTracker; textRef: Ref<HTMLDivElement> }) {
  const t = useT();
  const [done, setDone] = useState('');
  const label = <p className={`label${answer.provider.offline ? ' offline' : ''}`}>{t(answerLabel(answer))}</p>;
  if (answer.status === 'unknown' || !answer.suggestionId) {
    return <div className="stack">{label}<p className="answer-unknown">{t('sidebar.ask.unknown')}</p></div>;
  }
  const id = answer.suggestionId;
  const insert = async () => {
    await host.appendText(answer.text);
    void tracker.used(id, 'inserted answer');
    tracker.inserted(id, answer.text);
    setDone(t('sidebar.ask.inserted'));
  };
  const copy = async () => {
    const copied = await copyText(answer.text);
    if (copied) void tracker.used(id, 'copied answer');
    setDone(t(copied ? 'sidebar.ask.copied' : 'sidebar.ask.copyFailed'));
  };
  return (
    <div className="stack">
      {label}
      {answer.followUp && <p className="passage">{t('sidebar.ask.followUp')}</p>}
      <div ref={textRef} className="draft-text" tabIndex={0} aria-label={t('sidebar.ask.answer')}>{answer.text}</div>
      {answer.notCovered && answer.notCovered.length > 0 && <p className="passage">{t('sidebar.ask.notCovered', { value: answer.notCovered.join(', ') })}</p>}
      {answer.citations.length > 0 && <Citations citations={answer.citations} host={host} onInsert={(c) => void tracker.used(id, `inserted citation ${c.sourceId}`)} />}
      <div className="row">
        <Button size="small" isPrimary onClick={() => void insert()}>{t('sidebar.ask.insert')}</Button>
        <Button size="small" onClick={() => void copy()}>{t('sidebar.ask.copy')}</Button>
      </div>
      <p className="passage" role="status">{done}</p>
      <Thumbs label={t('sidebar.ask.rate')} onUp={() => tracker.thumbsUp(id)} onDown={(reason, comment) => tracker.thumbsDown(id, reason, comment)} />
    </div>
  );
}

/**
 * The sources an answer cites: each opens in a new tab, and an article's or document's link can be inserted. A lookup
 * the copilot ran for this answer is labelled as one (its name and when it ran), and what it read can be inserted.
 */
function Citations({ citations, host, onInsert }: { citations: Citation[]; host: Host; onInsert: (c: Citation) => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <h3 className="subhead">{t('sidebar.ask.sources')}</h3>
      <ul className="citations">
        {citations.map((c) => (
          <li key={`${c.kind}:${c.sourceId}`} data-kind={c.kind}>
            <span>{c.kind === 'lookup' ? t('sidebar.ask.lookup', { title: c.title, time: c.ranAt ? dateTime(locale, c.ranAt) : '' }) : c.title}</span>
            {c.kind === 'lookup' && c.text && <pre className="passage lookup">{c.text}</pre>}
            <div className="row">
              {c.kind === 'lookup' && c.text && (
                <Button size="small" isBasic onClick={() => { onInsert(c); void host.appendText(c.text!); }} aria-label={t('sidebar.ask.insertResultLabel', { title: c.title })}>{t('sidebar.ask.insertResult')}</Button>
              )}
              {c.url && <Anchor href={c.url} target="_blank" rel="noreferrer" isExternal externalIconLabel={t('sidebar.link.newTab')} aria-label={t('sidebar.ask.openLabel', { title: c.title })}>{t('sidebar.ask.open')}</Anchor>}
              {(c.kind === 'article' || c.kind === 'document') && c.url && (
                <Button size="small" isBasic onClick={() => { onInsert(c); void host.appendText(`${c.title}: ${c.url}`); }} aria-label={t('sidebar.sources.insertLinkLabel', { title: c.title })}>{t('sidebar.sources.insertLink')}</Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
