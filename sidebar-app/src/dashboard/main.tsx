import { createRoot } from 'react-dom/client';
import { AnalyticsApi } from '../lib/api/analytics';
import { pageMeta, Session } from '../lib/session';
import { Dashboard } from './Dashboard';
import './dashboard.css';

/** Names for the agent table: the local preview lists its demo agents; in Zendesk the table shows ids. */
async function agentNames(host: string): Promise<Record<string, string>> {
  if (host !== 'preview') return {};
  try {
    const agents: { id: string; name: string }[] = await (await fetch('/preview/api/agents')).json();
    return Object.fromEntries(agents.map((a) => [a.id, a.name]));
  } catch {
    return {};
  }
}

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
  const api = new AnalyticsApi(() => session.current(), () => session.refresh());
  root.render(<Dashboard api={api} agentNames={await agentNames(pageMeta('copilot-host'))} />);
}

void start();
