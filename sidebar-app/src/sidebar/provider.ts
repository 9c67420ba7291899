import type { Provider } from '../lib/api/types';

/**
 * What the sidebar says about who writes the suggestions: a configured model at work (nothing to say), the
 * offline mode (no model configured, or this ticket kept from it: a small badge), or a configured model failing
 * (a warning: the agent should know their drafts are not the model's).
 */
export type ProviderState = 'model' | 'offline' | 'failing';

/** The offline provider's own name: no model is configured for the tenant. */
const OFFLINE = 'offline';

export function providerState(p: Provider | undefined): ProviderState {
  if (!p || !p.offline) return 'model';
  return p.name !== OFFLINE && p.modelAvailable === false ? 'failing' : 'offline';
}
