/** Dates, numbers and language names the way the agent's locale writes them (Intl), for what the messages leave out. */

/** A moment as date and time ("2 Mar 2026, 09:30" in en, "02.03.2026, 09:30" in de); the text itself when it is no date. */
export function dateTime(locale: string, iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A share as a percentage: 0.82 → "82%" (en), "82 %" (de, fr). */
export function percent(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent' }).format(share);
}

/** A language's name in the agent's language ("de" → "German" in en, "Deutsch" in de); the code when Intl knows none. */
export function languageName(locale: string, code: string | null | undefined): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code; // not a language tag
  }
}
