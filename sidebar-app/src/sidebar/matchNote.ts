import type { MatchStatus } from '../lib/api/types';
import type { MessageKey } from '../lib/i18n/locales';

/** What the panel says above (or instead of) its list, from the backend's match status for that kind: its message key. */
export function matchNote(status: MatchStatus | undefined, count: number): MessageKey | null {
  if (count === 0) {
    return status === 'no-good-match' ? 'sidebar.sources.noGoodMatch' : 'sidebar.sources.nothing';
  }
  return status === 'other-language' ? 'sidebar.sources.otherLanguage' : null;
}

/** A short language tag for a source in another language ("de-ch" → "DE"); null when the locale is unknown. */
export function languageTag(locale: string | null | undefined): string | null {
  const code = locale?.split('-')[0]?.trim();
  return code ? code.toUpperCase() : null;
}
