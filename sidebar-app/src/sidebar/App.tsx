import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { ApiError, type CopilotApi } from '../lib/api/client';
import type { Assist, Shown } from '../lib/api/types';
import { displayedKinds } from './displayed';
import type { Host, TicketInfo } from '../lib/host/host';
import type { FeedbackQueue } from '../lib/feedback/queue';
import { FeedbackTracker } from '../lib/feedback/tracker';
import { DraftPanel } from './DraftPanel';
import { MacroApply } from './MacroApply';
import { TriagePanel } from './TriagePanel';
import { WayForwardPanel } from './WayForwardPanel';
import { I18nProvider } from '../lib/i18n/i18n';
import { Notice } from './Notice';
import { SourcesPanel } from './SourcesPanel';
import { SummaryPanel } from './SummaryPanel';
import { WarningsPanel } from './WarningsPanel';
import { useAutoResize } from './useAutoResize';

/** Performance marks: the host registered the app; summary and articles are on screen. */
export const MARK_REGISTERED = 'copilot:registered';
export const MARK_SUGGESTIONS_SHOWN = 'copilot:suggestions-shown';

type Load = { state: 'loading' } | { state: 'ready'; assist: Assist } | { state: 'error'; error: ApiError | Error };

export function App({ host, api, queue }: { host: Host; api: CopilotApi; queue: FeedbackQueue }) {
  const rootRef = useRef<HTMLDivElement>(null);
  useAutoResize(host, rootRef);
  const [ticket, setTicket] = useState<TicketInfo | null>(null);
  const [ticketError, setTicketError] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    host.getTicket().then(setTicket, (e: Error) => setTicketError(e.message));
  }, [host]);

  const tracker = useMemo(() => (ticket ? new FeedbackTracker(host, queue, window.localStorage, ticket.id) : null), [host, queue, ticket]);
  useEffect(() => tracker?.attach(), [tracker]);

  /** 'load' shows the loading state; 'refresh' asks the backend to work the assist out again; 'reload' quietly takes the current one. */
  const fetchAssist = useCallback(async (mode: 'load' | 'refresh' | 'reload') => {
    if (!ticket) return;
    if (mode === 'refresh') setRefreshing(true);
    else if (mode === 'load') setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', assist: await api.assist(ticket.id, { refresh: mode === 'refresh' }) });
    } catch (e) {
      setLoad({ state: 'error', error: e as Error });
    } finally {
      setRefreshing(false);
    }
  }, [api, ticket]);

  // What is on screen counts as shown only once reported; the ids that come back are what its feedback is recorded against.
  const [shownIds, setShownIds] = useState<Shown>({});
  const assist = load.state === 'ready' ? load.assist : null;
  useEffect(() => {
    setShownIds({});
    const kinds = assist ? displayedKinds(assist) : [];
    if (!ticket || !assist || kinds.length === 0) return;
    let live = true;
    api.shown(ticket.id, assist.assistId, kinds).then(
      (ids) => { if (live) setShownIds(ids); },
      (e) => { if (live && e instanceof ApiError && e.status === 409) void fetchAssist('reload'); },
    );
    return () => { live = false; };
  }, [api, ticket, assist, fetchAssist]);

  useEffect(() => { void fetchAssist('load'); }, [fetchAssist]);
  const shown = load.state === 'ready';
  useEffect(() => {
    if (shown && performance.getEntriesByName(MARK_SUGGESTIONS_SHOWN).length === 0) performance.mark(MARK_SUGGESTIONS_SHOWN);
  }, [shown]);
  useEffect(() => host.onConversationChanged(() => void fetchAssist('refresh')), [host, fetchAssist]);

  return (
    <I18nProvider host={host}>
    <div ref={rootRef} className="copilot">
      {ticketError && <Notice type="error" title="Could not read the ticket">{ticketError}</Notice>}
      {!ticket && !ticketError && <Skeleton aria-label="Loading the ticket" />}
      {ticket && load.state === 'loading' && <Loading />}
      {ticket && load.state === 'error' && (
        <Notice type="error" title={load.error instanceof ApiError ? load.error.problem.title : 'Something went wrong'}>
          <p>{load.error instanceof ApiError ? load.error.problem.detail : load.error.message}</p>
          <Button size="small" onClick={() => void fetchAssist('load')}>Try again</Button>
        </Notice>
      )}
      {ticket && tracker && load.state === 'ready' && (
        <>
          {load.assist.provider?.offline && load.assist.provider.modelAvailable === false && (
            <Notice type="warning" title="Model unavailable — offline suggestions">
              Summaries and drafts are written offline from your knowledge base. Review them before sending.
            </Notice>
          )}
          {load.assist.stale && (
            <Notice type="warning" title="Showing the last suggestions">
              {load.assist.staleReason ?? 'The helpdesk could not be read just now.'}
            </Notice>
          )}
          <WarningsPanel warnings={load.assist.warnings} />
          <WayForwardPanel warnings={load.assist.warnings} host={host} onStep={(how) => { if (shownIds.handoff) void tracker.used(shownIds.handoff, how); }} />
          <SummaryPanel assist={load.assist} refreshing={refreshing} onRefresh={() => void fetchAssist('refresh')} suggestionId={shownIds.summary} tracker={tracker} />
          <DraftPanel ticket={ticket} assist={load.assist} api={api} host={host} tracker={tracker} />
          <TriagePanel ticketId={ticket.id} api={api} host={host} tracker={tracker} />
          <SourcesPanel title="Articles" kind="article" items={load.assist.articles} status={load.assist.matches?.articles} host={host} suggestionId={shownIds.articles} tracker={tracker} />
          <SourcesPanel title="Macros" kind="macro" items={load.assist.macros} status={load.assist.matches?.macros} host={host} suggestionId={shownIds.macros} tracker={tracker}
            macroAction={(item, used) => <MacroApply ticketId={ticket.id} macroId={item.sourceId} title={item.title} api={api} host={host} onApplied={() => used(`applied macro ${item.sourceId}`)} />} />
          <SourcesPanel title="Similar tickets" kind="ticket" items={load.assist.similarTickets} status={load.assist.matches?.similarTickets} host={host} suggestionId={shownIds.similarTickets} tracker={tracker} />
        </>
      )}
    </div>
    </I18nProvider>
  );
}

function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">Loading suggestions…</span>
      <Skeleton width="60%" />
      <Skeleton />
      <Skeleton width="80%" />
    </div>
  );
}
