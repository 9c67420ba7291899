import { createRoot } from 'react-dom/client';
import { AnalyticsApi } from '../lib/api/analytics';
import { templateFetch } from '../lib/host/freshworks/backend';
import { freshworksClient } from '../lib/host/freshworks/client';
import { FreshworksHost } from '../lib/host/freshworks/freshworks-host';
import { Dashboard } from '../dashboard/Dashboard';
import '../dashboard/dashboard.css';

// The team-lead dashboard as Freshdesk's full-page app: the analytics calls are request templates; whether the agent
// may see them is the backend's to decide.
async function start() {
  const root = createRoot(document.getElementById('root')!);
  const client = await freshworksClient();
  if (!client) {
    root.render(
      <main className="dashboard state error" role="alert">
        <h1>Open this app inside Freshdesk</h1>
        <p>Open the Copilot dashboard from Freshdesk's app menu; the page needs the Freshworks app client.</p>
      </main>,
    );
    return;
  }
  const host = new FreshworksHost(client);
  const api = new AnalyticsApi(() => '', async () => false, templateFetch(client, async () => (await host.getCurrentUser()).id));
  // Names are a nicety: without them the table shows agent ids.
  const names = await api.agentNames().catch(() => ({}));
  root.render(<Dashboard api={api} agentNames={names} />);
}

void start();
