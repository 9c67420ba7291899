import './messages';
import { translator, type Translate } from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/locales';
import type { Rate } from '../lib/api/analytics';

/**
 * Everything the dashboard writes for people, in the agent's language: labels from the translations, numbers,
 * percentages, money, durations and dates by Intl for the locale. One per locale; pure, so tests build their own.
 */
export interface DashboardFormat {
  readonly locale: string;
  readonly t: Translate;
  /** A count: "1,234" (en), "1.234" (de). */
  count(n: number): string;
  /** 0.4167 → "42%" (en), "42 %" (de); "–" without a rate. */
  rate(rate: number | null | undefined, digits?: number): string;
  /** A rate with its sample and Wilson interval; "–" without a sample. */
  interval(rate: Rate | null | undefined): string;
  /** A difference of two rates in percentage points with its 95% interval. */
  difference(d: { value: number; low: number; high: number } | null | undefined): string;
  /** A weekly rate with the counts behind it: "42% (5 of 12)". */
  rateOf(used: number, shown: number): string;
  /** An amount in the tenant's currency; small amounts keep four decimals. */
  money(amount: number, currency?: string): string;
  /** Minutes saved: minutes below two hours, hours above. */
  minutes(minutes: number): string;
  /** Minutes per use as assumed, with their decimals: "2.5 min". */
  perUse(minutes: number): string;
  /** A number of minutes as typed in a field: "2.5" (en), "2,5" (de). */
  decimal(n: number): string;
  /** Resolution time: hours below two days, days above; "–" without one. */
  hours(hours: number | null | undefined): string;
  /** An ISO date (UTC) written the locale's way. */
  date(iso: string): string;
  kind(kind: string): string;
  reason(reason: string): string;
  bucket(bucket: string): string;
  week(week: { week: string; days: number; partial: boolean }): string;
}

const DASH = '–';

export function dashboardFormat(locale: string, t: Translate = translator(locale)): DashboardFormat {
  const numbers = new Intl.NumberFormat(locale);
  const percent = (digits: number) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  const whole = percent(0);
  const points = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
  const unit = (u: string, digits: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const labelled = (prefix: string, key: string) => {
    const k = `${prefix}.${key}` as MessageKey;
    const text = t(k);
    return text === k ? key : text;
  };
  const rate = (r: number | null | undefined, digits = 0) =>
    r === null || r === undefined || !Number.isFinite(r) ? DASH : percent(digits).format(r);
  return {
    locale,
    t,
    count: (n) => numbers.format(n),
    rate,
    interval: (r) => (!r || r.of === 0 ? DASH
      : t('dashboard.interval', { rate: rate(r.value), count: r.count, of: r.of, low: whole.format(r.low), high: whole.format(r.high) })),
    difference: (d) => (!d ? DASH
      : t('dashboard.points', { value: points.format(Math.round(d.value * 100)), low: points.format(Math.round(d.low * 100)), high: points.format(Math.round(d.high * 100)) })),
    rateOf: (used, shown) => (shown === 0 ? DASH : t('dashboard.rateOf', { rate: rate(used / shown), used, shown })),
    money: (amount, currency = 'USD') => {
      const digits = amount !== 0 && Math.abs(amount) < 0.1 ? 4 : 2;
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
      } catch {
        return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount)} ${currency}`;
      }
    },
    minutes: (m) => (m >= 120 ? unit('hour', 1).format(m / 60) : unit('minute', 0).format(Math.round(m))),
    perUse: (m) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 2 }).format(m),
    decimal: (n) => decimal.format(n),
    hours: (h) => (h === null || h === undefined || !Number.isFinite(h) ? DASH : h < 48 ? unit('hour', 1).format(h) : unit('day', 1).format(h / 24)),
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    kind: (k) => labelled('dashboard.kind', k),
    reason: (r) => labelled('dashboard.reason', r),
    bucket: (b) => labelled('dashboard.bucket', b),
    week: (w) => (w.partial ? t('dashboard.weekPartial', { week: w.week, count: w.days }) : w.week),
  };
}
