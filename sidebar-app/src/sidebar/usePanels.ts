import { useCallback, useEffect, useState } from 'react';
import type { Host } from '../lib/host/host';
import { loadCollapsed, saveCollapsed, type PanelId } from './panels';

export interface Panels {
  /** False until the agent's own choices are read: nothing counts as displayed before then. */
  ready: boolean;
  isOpen(id: PanelId): boolean;
  toggle(id: PanelId): void;
}

/** Which sections are open, remembered per agent (the helpdesk's signed-in user) in localStorage. */
export function usePanels(host: Host, storage: Storage = window.localStorage): Panels {
  const [agentId, setAgentId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<PanelId>>(new Set());
  useEffect(() => {
    let live = true;
    host.getCurrentUser().then((u) => u.id, () => 'unknown').then((id) => {
      if (!live) return;
      setCollapsed(loadCollapsed(storage, id));
      setAgentId(id);
    });
    return () => { live = false; };
  }, [host, storage]);
  const toggle = useCallback((id: PanelId) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      if (agentId) saveCollapsed(storage, agentId, next);
      return next;
    });
  }, [agentId, storage]);
  const isOpen = useCallback((id: PanelId) => !collapsed.has(id), [collapsed]);
  return { ready: agentId !== null, isOpen, toggle };
}
