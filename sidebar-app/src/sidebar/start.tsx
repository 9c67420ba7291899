import { createRoot } from 'react-dom/client';
import { Notice, UiProvider } from '@ui';
import type { CopilotApi } from '../lib/api/client';
import { FeedbackQueue } from '../lib/feedback/queue';
import { feedbackSender } from '../lib/feedback/send';
import type { Host } from '../lib/host/host';
import { agentLanguage } from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/locales';
import { App, MARK_REGISTERED } from './App';
import './sidebar.css';

/** The helpdesk page around the sidebar and the way to the backend, once both are there. */
export interface Connection {
  host: Host;
  api: CopilotApi;
  /** A fresh proof of the agent for the backend; false when none can be had (sign in again). */
  renew: () => Promise<boolean>;
}

/** Why the sidebar cannot start, in two messages. */
export interface NotConnected { title: MessageKey; body: MessageKey }

/** Draws the sidebar once `connect` has the helpdesk and the backend; otherwise says why it cannot. */
export async function startSidebar(connect: () => Promise<Connection | NotConnected>) {
  const root = createRoot(document.getElementById('root')!);
  const render = (node: React.ReactNode) => root.render(<UiProvider>{node}</UiProvider>);
  const connection = await connect();
  if ('title' in connection) {
    // Outside the helpdesk no agent locale is known: the browser's language says why.
    const { t } = await agentLanguage(navigator.language);
    render(<Notice title={t(connection.title)}>{t(connection.body)}</Notice>);
    return;
  }
  // The helpdesk has registered the app (ZAF's app.registered; Freshworks' app.initialized; the preview at once): the
  // start of "time to first suggestions", read by the browser benchmark.
  performance.mark(MARK_REGISTERED);
  const { host, api, renew } = connection;
  const queue = new FeedbackQueue({ storage: window.localStorage, send: feedbackSender((event) => api.feedback(event), renew) });
  window.addEventListener('online', () => void queue.flush());
  void queue.flush();
  render(<App host={host} api={api} queue={queue} />);
}
