import '../src/freshworks/messages';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/lib/i18n/i18n';
import { ENGLISH, loadMessages } from '../src/lib/i18n/locales';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'nl', 'it'] as const;
const own = (language: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../src/translations/freshworks/${language}.json`), 'utf8'));
const argumentsOf = (message: string) => [...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe('the Freshworks build\'s own messages', () => {
  it.each(LANGUAGES)('%s has every one of them, with the same arguments, and no key the sidebar has', (language) => {
    const english = own('en');
    const messages = own(language);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english)) expect(argumentsOf(messages[key]), `${language} ${key}`).toEqual(argumentsOf(english[key]));
    const sidebar = JSON.parse(readFileSync(resolve(import.meta.dirname, `../src/translations/${language}.json`), 'utf8'));
    expect(Object.keys(messages).filter((k) => k in sidebar)).toEqual([]);
  });

  it('join each language when the Freshworks build adds them, English at once', async () => {
    expect(ENGLISH['sidebar.host.copy']).toBe('Copy');
    expect(ENGLISH['sidebar.app.title']).toBe('Copilot');
    const german = translator('de', await loadMessages('de'));
    expect(german('sidebar.host.copied', { value: 'vip' })).toBe('Kopiert: vip');
    expect(german('sidebar.summary.title')).toBe('Zusammenfassung');
  });
});
