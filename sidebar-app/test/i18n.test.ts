import { describe, expect, it } from 'vitest';
import { format } from '../src/lib/i18n/format';
import { translator } from '../src/lib/i18n/i18n';
import { MESSAGES, pickLocale } from '../src/lib/i18n/locales';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'nl', 'it'];
const argumentsOf = (message: string) => [...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('cover English, German, French, Spanish, Portuguese (Brazil), Dutch and Italian', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES)('%s has every key of English, no other, with the same arguments', (language) => {
    const messages = MESSAGES[language];
    expect(Object.keys(messages).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const [key, english] of Object.entries(MESSAGES.en)) {
      expect(messages[key].trim(), `${language} ${key}`).not.toBe('');
      expect(argumentsOf(messages[key]), `${language} ${key}`).toEqual(argumentsOf(english));
      expect(() => format(messages[key], { count: 2, title: 't', tags: 'a', name: 'n', id: '1', step: 's', rule: 'r', evidence: 'e', value: 'v' }, language)).not.toThrow();
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
  });

  it('follow the helpdesk locale', () => {
    expect(pickLocale('de-CH')).toBe('de');
    expect(pickLocale('pt')).toBe('pt-BR');
    expect(pickLocale('pt-br')).toBe('pt-BR');
    expect(pickLocale('en-US')).toBe('en');
    expect(pickLocale('ja')).toBe('en');
    expect(pickLocale(null)).toBe('en');
  });
});
