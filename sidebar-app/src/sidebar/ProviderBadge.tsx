import type { Provider } from '../lib/api/types';
import { Notice } from './Notice';
import { providerState } from './provider';

const STRINGS = {
  badge: 'Offline mode',
  badgeTitle: 'No AI model: summaries and drafts come from your knowledge base and the thread. Review drafts before sending.',
  failingTitle: 'Model unavailable — offline suggestions',
  failing: 'The AI model is not answering: summaries and drafts are written offline from your knowledge base. Review them before sending.',
};

/**
 * Who writes the suggestions, said calmly: nothing when the model works, a small badge in the offline mode,
 * a warning only when a configured model is failing.
 */
export function ProviderBadge({ provider }: { provider: Provider | undefined }) {
  const state = providerState(provider);
  if (state === 'failing') {
    return <Notice type="warning" title={STRINGS.failingTitle}>{provider?.detail ?? STRINGS.failing}</Notice>;
  }
  if (state === 'offline') {
    return <p className="badge" title={provider?.detail ?? STRINGS.badgeTitle}><span className="visually-hidden">Copilot runs in </span>{STRINGS.badge}</p>;
  }
  return null;
}
