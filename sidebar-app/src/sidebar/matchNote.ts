import type { MatchStatus } from '../lib/api/types';

/** What the panel says above (or instead of) its list, from the backend's match status for that kind. */
export function matchNote(status: MatchStatus | undefined, count: number): string | null {
  if (count === 0) {
    return status === 'no-good-match' ? 'No good match in your knowledge base.' : 'Nothing relevant found.';
  }
  return status === 'other-language' ? "Nothing fits in the ticket's language; shown in another language." : null;
}

/** A short language tag for a source in another language ("de-ch" → "DE"); null when the locale is unknown. */
export function languageTag(locale: string | null | undefined): string | null {
  const code = locale?.split('-')[0]?.trim();
  return code ? code.toUpperCase() : null;
}
