import type { Assist, ShownKind } from '../lib/api/types';

/** The items of an assist the panels display: the summary when it says something, and each list with something in it. */
export function displayedKinds(a: Assist): ShownKind[] {
  const s = a.summary;
  const kinds: ShownKind[] = [];
  if (s && (s.customerWants || s.tried || s.status || s.nextStep)) kinds.push('summary');
  if (a.articles.length > 0) kinds.push('articles');
  if (a.macros.length > 0) kinds.push('macros');
  if (a.similarTickets.length > 0) kinds.push('similar-tickets');
  if (a.warnings.some((w) => w.wayForward)) kinds.push('handoff');
  return kinds;
}
