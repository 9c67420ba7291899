import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Notice, Skeleton } from '@ui';
import { ApiError, type CopilotApi } from '../lib/api/client';
import type { Assist, Shown, ShownKind } from '../lib/api/types';
import { displayedKinds } from './displayed';
import type { Host, TicketInfo } from '../lib/host/host';
import type { FeedbackQueue } from '../lib/feedback/queue';
import { FeedbackTracker } from '../lib/feedback/tracker';
import { ActionsPanel } from './ActionsPanel';
import { AskPanel } from './AskPanel';
import { DraftPanel } from './DraftPanel';
import { MacroApply } from './MacroApply';
import { ProcedurePanel } from './ProcedurePanel';
import { TriagePanel } from './TriagePanel';
import { WayForwardPanel } from './WayForwardPanel';
import { I18nProvider, useDocumentLanguage, useLocale, useT } from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/locales';
import { dateTime } from '../lib/i18n/intl';
import { problemText } from './problemText';
import { ProviderBadge } from './ProviderBadge';
import { SourcesPanel } from './SourcesPanel';
import { SummaryPanel } from './SummaryPanel';
import { WarningsPanel } from './WarningsPanel';
import { useAutoResize } from './useAutoResize';
import { usePanels } from './usePanels';

/** Performance marks: the host registered the app; summary and articles are on screen. */
export const MARK_REGISTERED = 'copilot:registered';
export const MARK_SUGGESTIONS_SHOWN = 'copilot:suggestions-shown';

type Load = { state: 'loading' } | { state: 'ready'; assist: Assist } | { state: 'error'; error: ApiError | Error };

export function App({ host, api, queue }: { host: Host; api: CopilotApi; queue: FeedbackQueue }) {
  const rootRef = useRef<HTMLElement>(null);
  useAutoResize(host, rootRef);
  const [ticket, setTicket] = useState<TicketInfo | null>(null);
  const [ticketError, setTicketError] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  /** A refresh (or quiet reload) that failed after the assist was shown: said above it, which stays as it was. */
  const [refreshFailed, setRefreshFailed] = useState<{ error: Error; mode: 'refresh' | 'reload' } | null>(null);
  const shownOnce = useRef(false);
  /** Drafting and Ask do not need the assist: once it has failed they stay on screen, through its retries too. */
  const [assistFailed, setAssistFailed] = useState(false);
  /** Said once when the assist arrives (loaded or refreshed), not on every render. */
  const [loaded, setLoaded] = useState<MessageKey | null>(null);
  const panels = usePanels(host);

  useEffect(() => {
    host.getTicket().then(setTicket, (e: Error) => setTicketError(e.message));
  }, [host]);

  const tracker = useMemo(() => (ticket ? new FeedbackTracker(host, queue, window.localStorage, ticket.id) : null), [host, queue, ticket]);
  useEffect(() => tracker?.attach(), [tracker]);

  /** 'load' shows the loading state; 'refresh' asks the backend to work the assist out again; 'reload' quietly takes the current one. */
  const fetchAssist = useCallback(async (mode: 'load' | 'refresh' | 'reload') => {
    if (!ticket) return;
    if (mode === 'refresh') setRefreshing(true);
    else if (mode === 'load') { shownOnce.current = false; setLoad({ state: 'loading' }); }
    setRefreshFailed(null);
    if (mode !== 'reload') setLoaded(null);
    try {
      const next = await api.assist(ticket.id, { refresh: mode === 'refresh' });
      setLoad({ state: 'ready', assist: next });
      if (mode !== 'reload') setLoaded(found(next) ? 'sidebar.app.loaded' : 'sidebar.app.loadedNothing');
      shownOnce.current = true;
    } catch (e) {
      // Once the assist is on screen, a failed refresh keeps it, and the draft, as they are: only the first load's failure takes the screen.
      if (mode !== 'load' && shownOnce.current) setRefreshFailed({ error: e as Error, mode });
      else { setLoad({ state: 'error', error: e as Error }); setAssistFailed(true); }
    } finally {
      setRefreshing(false);
    }
  }, [api, ticket]);

  // What is on screen counts as shown only once reported; the ids that come back are what its feedback is recorded against.
  // A section opened later adds its items to the report (the ids reported before come back unchanged); closing one takes nothing back.
  const [shownIds, setShownIds] = useState<Shown>({});
  const [seenKinds, setSeenKinds] = useState<ShownKind[]>([]);
  const assist = load.state === 'ready' ? load.assist : null;
  const displayed = assist && panels.ready ? displayedKinds(assist, panels.isOpen).join(',') : '';
  useEffect(() => { setShownIds({}); setSeenKinds([]); }, [assist]);
  useEffect(() => {
    const now = displayed ? (displayed.split(',') as ShownKind[]) : [];
    setSeenKinds((prev) => (now.some((k) => !prev.includes(k)) ? [...prev, ...now.filter((k) => !prev.includes(k))] : prev));
  }, [displayed, assist]);
  const seen = seenKinds.join(',');
  useEffect(() => {
    if (!ticket || !assist || !seen) return;
    let live = true;
    api.shown(ticket.id, assist.assistId, seen.split(',') as ShownKind[]).then(
      (ids) => { if (live) setShownIds(ids); },
      (e) => { if (live && e instanceof ApiError && e.status === 409) void fetchAssist('reload'); },
    );
    return () => { live = false; };
  }, [api, ticket, assist, seen, fetchAssist]);

  useEffect(() => { void fetchAssist('load'); }, [fetchAssist]);
  const shown = load.state === 'ready';
  const draftAndAsk = load.state !== 'loading' || assistFailed;
  useEffect(() => {
    if (shown && performance.getEntriesByName(MARK_SUGGESTIONS_SHOWN).length === 0) performance.mark(MARK_SUGGESTIONS_SHOWN);
  }, [shown]);
  useEffect(() => host.onConversationChanged(() => void fetchAssist('refresh')), [host, fetchAssist]);

  // The agent's language is loaded while the ticket and its assist are read: only the words wait for it.
  return (
    <main ref={rootRef} className="copilot" aria-labelledby="copilot-h">
      <I18nProvider host={host} fallback={<Skeleton width="60%" />}>
        <Heading ticketId={ticket?.id} />
        <Announce message={loaded} />
        {ticketError && <Failure title="sidebar.app.ticketError" detail={ticketError} />}
        {!ticket && !ticketError && <Loading what="ticket" />}
        {ticket && load.state === 'loading' && <Loading what="suggestions" />}
        {ticket && load.state === 'error' && <Failure error={load.error} onRetry={() => void fetchAssist('load')} />}
        {ticket && tracker && assist && (
          <>
            <ProviderBadge provider={assist.provider} />
            {assist.stale && <Stale generatedAt={assist.generatedAt} />}
            {refreshFailed && <RefreshFailed error={refreshFailed.error} onRetry={() => void fetchAssist(refreshFailed.mode)} />}
            <WarningsPanel warnings={assist.warnings} />
            <WayForwardPanel warnings={assist.warnings} host={host} onStep={(how) => { if (shownIds.handoff) void tracker.used(shownIds.handoff, how); }} />
            <SummaryPanel assist={assist} refreshing={refreshing} onRefresh={() => void fetchAssist('refresh')} suggestionId={shownIds.summary} tracker={tracker}
              open={panels.isOpen('summary')} onToggle={() => panels.toggle('summary')} />
          </>
        )}
        {/* Each panel keeps its place whether the assist is there or not, so a draft or an answer survives the assist's retry. */}
        {ticket && tracker && draftAndAsk && (
          <DraftPanel ticket={ticket} assist={assist} api={api} host={host} tracker={tracker} open={panels.isOpen('draft')} onToggle={() => panels.toggle('draft')} />
        )}
        {assist && <ProcedurePanel assist={assist} open={panels.isOpen('procedure')} onToggle={() => panels.toggle('procedure')} />}
        {ticket && tracker && draftAndAsk && (
          <AskPanel ticketId={ticket.id} api={api} host={host} tracker={tracker} open={panels.isOpen('ask')} onToggle={() => panels.toggle('ask')} />
        )}
        {ticket && tracker && assist && (
          <>
            <TriagePanel ticketId={ticket.id} api={api} host={host} tracker={tracker} />
            <ActionsPanel ticketId={ticket.id} api={api} host={host} />
            <SourcesPanel kind="article" items={assist.articles} status={assist.matches?.articles} host={host} suggestionId={shownIds.articles} tracker={tracker}
              open={panels.isOpen('articles')} onToggle={() => panels.toggle('articles')} />
            <SourcesPanel kind="macro" items={assist.macros} status={assist.matches?.macros} host={host} suggestionId={shownIds.macros} tracker={tracker}
              open={panels.isOpen('macros')} onToggle={() => panels.toggle('macros')}
              macroAction={(item, used) => <MacroApply ticketId={ticket.id} macroId={item.sourceId} title={item.title} api={api} host={host} onApplied={() => used(`applied macro ${item.sourceId}`)} />} />
            <SourcesPanel kind="ticket" items={assist.similarTickets} status={assist.matches?.similarTickets} host={host} suggestionId={shownIds.similarTickets} tracker={tracker}
              open={panels.isOpen('similar-tickets')} onToggle={() => panels.toggle('similar-tickets')} />
          </>
        )}
      </I18nProvider>
    </main>
  );
}

function Heading({ ticketId }: { ticketId?: number }) {
  const t = useT();
  useDocumentLanguage();
  return <h1 id="copilot-h" className="visually-hidden">{ticketId ? t('sidebar.app.titleTicket', { id: String(ticketId) }) : t('sidebar.app.title')}</h1>;
}

/** Whether the assist found anything to show beside its summary: articles, macros or similar tickets. */
function found(assist: Assist): boolean {
  return assist.articles.length + assist.macros.length + assist.similarTickets.length > 0;
}

/** A polite status that is there from the start, so what it says once is announced. */
function Announce({ message }: { message: MessageKey | null }) {
  const t = useT();
  return <p className="visually-hidden" role="status" aria-live="polite">{message ? t(message) : ''}</p>;
}

function Loading({ what }: { what: 'ticket' | 'suggestions' }) {
  const t = useT();
  if (what === 'ticket') return <Skeleton aria-label={t('sidebar.app.loadingTicket')} />;
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{t('sidebar.app.loading')}</span>
      <Skeleton width="60%" />
      <Skeleton />
      <Skeleton width="80%" />
    </div>
  );
}

/** The ticket or its assist could not be had: what went wrong, and a retry when one can help. */
function Failure({ error, title, detail, onRetry }: { error?: Error; title?: 'sidebar.app.ticketError'; detail?: string; onRetry?: () => void }) {
  const t = useT();
  const text = error ? problemText(error, t) : { title: t(title ?? 'sidebar.app.error'), detail, retry: true };
  return (
    <Notice type="error" title={text.title}>
      {text.detail && <p>{text.detail}</p>}
      {onRetry && text.retry && <Button size="small" onClick={onRetry}>{t('sidebar.app.tryAgain')}</Button>}
    </Notice>
  );
}

/** A refresh failed after the assist was shown: what is on screen stays (the draft too), with why and a retry when one can help. */
function RefreshFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT();
  const failed = problemText(error, t);
  return (
    <Notice type="error" title={t('sidebar.app.refreshFailedTitle')}>
      <p>{failed.detail ?? failed.title}</p>
      <p>{t('sidebar.app.refreshKept')}</p>
      {failed.retry && <Button size="small" onClick={onRetry}>{t('sidebar.app.tryAgain')}</Button>}
    </Notice>
  );
}

/** The last assist, shown because the helpdesk could not be read in time: said with the moment it is from. */
function Stale({ generatedAt }: { generatedAt: string }) {
  const t = useT();
  const locale = useLocale();
  return <Notice type="warning" title={t('sidebar.app.staleTitle')}>{t('sidebar.app.stale', { time: dateTime(locale, generatedAt) })}</Notice>;
}
