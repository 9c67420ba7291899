import './messages';
import { CopilotApi } from '../lib/api/client';
import { templateFetch } from '../lib/host/freshworks/backend';
import { freshworksClient } from '../lib/host/freshworks/client';
import { FreshworksHost } from '../lib/host/freshworks/freshworks-host';
import { startSidebar } from '../sidebar/start';

// Freshdesk's ticket sidebar (the Freshworks app's support_ticket module): every backend call is a request template,
// which carries the tenant's secret; there is no session to renew.
void startSidebar(async () => {
  const client = await freshworksClient();
  if (!client) return { title: 'sidebar.app.noFreshworksTitle', body: 'sidebar.app.noFreshworks' };
  const host = new FreshworksHost(client);
  const api = new CopilotApi(() => '', templateFetch(client, async () => (await host.getCurrentUser()).id));
  return { host, api, renew: async () => false };
});
