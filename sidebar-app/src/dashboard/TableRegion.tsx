import type { ReactNode } from 'react';

/**
 * A table wider than a narrow page (800 px or less) scrolls sideways inside this box instead of the page. The box is
 * a named region that takes the keyboard focus, so it can be found and scrolled with the arrow keys.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return <div className="table-region" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
