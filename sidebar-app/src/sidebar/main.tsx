import { createRoot } from 'react-dom/client';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { CopilotApi } from '../lib/api/client';
import { createHost } from '../lib/host/create-host';
import { FeedbackQueue } from '../lib/feedback/queue';
import { feedbackSender } from '../lib/feedback/send';
import { agentLanguage } from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/locales';
import { pageMeta, Session } from '../lib/session';
import { App, MARK_REGISTERED } from './App';
import { Notice } from './Notice';
import './sidebar.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const render = (node: React.ReactNode) => root.render(<ThemeProvider>{node}</ThemeProvider>);
  // Outside the helpdesk no agent locale is known: the browser's language says these two.
  const outside = async (title: MessageKey, body: MessageKey) => {
    const { t } = await agentLanguage(navigator.language);
    render(<Notice title={t(title)}>{t(body)}</Notice>);
  };
  const session = Session.fromPage();
  if (!session) {
    await outside('sidebar.app.notSignedInTitle', 'sidebar.app.notSignedIn');
    return;
  }
  const host = await createHost(pageMeta('copilot-host'));
  if (!host) {
    await outside('sidebar.app.noHostTitle', 'sidebar.app.noHost');
    return;
  }
  // The helpdesk has registered the app (ZAF's app.registered; the preview at once): the start
  // of "time to first suggestions", read by the browser benchmark.
  performance.mark(MARK_REGISTERED);
  const api = new CopilotApi(() => session.current(), undefined, '', () => session.refresh());
  const queue = new FeedbackQueue({ storage: window.localStorage, send: feedbackSender((event) => api.feedback(event), () => session.refresh()) });
  window.addEventListener('online', () => void queue.flush());
  void queue.flush();
  render(<App host={host} api={api} queue={queue} />);
}

void start();
