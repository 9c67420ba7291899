import { useMemo } from 'react';
import { useLocale, useT } from '../lib/i18n/i18n';
import { dashboardFormat, type DashboardFormat } from './format';

/** The dashboard's formatter for the language the page speaks. */
export function useFormat(): DashboardFormat {
  const locale = useLocale();
  const t = useT();
  return useMemo(() => dashboardFormat(locale, t), [locale, t]);
}
