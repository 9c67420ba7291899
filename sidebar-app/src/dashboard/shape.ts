import type { Period, Summary, SummaryRow } from '../lib/api/analytics';

/** Data shaping for the dashboard: pure functions from API answers to what charts and tables show. */

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

/** The ISO week label of a day (2026-11-16 → 2026-W47), as the API's groupBy=week keys. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The ISO weeks a period touches, each cut to the period: `[from, to)` per week, labelled. */
export function weeksOf(period: Period): { label: string; period: Period }[] {
  const start = new Date(`${period.from}T00:00:00Z`).getTime();
  const end = new Date(`${period.to}T00:00:00Z`).getTime();
  const weeks: { label: string; period: Period }[] = [];
  let cursor = start;
  while (cursor < end) {
    const weekday = (new Date(cursor).getUTCDay() + 6) % 7;
    const next = Math.min(cursor + (7 - weekday) * DAY_MS, end);
    const from = isoDate(new Date(cursor));
    weeks.push({ label: isoWeek(from), period: { from, to: isoDate(new Date(next)) } });
    cursor = next;
  }
  return weeks;
}

/** One line: a rate per week, and how many suggestions it was taken over (used of shown). */
export interface Series { label: string; values: (number | null)[]; used: number[]; shown: number[] }

export const KIND_ORDER = ['draft', 'summary', 'articles', 'macros', 'rewrite', 'triage'];

export function kindLabel(kind: string): string {
  return ({ draft: 'Drafts', summary: 'Summaries', articles: 'Articles', macros: 'Macros', rewrite: 'Rewrites', triage: 'Triage' } as Record<string, string>)[kind] ?? kind;
}

/**
 * Acceptance rate per kind and week, from one `groupBy=kind` summary per week. A week in which
 * a kind was never shown is a gap (null), not 0%.
 */
export function acceptanceTrend(weeks: { label: string; summary: Summary }[]): { labels: string[]; series: Series[] } {
  const kinds = new Set<string>();
  for (const w of weeks) for (const r of w.summary.rows) if (r.shown > 0) kinds.add(r.key);
  const ordered = [...kinds].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return {
    labels: weeks.map((w) => w.label),
    series: ordered.map((kind) => {
      const rows = weeks.map((w) => w.summary.rows.find((r) => r.key === kind));
      return {
        label: kindLabel(kind),
        values: rows.map(rateOf),
        used: rows.map((r) => (r ? r.accepted + r.edited : 0)),
        shown: rows.map((r) => r?.shown ?? 0),
      };
    }),
  };
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** (accepted + edited) / shown, as the API defines it; null when nothing was shown. */
export function rateOf(row: SummaryRow | undefined): number | null {
  if (!row || row.shown === 0) return null;
  return row.acceptanceRate ?? (row.accepted + row.edited) / row.shown;
}

/** "42% (5 of 12)": a rate with the counts it came from, so a small week reads as small. */
export function formatRateOf(used: number, shown: number): string {
  return shown === 0 ? '–' : `${formatRate(used / shown)} (${used} of ${shown})`;
}

/** 0.4167 → "42%"; null → "–" (nothing shown, so no rate). */
export function formatRate(rate: number | null | undefined, digits = 0): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '–';
  return `${(rate * 100).toFixed(digits)}%`;
}

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '–';
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

export const EDIT_BUCKETS = ['0-10', '10-25', '25-50', '50+'] as const;

export function editBucketLabel(bucket: string): string {
  return ({ '0-10': 'under 10%', '10-25': '10–25%', '25-50': '25–50%', '50+': '50% or more' } as Record<string, string>)[bucket] ?? bucket;
}

/**
 * The bucket holding the median measured edit (the API keeps edit sizes as a histogram of the
 * share of text changed); null when no edit was measured.
 */
export function medianEditBucket(editSize: Record<string, number>): string | null {
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

export const REASONS = ['wrong-facts', 'wrong-tone', 'outdated-article', 'missing-context', 'policy', 'other'] as const;

export function reasonLabel(reason: string): string {
  return ({
    'wrong-facts': 'Wrong facts', 'wrong-tone': 'Wrong tone', 'outdated-article': 'Outdated article',
    'missing-context': 'Missing context', policy: 'Against policy', other: 'Other',
  } as Record<string, string>)[reason] ?? reason;
}

/** Rejections by reason over the whole period, in the API's fixed reason order. */
export function rejectionReasons(total: SummaryRow): { labels: string[]; values: number[] } {
  const keys = [...REASONS, ...Object.keys(total.rejectedByReason).filter((k) => !(REASONS as readonly string[]).includes(k))];
  return { labels: keys.map(reasonLabel), values: keys.map((k) => total.rejectedByReason[k] ?? 0) };
}

/** Acceptance per intent, most shown first; the unclassified group (key "") last. */
export function intentBars(summary: Summary): { labels: string[]; values: number[]; shown: number[] } {
  const rows = summary.rows.filter((r) => r.shown > 0).sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : b.shown - a.shown || a.key.localeCompare(b.key)));
  return {
    labels: rows.map((r) => (r.key === '' ? 'Unclassified' : r.key)),
    values: rows.map((r) => rateOf(r) ?? 0),
    shown: rows.map((r) => r.shown),
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
  medianEdit: string | null;
}

/** The per-agent table, most shown first. Names come from the caller (the API has ids only). */
export function agentRows(summary: Summary, names: Record<string, string> = {}): AgentRow[] {
  return summary.rows
    .filter((r) => r.shown > 0)
    .map((r) => ({
      agentId: r.key,
      name: r.key === '' ? 'Unknown agent' : (names[r.key] ?? `Agent ${r.key}`),
      shown: r.shown,
      accepted: r.accepted,
      edited: r.edited,
      rejected: r.rejected,
      acceptanceRate: rateOf(r),
      medianEdit: medianEditBucket(r.editSize),
    }))
    .sort((a, b) => b.shown - a.shown || a.agentId.localeCompare(b.agentId));
}

/** True when the period has feedback to show: anything accepted, edited or rejected. */
export function hasFeedback(total: SummaryRow): boolean {
  return total.accepted + total.edited + total.rejected > 0;
}
