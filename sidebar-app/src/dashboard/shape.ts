import type { Period, Rate, Summary, SummaryRow, Weekly } from '../lib/api/analytics';
import { EDIT_BUCKETS, type EditBucket, REASONS, SUGGESTION_KINDS, type SuggestionKind } from '../lib/api/vocabulary';
import type { DashboardFormat } from './format';

/**
 * Data shaping for the dashboard: pure functions from API answers to what charts and tables show. Labels come from
 * the formatter (the agent's language); numbers stay numbers until a table or chart writes them.
 */

export const PERIOD_CHOICES = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIOD_CHOICES)[number];

const DAY_MS = 86_400_000;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The last `days` UTC days, today included: `to` is tomorrow (exclusive), as the API counts. */
export function lastDays(days: number, now: Date = new Date()): Period {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: isoDate(new Date(today - (days - 1) * DAY_MS)), to: isoDate(new Date(today + DAY_MS)) };
}

/** One line: a rate per week, and how many suggestions it was taken over (used of shown). */
export interface Series { label: string; values: (number | null)[]; used: number[]; shown: number[] }

export const KIND_ORDER: readonly SuggestionKind[] = ['draft', 'answer', 'action', 'summary', 'articles', 'macros', 'similar-tickets', 'rewrite', 'triage', 'handoff', 'procedure'];

/** Every kind of the vocabulary, in the dashboard's order (the ones it has no place for last). */
export function orderedKinds(): SuggestionKind[] {
  return [...SUGGESTION_KINDS].sort((a, b) => rank(a) - rank(b));
}

/**
 * Acceptance rate per kind and week, from the weekly series (one request for all weeks). A week
 * in which a kind was never shown is a gap (null), not 0%.
 */
export function acceptanceTrend(weekly: Weekly, fmt: DashboardFormat): { labels: string[]; partial: boolean[]; series: Series[] } {
  const weeks = weekly.weeks;
  const kinds = new Set<string>();
  for (const w of weeks) for (const r of w.rows) if (r.shown > 0) kinds.add(r.key);
  const ordered = [...kinds].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return {
    labels: weeks.map(fmt.week),
    partial: weeks.map((w) => w.partial),
    series: ordered.map((kind) => {
      const rows = weeks.map((w) => w.rows.find((r) => r.key === kind));
      return {
        label: fmt.kind(kind),
        values: rows.map(rateOf),
        used: rows.map((r) => r?.used ?? 0),
        shown: rows.map((r) => r?.shown ?? 0),
      };
    }),
  };
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind as SuggestionKind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** Used (accepted + edited) / shown, as the API defines it; null when nothing was shown. */
export function rateOf(row: SummaryRow | undefined): number | null {
  if (!row || row.shown === 0) return null;
  return row.usedRate?.value ?? row.used / row.shown;
}

/**
 * The bucket holding the median measured edit (the API keeps edit sizes as a histogram of the
 * share of text changed); null when no edit was measured.
 */
export function medianEditBucket(editSize: Record<EditBucket, number>): EditBucket | null {
  const counts = EDIT_BUCKETS.map((b) => editSize[b] ?? 0);
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  // The lower median when the count is even: a bucket, so no averaging across two.
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (let i = 0; i < EDIT_BUCKETS.length; i++) {
    seen += counts[i];
    if (seen >= middle) return EDIT_BUCKETS[i];
  }
  return EDIT_BUCKETS[EDIT_BUCKETS.length - 1];
}

/** Rejections by reason over the whole period, in the vocabulary's order. */
export function rejectionReasons(total: SummaryRow, fmt: DashboardFormat): { labels: string[]; values: number[] } {
  return { labels: REASONS.map(fmt.reason), values: REASONS.map((k) => total.rejectedByReason[k] ?? 0) };
}

/** Acceptance per intent, most shown first; the unclassified group (key "") last. */
export function intentBars(summary: Summary, fmt: DashboardFormat): { labels: string[]; values: number[]; shown: number[]; unclassifiedOnly: boolean } {
  const rows = summary.rows.filter((r) => r.shown > 0).sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : b.shown - a.shown || a.key.localeCompare(b.key)));
  return {
    labels: rows.map((r) => (r.key === '' ? fmt.t('dashboard.unclassified') : r.key)),
    values: rows.map((r) => rateOf(r) ?? 0),
    shown: rows.map((r) => r.shown),
    unclassifiedOnly: rows.length === 1 && rows[0].key === '',
  };
}

export interface AgentRow {
  agentId: string;
  name: string;
  shown: number;
  accepted: number;
  edited: number;
  rejected: number;
  acceptanceRate: number | null;
  usedRate: Rate | null;
  medianEdit: EditBucket | null;
}

/**
 * The per-agent table, most shown first. Names come from the caller (the API has ids only). Rows under key "" are
 * calls no verified agent made (proxy-signed, no session): not an unknown person.
 */
export function agentRows(summary: Summary, names: Record<string, string>, fmt: DashboardFormat): AgentRow[] {
  return summary.rows
    .filter((r) => r.shown > 0)
    .map((r) => ({
      agentId: r.key,
      name: r.key === '' ? fmt.t('dashboard.noVerifiedAgent') : (names[r.key] ?? fmt.t('dashboard.agentId', { id: r.key })),
      shown: r.shown,
      accepted: r.usedAsIs,
      edited: r.edited,
      rejected: r.rejected,
      acceptanceRate: rateOf(r),
      usedRate: r.usedRate ?? null,
      medianEdit: medianEditBucket(r.editSize),
    }))
    .sort((a, b) => b.shown - a.shown || a.agentId.localeCompare(b.agentId));
}

/** True when the period has feedback to show: anything accepted, edited or rejected. */
export function hasFeedback(total: SummaryRow): boolean {
  return total.used + total.rejected > 0;
}

/** Per kind: cost, time saved and the minutes per use it assumed, most shown first. */
export function valueByKind(summary: Summary, fmt: DashboardFormat): { kind: string; label: string; shown: number; used: number; costUsd: number; minutesSaved: number; minutesPerUse: number | null }[] {
  const perUse = summary.assumptions?.minutesPerUse as Record<string, number> | undefined;
  return summary.rows
    .filter((r) => r.shown > 0)
    .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key))
    .map((r) => ({
      kind: r.key, label: fmt.kind(r.key), shown: r.shown, used: r.used, costUsd: r.costUsd, minutesSaved: r.timeSavedMinutes,
      minutesPerUse: perUse?.[r.key] ?? null,
    }));
}
