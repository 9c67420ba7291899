import type { Assist, ShownKind } from '../lib/api/types';
import type { PanelId } from './panels';

/** The section each item sits in; the ways forward sit with the warnings, which never fold. */
const PANEL_OF: Partial<Record<ShownKind, PanelId>> = { summary: 'summary', articles: 'articles', macros: 'macros', 'similar-tickets': 'similar-tickets', procedure: 'procedure' };

/**
 * The items of an assist the panels display: the summary when it says something, and each list with something in
 * it — in an open section only (a collapsed section shows nothing; opening it later reports it then).
 */
export function displayedKinds(a: Assist, isOpen: (panel: PanelId) => boolean = () => true): ShownKind[] {
  const s = a.summary;
  const kinds: ShownKind[] = [];
  if (s && (s.customerWants || s.tried || s.status || s.nextStep)) kinds.push('summary');
  if (a.articles.length > 0) kinds.push('articles');
  if (a.macros.length > 0) kinds.push('macros');
  if (a.similarTickets.length > 0) kinds.push('similar-tickets');
  if (a.warnings.some((w) => w.wayForward)) kinds.push('handoff');
  if ((a.procedures ?? []).length > 0) kinds.push('procedure');
  return kinds.filter((k) => PANEL_OF[k] === undefined || isOpen(PANEL_OF[k]!));
}
