import { ApiError, CutOffError, signedOut } from '../lib/api/client';
import type { Problem } from '../lib/api/types';
import type { Translate } from '../lib/i18n/i18n';

/**
 * What to tell the agent about a failed call, in their language where the sidebar knows the words (the backend could
 * not be reached, too many requests, the session ended, not allowed, a stream cut off); otherwise the backend's own
 * problem, its title and detail. `retry` is false when trying again cannot help (only reopening the app can).
 */
export function problemText(error: unknown, t: Translate, fallbackTitle = t('sidebar.app.error')): { title: string; detail?: string; retry: boolean } {
  if (error instanceof CutOffError) return { title: fallbackTitle, detail: t(error.what === 'draft' ? 'sidebar.draft.cutOff' : 'sidebar.ask.cutOff'), retry: true };
  const problem: Problem | null = error instanceof ApiError ? error.problem : isProblem(error) ? error : null;
  if (!problem) return { title: fallbackTitle, detail: error instanceof Error ? error.message : undefined, retry: true };
  if (problem.status === 0) return { title: t('sidebar.error.unreachableTitle'), detail: t('sidebar.error.unreachable'), retry: true };
  if (problem.status === 429) return { title: t('sidebar.error.busyTitle'), detail: t('sidebar.error.busy'), retry: true };
  const signed = signedOut(problem.status);
  if (signed === 'session-ended') return { title: t('sidebar.error.sessionEndedTitle'), detail: t('sidebar.error.sessionEnded'), retry: false };
  if (signed === 'not-allowed') return { title: t('sidebar.error.notAllowedTitle'), detail: t('sidebar.error.notAllowed'), retry: false };
  return { title: problem.title || fallbackTitle, detail: problem.detail ?? undefined, retry: true };
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && !(value instanceof Error);
}
