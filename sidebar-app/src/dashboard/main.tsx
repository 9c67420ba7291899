import { createRoot } from 'react-dom/client';
import { AnalyticsApi } from '../lib/api/analytics';
import { createHost } from '../lib/host/create-host';
import { pageMeta, Session } from '../lib/session';
import { Dashboard } from './Dashboard';
import './dashboard.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const session = Session.fromPage();
  if (!session) {
    root.render(
      <main className="dashboard state error" role="alert">
        <h1>Not signed in</h1>
        <p>Open the Copilot dashboard from the Zendesk top bar; the page needs the session Zendesk's signed load starts.</p>
      </main>,
    );
    return;
  }
  // Inside Zendesk, register with the App Framework like every app frame (the page needs nothing else from it).
  if (pageMeta('copilot-host') === 'zendesk') void createHost('zendesk');
  const api = new AnalyticsApi(() => session.current(), () => session.refresh());
  // Names are a nicety: without them the table shows agent ids.
  const names = await api.agentNames().catch(() => ({}));
  root.render(<Dashboard api={api} agentNames={names} />);
}

void start();
