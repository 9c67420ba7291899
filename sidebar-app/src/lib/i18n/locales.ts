import en from '../../translations/en.json';

/** What only the Freshworks build's pages say (`src/translations/freshworks/`, added by `addMessages`). */
type FreshworksKey = keyof typeof import('../../translations/freshworks/en.json');
/** What only the team-lead dashboard says (`src/translations/dashboard/`, added by `src/dashboard/messages.ts`). */
type DashboardKey = keyof typeof import('../../translations/dashboard/en.json');
export type MessageKey = keyof typeof en | FreshworksKey | DashboardKey;
export type Messages = Readonly<Record<string, string>>;

const english: Record<string, string> = { ...en };
/** English: the source of every message and the fallback for a key another language lacks. Always in the bundle. */
export const ENGLISH: Messages = english;

/** The languages the sidebar speaks. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'pt-BR', 'nl', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

// One chunk per language, fetched only when an agent speaks it: the bundle carries English alone.
type Loaders = Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>>;
const LOADERS: Loaders = {
  de: () => import('../../translations/de.json'),
  fr: () => import('../../translations/fr.json'),
  es: () => import('../../translations/es.json'),
  'pt-BR': () => import('../../translations/pt-BR.json'),
  nl: () => import('../../translations/nl.json'),
  it: () => import('../../translations/it.json'),
};

const loaded = new Map<string, Messages>([['en', ENGLISH]]);

/**
 * Adds one build's or page's own messages to every language (the Freshworks build's, the dashboard's; the sidebar of
 * the Zendesk build adds none and carries none of them): English at once, each other language with its own chunk. Call before any message is loaded.
 */
export function addMessages(extraEnglish: Messages, loaders: Loaders) {
  Object.assign(english, extraEnglish);
  for (const locale of Object.keys(loaders) as (keyof Loaders)[]) {
    const base = LOADERS[locale];
    LOADERS[locale] = async () => ({ default: { ...(await base()).default, ...(await loaders[locale]()).default } });
  }
}

/** The messages of a language already loaded; undefined until `loadMessages` has fetched them. */
export function loadedMessages(locale: string): Messages | undefined {
  return loaded.get(locale);
}

/** Fetches a language's messages once (later calls answer from memory). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const have = loaded.get(locale);
  if (have) return have;
  const messages = (await LOADERS[locale as Exclude<Locale, 'en'>]()).default;
  loaded.set(locale, messages);
  return messages;
}

/** True for a key English has: a message picked by a value from outside (a priority, a reason) may have none. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ENGLISH, key);
}

/** The app's language for a helpdesk locale ("de-CH" → de, "pt" → pt-BR); English when it speaks no such language. */
export function pickLocale(userLocale: string | null | undefined): Locale {
  const wanted = (userLocale ?? '').replace('_', '-').toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return LOCALES.find((l) => l.split('-')[0].toLowerCase() === base) ?? 'en';
}
