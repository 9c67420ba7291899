import { pickLocale } from '../lib/i18n/locales';

/**
 * The dashboard's language. Inside Zendesk (the top-bar location): the agent's Zendesk locale, ZAF's
 * `currentUser.locale`, as the sidebar follows it. In the local preview, which has no Zendesk user: `?locale=` on
 * the page's address, else the browser's language. English when none of them is a language the app speaks.
 */
export async function dashboardLocale(page: {
  /** The page's `copilot-host`: "zendesk" or "preview". */
  host: string;
  /** The page address's query, e.g. "?locale=de". */
  search: string;
  /** The browser's language (navigator.language). */
  browser?: string;
  /** ZAF's current user's locale; null when the app framework did not answer. */
  zendeskLocale: () => Promise<string | null | undefined>;
}): Promise<string> {
  if (page.host === 'zendesk') {
    const locale = await page.zendeskLocale().catch(() => null);
    if (locale) return pickLocale(locale);
  }
  return pickLocale(new URLSearchParams(page.search).get('locale') ?? page.browser);
}
