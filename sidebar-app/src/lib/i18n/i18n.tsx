import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Host } from '../host/host';
import { format, type Params } from './format';
import { MESSAGES, pickLocale, type MessageKey } from './locales';

export type Translate = (key: MessageKey, params?: Params) => string;

/** A translator for `locale`: the key's message in that language, else in English. */
export function translator(locale: string): Translate {
  const messages = MESSAGES[locale] ?? MESSAGES.en;
  return (key, params = {}) => format(messages[key] ?? MESSAGES.en[key] ?? key, params, locale);
}

const I18n = createContext<{ locale: string; t: Translate }>({ locale: 'en', t: translator('en') });

/** Follows the agent's helpdesk locale (ZAF `currentUser.locale`). */
export function I18nProvider({ host, children }: { host: Host; children: ReactNode }) {
  const [locale, setLocale] = useState('en');
  useEffect(() => {
    let live = true;
    host.getCurrentUser().then((u) => { if (live) setLocale(pickLocale(u.locale)); }, () => undefined);
    return () => { live = false; };
  }, [host]);
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18n.Provider value={value}>{children}</I18n.Provider>;
}

export function useT(): Translate {
  return useContext(I18n).t;
}

export function useLocale(): string {
  return useContext(I18n).locale;
}

/** A language already chosen (the dashboard reads the agent's locale before it renders). */
export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18n.Provider value={value}>{children}</I18n.Provider>;
}
