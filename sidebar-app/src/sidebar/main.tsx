import { createRoot } from 'react-dom/client';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { CopilotApi } from '../lib/api/client';
import { createHost } from '../lib/host/create-host';
import { FeedbackQueue, resultOf } from '../lib/feedback/queue';
import { pageMeta, Session } from '../lib/session';
import { App, MARK_REGISTERED } from './App';
import { Notice } from './Notice';
import './sidebar.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const render = (node: React.ReactNode) => root.render(<ThemeProvider>{node}</ThemeProvider>);
  const session = Session.fromPage();
  if (!session) {
    render(<Notice title="Not signed in">Open Copilot from the ticket sidebar in Zendesk; the page needs the session Zendesk's signed load starts.</Notice>);
    return;
  }
  const host = await createHost(pageMeta('copilot-host'));
  if (!host) {
    render(<Notice title="Open this app inside Zendesk">The Zendesk App Framework did not start: the page was opened outside the agent workspace.</Notice>);
    return;
  }
  // The helpdesk has registered the app (ZAF's app.registered; the preview at once): the start
  // of "time to first suggestions", read by the browser benchmark.
  performance.mark(MARK_REGISTERED);
  const api = new CopilotApi(() => session.current(), undefined, '', () => session.refresh());
  const queue = new FeedbackQueue({
    storage: window.localStorage,
    send: async (event) => {
      try {
        const response = await api.feedback(event);
        // An expired session: renew it now, the queue's retry then goes through.
        if (response.status === 401) await session.refresh();
        return resultOf(response.status);
      } catch {
        return 'retry';
      }
    },
  });
  window.addEventListener('online', () => void queue.flush());
  void queue.flush();
  render(<App host={host} api={api} queue={queue} />);
}

void start();
