import type { Provider } from '../lib/api/types';
import { useT } from '../lib/i18n/i18n';
import { Notice } from '@ui';
import { providerState } from './provider';

/**
 * Who writes the suggestions, said calmly: nothing when the model works, a small badge in the offline mode,
 * a warning only when a configured model is failing (with the backend's word on why, when it gives one).
 */
export function ProviderBadge({ provider }: { provider: Provider | undefined }) {
  const t = useT();
  const state = providerState(provider);
  if (state === 'failing') {
    return (
      <Notice type="warning" title={t('sidebar.provider.failingTitle')}>
        <p>{t('sidebar.provider.failing')}</p>
        {provider?.detail && <p className="passage">{provider.detail}</p>}
      </Notice>
    );
  }
  if (state === 'offline') {
    return <p className="badge" title={t('sidebar.provider.badgeTitle')}><span className="visually-hidden">{t('sidebar.provider.runsIn')} </span>{t('sidebar.provider.badge')}</p>;
  }
  return null;
}
