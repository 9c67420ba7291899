import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { withDeadline, type Host } from '../host/host';
import { format, type Params } from './format';
import { ENGLISH, isMessageKey, loadedMessages, loadMessages, pickLocale, type Locale, type MessageKey, type Messages } from './locales';

export type Translate = (key: MessageKey, params?: Params) => string;

/** How long the sidebar waits for the helpdesk to say the agent's locale before it speaks English. */
const LOCALE_WAIT_MS = 2000;

/** A translator for `locale` (its messages loaded, else English): the key's message in that language, else in English. */
export function translator(locale: string, messages: Messages = loadedMessages(locale) ?? ENGLISH): Translate {
  return (key, params = {}) => format(messages[key] ?? ENGLISH[key] ?? key, params, locale);
}

/** The message of a key built from a value (a priority, a ticket status), or the value itself when no message names it. */
export function labelOf(t: Translate, key: string, value: string): string {
  return isMessageKey(key) ? t(key) : value;
}

interface Language { locale: Locale; t: Translate }

const I18n = createContext<Language>({ locale: 'en', t: translator('en') });

/** The agent's language, with its messages loaded; English when the locale is not one the sidebar speaks or cannot be had. */
export async function agentLanguage(locale: string | null | undefined): Promise<Language> {
  const wanted = pickLocale(locale);
  try {
    return { locale: wanted, t: translator(wanted, await loadMessages(wanted)) };
  } catch {
    return { locale: 'en', t: translator('en') };
  }
}

/**
 * Speaks the agent's helpdesk language (ZAF `currentUser.locale`), or `locale` when given. Its children appear once
 * that language's messages are loaded (`fallback` until then), so the sidebar never flashes English at a German agent.
 */
export function I18nProvider({ host, locale, fallback = null, children }: {
  host?: Pick<Host, 'getCurrentUser'>; locale?: string; fallback?: ReactNode; children: ReactNode;
}) {
  const [language, setLanguage] = useState<Language | null>(() => {
    const known = locale === undefined ? undefined : pickLocale(locale);
    const messages = known && loadedMessages(known);
    return known && messages ? { locale: known, t: translator(known, messages) } : null;
  });
  useEffect(() => {
    let live = true;
    const wanted = locale !== undefined ? Promise.resolve(locale) : host ? withDeadline(host.getCurrentUser(), LOCALE_WAIT_MS).then((u) => u?.locale) : Promise.resolve(null);
    void wanted.then(agentLanguage).then((l) => { if (live) setLanguage((now) => (now?.locale === l.locale ? now : l)); });
    return () => { live = false; };
  }, [host, locale]);
  return language ? <I18n.Provider value={language}>{children}</I18n.Provider> : <>{fallback}</>;
}

export function useT(): Translate {
  return useContext(I18n).t;
}

export function useLocale(): Locale {
  return useContext(I18n).locale;
}

/** Says the page's language (`<html lang>`) for screen readers, hyphenation and spelling: the one the sidebar speaks. */
export function useDocumentLanguage() {
  const locale = useLocale();
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);
}
