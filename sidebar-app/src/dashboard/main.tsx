import { createRoot } from 'react-dom/client';
import { AnalyticsApi } from '../lib/api/analytics';
import { createHost } from '../lib/host/create-host';
import { agentLanguage, I18nProvider } from '../lib/i18n/i18n';
import { pageMeta, Session } from '../lib/session';
import { Dashboard } from './Dashboard';
import { dashboardLocale } from './locale';
import './dashboard.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const hostKind = pageMeta('copilot-host');
  // Inside Zendesk, register with the App Framework like every app frame; it also says the agent's locale.
  const host = hostKind === 'zendesk' ? createHost('zendesk') : Promise.resolve(null);
  const locale = await dashboardLocale({
    host: hostKind,
    search: window.location.search,
    browser: navigator.language,
    zendeskLocale: async () => (await (await host)?.getCurrentUser())?.locale,
  });
  document.documentElement.lang = locale;
  const session = Session.fromPage();
  if (!session) {
    const { t } = await agentLanguage(locale);
    root.render(
      <main className="dashboard state error" role="alert">
        <h1>{t('dashboard.notSignedIn')}</h1>
        <p>{t('dashboard.notSignedInDetail')}</p>
      </main>,
    );
    return;
  }
  const api = new AnalyticsApi(() => session.current(), () => session.refresh());
  // Names are a nicety: without them the table shows agent ids.
  const names = await api.agentNames().catch(() => ({}));
  root.render(
    <I18nProvider locale={locale}>
      <Dashboard api={api} agentNames={names} />
    </I18nProvider>,
  );
}

void start();
