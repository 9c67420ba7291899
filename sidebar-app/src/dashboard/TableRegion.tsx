import type { ReactNode } from 'react';
import { useT } from '../lib/i18n/i18n';

/**
 * A table wider than a narrow page (800 px or less) scrolls sideways inside this box instead of the page. The box is
 * a region that takes the keyboard focus, so it can be found and scrolled with the arrow keys; it is named "Table:
 * {title}", apart from the section of the same title around it.
 */
export function TableRegion({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return <div className="table-region" role="region" aria-label={t('dashboard.tableRegion', { title })} tabIndex={0}>{children}</div>;
}
