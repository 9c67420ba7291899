import { describe, expect, it } from 'vitest';
import { translator } from '../src/lib/i18n/i18n';
import { languageTag, matchNote } from '../src/sidebar/matchNote';

const t = translator('en');

describe('match note', () => {
  it('says there is no good match when the backend found nothing worth showing', () => {
    expect(t(matchNote('no-good-match', 0)!)).toBe('No good match in your knowledge base.');
  });

  it('labels sources shown in another language', () => {
    expect(t(matchNote('other-language', 2)!)).toContain('another language');
  });

  it('says nothing above sources in the ticket language', () => {
    expect(matchNote('found', 3)).toBeNull();
  });

  it('tags a source with its language code', () => {
    expect(languageTag('de-ch')).toBe('DE');
    expect(languageTag(undefined)).toBeNull();
  });
});
