import de from '../../translations/de.json';
import en from '../../translations/en.json';
import es from '../../translations/es.json';
import fr from '../../translations/fr.json';
import it from '../../translations/it.json';
import nl from '../../translations/nl.json';
import ptBR from '../../translations/pt-BR.json';

/** The languages the sidebar speaks; English is the source and the fallback. */
export const MESSAGES: Record<string, Record<string, string>> = { en, de, fr, es, 'pt-BR': ptBR, nl, it };

export type MessageKey = keyof typeof en;

/** The app's language for a helpdesk locale ("de-CH" → de, "pt" → pt-BR); English when it speaks no such language. */
export function pickLocale(userLocale: string | null | undefined): string {
  const wanted = (userLocale ?? '').replace('_', '-').toLowerCase();
  const exact = Object.keys(MESSAGES).find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return Object.keys(MESSAGES).find((l) => l.split('-')[0].toLowerCase() === base) ?? 'en';
}
