import { describe, expect, it } from 'vitest';
import type { Rate, Summary, SummaryRow, WeekSummary } from '../src/lib/api/analytics';
import { dashboardFormat } from '../src/dashboard/format';
import { LOCALES, loadMessages } from '../src/lib/i18n/locales';
import { acceptanceTrend, agentRows, hasFeedback, intentBars, lastDays, medianEditBucket, orderedKinds, rejectionReasons, valueByKind } from '../src/dashboard/shape';
import { SUGGESTION_KINDS } from '../src/lib/api/vocabulary';

// Languages load lazily in the app (before the dashboard renders); here, all of them up front.
await Promise.all(LOCALES.map((l) => loadMessages(l)));

const en = dashboardFormat('en');
const de = dashboardFormat('de');

const reasons = { 'wrong-facts': 0, 'wrong-tone': 0, 'outdated-article': 0, 'missing-context': 0, policy: 0, other: 0 };
const edits = { '0-10': 0, '10-25': 0, '25-50': 0, '50+': 0 };

function rate(count: number, of: number): Rate | null {
  return of ? { value: count / of, count, of, low: 0, high: 1 } : null;
}

function row(key: string, shown: number, accepted = 0, edited = 0, rejected = 0, extra: Partial<SummaryRow> = {}): SummaryRow {
  const used = accepted + edited;
  const ignored = shown - used - rejected;
  return {
    key, shown, used, usedAsIs: accepted, accepted, edited, rejected, ignored, noFeedback: ignored,
    rejectedByReason: { ...reasons }, editSize: { ...edits },
    usedRate: rate(used, shown), usedAsIsRate: rate(accepted, shown), editedRate: rate(edited, shown), rejectedRate: rate(rejected, shown), ignoredRate: rate(ignored, shown),
    acceptanceRate: shown ? used / shown : null, acceptedAsIsRate: shown ? accepted / shown : null,
    timeSavedMinutes: 0, costUsd: 0, costPerUsedUsd: null, ...extra,
  };
}

function week(label: string, rows: SummaryRow[], days = 7): WeekSummary {
  return { week: label, from: '', to: '', days, partial: days < 7, rows, total: row('total', 0) };
}

function summary(rows: SummaryRow[], groupBy = 'kind'): Summary {
  return { tenant: 'demo', from: '2026-11-01', to: '2026-11-08', groupBy, rows, total: row('total', rows.reduce((s, r) => s + r.shown, 0)) };
}

describe('periods', () => {
  it('counts the last N days with today included and `to` exclusive', () => {
    expect(lastDays(7, new Date('2026-11-23T15:00:00Z'))).toEqual({ from: '2026-11-17', to: '2026-11-24' });
    expect(lastDays(30, new Date('2026-11-23T00:00:00Z'))).toEqual({ from: '2026-10-25', to: '2026-11-24' });
  });

  it('marks a week cut short by the period as partial, with its days, in the agent\'s language', () => {
    expect(en.week({ week: '2026-W47', days: 7, partial: false })).toBe('2026-W47');
    expect(en.week({ week: '2026-W48', days: 1, partial: true })).toBe('2026-W48 (partial, 1 day)');
    expect(en.week({ week: '2026-W46', days: 5, partial: true })).toBe('2026-W46 (partial, 5 days)');
    expect(de.week({ week: '2026-W48', days: 1, partial: true })).toBe('2026-W48 (unvollständig, 1 Tag)');
    expect(dashboardFormat('fr').week({ week: '2026-W46', days: 5, partial: true })).toBe('2026-W46 (partielle, 5 jours)');
  });

  it('writes the period\'s dates the locale\'s way, in UTC', () => {
    expect(en.date('2026-11-01')).toBe('Nov 1, 2026');
    expect(de.date('2026-11-01')).toBe('01.11.2026');
  });
});

describe('acceptance trend', () => {
  it('turns weekly kind summaries into one series per kind, drafts first, with gaps where a kind was not shown', () => {
    const trend = acceptanceTrend({ tenant: 'demo', from: '', to: '', weeks: [
      week('2026-W46', [row('summary', 4, 1, 0, 1), row('draft', 5, 1, 2, 1)], 3),
      week('2026-W47', [row('draft', 2, 2), row('macros', 0)]),
    ] }, en);
    expect(trend.labels).toEqual(['2026-W46 (partial, 3 days)', '2026-W47']);
    expect(trend.partial).toEqual([true, false]);
    expect(trend.series).toEqual([
      { label: 'Drafts', values: [0.6, 1], used: [3, 2], shown: [5, 2] },
      { label: 'Summaries', values: [0.25, null], used: [1, 0], shown: [4, 0] },
    ]);
  });

  it('has no series when nothing was shown', () => {
    expect(acceptanceTrend({ tenant: 'demo', from: '', to: '', weeks: [week('2026-W47', [])] }, en).series).toEqual([]);
  });
});

describe('formatting', () => {
  it('writes rates as whole percents the locale\'s way and a dash when there is no rate', () => {
    expect(en.rate(0.41666)).toBe('42%');
    expect(en.rate(1)).toBe('100%');
    expect(en.rate(0.125, 1)).toBe('12.5%');
    expect(en.rate(null)).toBe('–');
    expect(en.rate(undefined)).toBe('–');
    expect(de.rate(0.125, 1)).toBe('12,5\u00a0%');
  });

  it('writes counts with the locale\'s grouping', () => {
    expect(en.count(12345)).toBe('12,345');
    expect(de.count(12345)).toBe('12.345');
  });

  it('writes a weekly rate with the counts behind it', () => {
    expect(en.rateOf(5, 12)).toBe('42% (5 of 12)');
    expect(en.rateOf(0, 0)).toBe('–');
    expect(dashboardFormat('es').rateOf(5, 12)).toBe('42\u00a0% (5 de 12)');
  });

  it('writes a rate with its sample and 95% interval, and a difference in points', () => {
    expect(en.interval({ value: 5 / 6, count: 5, of: 6, low: 0.4365, high: 0.9699 })).toBe('83% (5 of 6; 95% CI 44%–97%)');
    expect(de.interval({ value: 5 / 6, count: 1500, of: 1800, low: 0.4365, high: 0.9699 })).toBe('83\u00a0% (1.500 von 1.800; 95-%-KI 44\u00a0%–97\u00a0%)');
    expect(en.interval(null)).toBe('–');
    expect(en.difference({ value: -0.1, low: -0.3, high: 0.12 })).toBe('-10 pts (95% CI -30 to +12)');
    expect(dashboardFormat('it').difference({ value: -0.1, low: -0.3, high: 0.12 })).toBe('-10 punti (IC al 95% da -30 a +12)');
    expect(en.difference(null)).toBe('–');
  });

  it('writes costs in the tenant currency the locale\'s way, small ones with four decimals', () => {
    expect(en.money(1.5, 'EUR')).toBe('€1.50');
    expect(en.money(0.0123, 'USD')).toBe('$0.0123');
    expect(de.money(1.5, 'EUR')).toBe('1,50\u00a0€');
    expect(dashboardFormat('pt-BR').money(1.5, 'BRL')).toBe('R$\u00a01,50');
  });

  it('writes resolution times and time saved with the locale\'s units', () => {
    expect(en.hours(10)).toBe('10.0 hr');
    expect(en.hours(126.5)).toBe('5.3 days');
    expect(en.hours(null)).toBe('–');
    expect(de.hours(10)).toBe('10,0 Std.');
    expect(en.minutes(12.4)).toBe('12 min');
    expect(en.minutes(150)).toBe('2.5 hr');
    expect(en.perUse(2.5)).toBe('2.5 min');
    expect(de.perUse(2.5)).toBe('2,5 Min.');
  });

  it('names kinds, reasons and edit sizes in the agent\'s language', () => {
    expect(en.kind('similar-tickets')).toBe('Similar tickets');
    expect(de.kind('draft')).toBe('Entwürfe');
    expect(dashboardFormat('nl').reason('wrong-tone')).toBe('Verkeerde toon');
    expect(dashboardFormat('fr').bucket('50+')).toBe('50 % ou plus');
    expect(en.kind('a-new-kind')).toBe('a-new-kind');
  });
});

describe('tables and bars', () => {
  it('finds the bucket of the median edit', () => {
    expect(medianEditBucket({ '0-10': 1, '10-25': 0, '25-50': 1, '50+': 1 })).toBe('25-50');
    expect(medianEditBucket({ '0-10': 2, '10-25': 2, '25-50': 0, '50+': 0 })).toBe('0-10');
    expect(medianEditBucket({ '0-10': 0, '10-25': 0, '25-50': 0, '50+': 3 })).toBe('50+');
    expect(medianEditBucket(edits)).toBeNull();
  });

  it('builds agent rows with names, rates and median edit, most shown first, hiding agents with nothing shown', () => {
    const rows = agentRows(summary([
      row('2001', 10, 3, 2, 1, { editSize: { ...edits, '10-25': 2 } }),
      row('2002', 20, 5, 0, 5),
      row('2003', 0),
      row('', 4, 1),
    ], 'agent'), { '2001': 'Tomás Ribeiro' }, en);
    expect(rows.map((r) => [r.name, r.shown, r.acceptanceRate, r.medianEdit])).toEqual([
      ['Agent 2002', 20, 0.25, null],
      ['Tomás Ribeiro', 10, 0.5, '10-25'],
      ['No verified agent', 4, 0.25, null],
    ]);
  });

  it('lists every rejection reason in a fixed order, zero included', () => {
    const total = row('total', 10, 2, 2, 3, { rejectedByReason: { ...reasons, 'wrong-tone': 2, other: 1 } });
    expect(rejectionReasons(total, en)).toEqual({
      labels: ['Wrong facts', 'Wrong tone', 'Outdated article', 'Missing context', 'Against policy', 'Other'],
      values: [0, 2, 0, 0, 0, 1],
    });
  });

  it('orders intents by how often they were shown, unclassified last', () => {
    const bars = intentBars(summary([row('', 50, 10), row('billing', 4, 2), row('shipping', 8, 2)], 'intent'), en);
    expect(bars).toEqual({ labels: ['shipping', 'billing', 'Unclassified'], values: [0.25, 0.5, 0.2], shown: [8, 4, 50], unclassifiedOnly: false });
    expect(intentBars(summary([row('', 5, 1)], 'intent'), de)).toMatchObject({ labels: ['Nicht zugeordnet'], unclassifiedOnly: true });
  });

  it('lists cost, time saved and the assumed minutes per kind, drafts first', () => {
    const s = { ...summary([row('summary', 3, 1, 0, 0, { costUsd: 0.01, timeSavedMinutes: 2 }), row('draft', 5, 2, 1, 0, { costUsd: 0.2, timeSavedMinutes: 10 })]),
      assumptions: { minutesPerUse: { draft: 4, summary: 2, articles: 1, macros: 1, 'similar-tickets': 1, handoff: 1, rewrite: 1, triage: 0.5, answer: 2, procedure: 0, action: 0.5 }, editedSavingsFactor: 0.5, setByAdmin: ['draft' as const] } };
    expect(valueByKind(s, en).map((r) => [r.kind, r.used, r.costUsd, r.minutesSaved, r.minutesPerUse])).toEqual([
      ['draft', 3, 0.2, 10, 4],
      ['summary', 1, 0.01, 2, 2],
    ]);
  });

  it('lists every kind of the vocabulary for the assumptions, drafts first', () => {
    expect(orderedKinds()).toEqual(['draft', 'answer', 'action', 'summary', 'articles', 'macros', 'similar-tickets', 'rewrite', 'triage', 'handoff', 'procedure']);
    expect([...orderedKinds()].sort()).toEqual([...SUGGESTION_KINDS].sort());
  });

  it('calls a period empty until an agent accepted, edited or rejected something', () => {
    expect(hasFeedback(row('total', 12))).toBe(false);
    expect(hasFeedback(row('total', 12, 0, 0, 1))).toBe(true);
  });
});
