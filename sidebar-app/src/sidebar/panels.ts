import type { StorageLike } from '../lib/feedback/queue';

/** The sidebar's collapsible sections. Warnings are not among them: every warning stays in view. */
export type PanelId = 'summary' | 'draft' | 'procedure' | 'ask' | 'articles' | 'macros' | 'similar-tickets';

export const panelsKey = (agentId: string) => `copilot.panels.v1.${agentId}`;

/** The sections this agent collapsed, as they left them (each agent has their own, on a shared machine too). */
export function loadCollapsed(storage: StorageLike, agentId: string): Set<PanelId> {
  try {
    const parsed = JSON.parse(storage.getItem(panelsKey(agentId)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((p): p is PanelId => typeof p === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveCollapsed(storage: StorageLike, agentId: string, collapsed: Set<PanelId>) {
  try {
    storage.setItem(panelsKey(agentId), JSON.stringify([...collapsed].sort()));
  } catch { /* storage full or blocked: the choice lasts this session */ }
}
