import { ApiError } from '../lib/api/client';
import type { Problem } from '../lib/api/types';
import type { Translate } from '../lib/i18n/i18n';

/**
 * What to tell the agent about a failed call, in their language where the sidebar knows the words (the backend could
 * not be reached, too many requests); otherwise the backend's own problem, its title and detail.
 */
export function problemText(error: unknown, t: Translate, fallbackTitle = t('sidebar.app.error')): { title: string; detail?: string } {
  const problem: Problem | null = error instanceof ApiError ? error.problem : isProblem(error) ? error : null;
  if (!problem) return { title: fallbackTitle, detail: error instanceof Error ? error.message : undefined };
  if (problem.status === 0) return { title: t('sidebar.error.unreachableTitle'), detail: t('sidebar.error.unreachable') };
  if (problem.status === 429) return { title: t('sidebar.error.busyTitle'), detail: t('sidebar.error.busy') };
  return { title: problem.title || fallbackTitle, detail: problem.detail ?? undefined };
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && !(value instanceof Error);
}
