import type { Assist, ShownKind } from '../lib/api/types';
import type { PanelId } from './panels';

const PANEL_OF: Record<ShownKind, PanelId> = { summary: 'summary', articles: 'articles', macros: 'macros', 'similar-tickets': 'similar-tickets' };

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
  return kinds.filter((k) => isOpen(PANEL_OF[k]));
}
