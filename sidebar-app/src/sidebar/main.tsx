import { CopilotApi } from '../lib/api/client';
import { createHost } from '../lib/host/create-host';
import { pageMeta, Session } from '../lib/session';
import { startSidebar } from './start';

// Zendesk (and the local preview): the backend wrote our session into the page after verifying the signed load.
void startSidebar(async () => {
  const session = Session.fromPage();
  if (!session) return { title: 'sidebar.app.notSignedInTitle', body: 'sidebar.app.notSignedIn' };
  const host = await createHost(pageMeta('copilot-host'));
  if (!host) return { title: 'sidebar.app.noHostTitle', body: 'sidebar.app.noHost' };
  const renew = () => session.refresh();
  return { host, api: new CopilotApi(() => session.current(), undefined, '', renew), renew };
});
