import type { Host } from './host';
import { PreviewHost } from './preview-host';
import { ZafHost, type ZafClient } from './zaf-host';

/**
 * Picks the host the page runs in: the local preview says so in the page the backend
 * serves; otherwise the ZAF SDK, which needs the `origin` and `app_guid` Zendesk adds to the URL.
 */
export async function createHost(mode: string): Promise<Host | null> {
  if (mode === 'preview') {
    return new PreviewHost(window.parent, window.location.origin);
  }
  const { default: ZAFClient } = await import('zendesk_app_framework_sdk');
  // Zendesk answers calls once it has registered the app; wait for that, but not forever.
  return new Promise((resolve) => {
    let client: unknown = null;
    const ready = () => resolve(client ? new ZafHost(client as ZafClient) : null);
    client = ZAFClient.init(() => ready());
    if (!client) resolve(null);
    else setTimeout(ready, REGISTRATION_WAIT_MS);
  });
}

const REGISTRATION_WAIT_MS = 5000;
