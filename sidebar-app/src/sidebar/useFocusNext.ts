import { useCallback, useEffect, useRef } from 'react';

/** Where the focus goes: looked up after each render, since it may only be on screen (or enabled) later. */
type Target = () => HTMLElement | null | undefined;

/**
 * Keeps the focus from falling to the page body when the control that had it disappears or is disabled by what it
 * started. `focusNext(target)` names where it goes next; the target takes it once it is on screen and enabled, unless
 * the agent has put the focus somewhere else meanwhile.
 */
export function useFocusNext(): (target: Target) => void {
  const next = useRef<Target | null>(null);
  useEffect(() => {
    const target = next.current?.();
    if (!target || (target as HTMLButtonElement).disabled) return;
    next.current = null;
    if (lost(document.activeElement)) target.focus();
  });
  return useCallback((target: Target) => { next.current = target; }, []);
}

/** The focus is nowhere the agent can use: on the page body, or on a control that was disabled. */
function lost(active: Element | null): boolean {
  return !active || active === document.body || (active as HTMLButtonElement).disabled === true;
}
