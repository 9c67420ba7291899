import '../src/dashboard/messages';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { format } from '../src/lib/i18n/format';
import { translator } from '../src/lib/i18n/i18n';
import { dateTime, languageName, percent } from '../src/lib/i18n/intl';
import { ENGLISH, LOCALES, loadedMessages, loadMessages, pickLocale, type Messages } from '../src/lib/i18n/locales';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'nl', 'it'] as const;
const argumentsOf = (message: string) => [...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
const SAMPLE = { count: 2, title: 't', tags: 'a', name: 'n', id: '1', step: 's', rule: 'r', evidence: 'e', value: 'v', time: 'now', language: 'l', rules: 'r', titles: 't', reason: 'r', kind: 'k', span: 's' };
const messages: Record<string, Messages> = {};

beforeAll(async () => {
  for (const language of LANGUAGES) messages[language] = await loadMessages(language);
});

describe('translations', () => {
  it('cover English, German, French, Spanish, Portuguese (Brazil), Dutch and Italian', () => {
    expect([...LOCALES].sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES)('%s has every key of English, no other, with the same arguments', (language) => {
    const own = messages[language];
    expect(Object.keys(own).sort()).toEqual(Object.keys(ENGLISH).sort());
    for (const [key, english] of Object.entries(ENGLISH)) {
      expect(own[key].trim(), `${language} ${key}`).not.toBe('');
      expect(argumentsOf(own[key]), `${language} ${key}`).toEqual(argumentsOf(english));
      expect(() => format(own[key], SAMPLE, language)).not.toThrow();
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s says the sidebar in its own words, not in English', (language) => {
    // Names and loan words ("Copilot", "Status", "Macros") may stay; whole sentences may not.
    // Words of the sentence itself: ICU syntax (arguments, plural selectors, #) left out.
    const words = (m: string) => new Set(m.replace(/\{\w+, (plural|select),/g, ' ').replace(/\b(zero|one|two|few|many|other)\s*\{/g, ' ').match(/\p{L}+/gu) ?? []);
    const english = Object.entries(ENGLISH).filter(([, m]) => words(m).size > 3);
    const same = english.filter(([k, m]) => messages[language][k] === m).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it.each(LANGUAGES)('%s: a control\'s accessible name holds its visible text (WCAG 2.5.3, axe label-content-name-mismatch)', (language) => {
    const pairs = [
      ['sidebar.sources.insertLink', 'sidebar.sources.insertLinkLabel'], ['sidebar.sources.insertMacro', 'sidebar.sources.insertMacroLabel'],
      ['sidebar.sources.open', 'sidebar.sources.openTicketLabel'], ['sidebar.summary.refresh', 'sidebar.summary.refreshLabel'],
      ['macro.preview', 'macro.previewLabel'], ['macro.apply', 'macro.applyLabel'], ['macro.tryAgain', 'macro.tryAgainLabel'],
    ];
    for (const [visible, name] of pairs) {
      expect(messages[language][name].toLowerCase(), `${language} ${name}`).toContain(messages[language][visible].toLowerCase());
    }
  });

  it('keep the sidebar\'s keys together under "sidebar." (the dashboard keeps its own)', () => {
    const keys = Object.keys(ENGLISH);
    const sidebar = keys.filter((k) => k.startsWith('sidebar.'));
    expect(sidebar).toEqual([...sidebar].sort());
    expect(keys.slice(keys.indexOf(sidebar[0]), keys.indexOf(sidebar[0]) + sidebar.length)).toEqual(sidebar);
  });
});

describe('loading a language', () => {
  it('fetches it once, when an agent speaks it: English is there from the start', async () => {
    expect(loadedMessages('en')).toBe(ENGLISH);
    expect(await loadMessages('de')).toBe(await loadMessages('de'));
  });

  it('puts every language but English in a chunk of its own', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../src/lib/i18n/locales.ts'), 'utf8');
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      expect(source).toContain(`import('../../translations/${language}.json')`);
      expect(source).not.toContain(`from '../../translations/${language}.json'`);
    }
  });
});

describe('messages', () => {
  it('choose the plural form by the rules of the language and write numbers its way', () => {
    const message = '{count, plural, =0 {no tags} one {# tag} other {# tags}}';
    expect(format(message, { count: 0 }, 'en')).toBe('no tags');
    expect(format(message, { count: 1 }, 'en')).toBe('1 tag');
    expect(format(message, { count: 1500 }, 'de')).toBe('1.500 tags');
    // French counts 0 and 1 as "one".
    expect(format('{count, plural, one {# étiquette} other {# étiquettes}}', { count: 0 }, 'fr')).toBe('0 étiquette');
  });

  it('translate with arguments and fall back to English for a language it does not speak', () => {
    expect(translator('de')('way.group', { name: 'Abrechnung' })).toBe('Abrechnung zuweisen');
    expect(translator('xx')('way.group', { name: 'Billing' })).toBe('Assign to Billing');
    expect(translator('fr')('macro.tagsAdded', { count: 2, tags: 'a, b' })).toBe('Ajoute 2 étiquettes : a, b');
    expect(translator('de')('sidebar.draft.ready', { count: 2 })).toBe('Entwurf fertig, 2 Punkte vor dem Einfügen prüfen.');
    expect(translator('de')('sidebar.draft.ready', { count: 1 })).toBe('Entwurf fertig, 1 Punkt vor dem Einfügen prüfen.');
    expect(translator('de')('sidebar.draft.ready', { count: 0 })).toBe('Entwurf fertig.');
  });

  it('follow the helpdesk locale', () => {
    expect(pickLocale('de-CH')).toBe('de');
    expect(pickLocale('pt')).toBe('pt-BR');
    expect(pickLocale('pt-br')).toBe('pt-BR');
    expect(pickLocale('en-US')).toBe('en');
    expect(pickLocale('ja')).toBe('en');
    expect(pickLocale(null)).toBe('en');
  });

  it('write dates, percentages and language names the way the locale does', () => {
    expect(dateTime('de', '2026-03-02T09:30:00Z')).toMatch(/^02\.03\.2026, \d\d:30$/);
    expect(dateTime('en', 'not a date')).toBe('not a date');
    expect(percent('de', 0.82).replace(/\s/, ' ')).toBe('82 %'); // with a no-break space
    expect(percent('en', 0.82)).toBe('82%');
    expect(languageName('de', 'fr')).toBe('Französisch');
    expect(languageName('en', 'pt-BR')).toBe('Brazilian Portuguese');
  });
});
