import type { DashboardTimeSaved } from '../lib/api/analytics';
import type { SuggestionKind } from '../lib/api/vocabulary';
import type { DashboardFormat } from './format';
import { orderedKinds } from './shape';

/** The text of each kind's field in the assumptions form: empty means the kind uses its default. */
export type Fields = Record<SuggestionKind, string>;
export type FieldErrors = Partial<Record<SuggestionKind, string>>;

/** The form as stored: the admin's minutes where set, empty (the default) for every other kind. */
export function fieldsOf(saved: DashboardTimeSaved, fmt: DashboardFormat): Fields {
  const set = new Set<string>(saved.assumptions.setByAdmin);
  const perUse = saved.assumptions.minutesPerUse as Record<string, number>;
  return Object.fromEntries(orderedKinds().map((k) => [k, set.has(k) ? fmt.decimal(perUse[k]) : ''])) as Fields;
}

/** Every field empty: each kind back to its default once saved. */
export function emptyFields(): Fields {
  return Object.fromEntries(orderedKinds().map((k) => [k, ''])) as Fields;
}

/**
 * Reads the form: the minutes of each filled field (a decimal comma or point, as the agent's language writes it),
 * or a message for each field that is not a number of minutes from 0 to `max`. Empty fields are left out.
 */
export function readFields(fields: Fields, max: number, fmt: DashboardFormat): { minutes: Partial<Record<SuggestionKind, number>>; errors: FieldErrors } {
  const minutes: Partial<Record<SuggestionKind, number>> = {};
  const errors: FieldErrors = {};
  for (const kind of orderedKinds()) {
    const text = (fields[kind] ?? '').trim().replace(/\s/g, '');
    if (text === '') continue;
    const value = /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
    if (!Number.isFinite(value)) errors[kind] = fmt.t('dashboard.error.number', { example: fmt.decimal(2.5) });
    else if (value < 0 || value > max) errors[kind] = fmt.t('dashboard.error.range', { max });
    else minutes[kind] = value;
  }
  return { minutes, errors };
}

/**
 * A validation problem's errors by the kind they name — `minutesPerUse.draft`, or `$.minutesPerUse.draft` for a value
 * that was not a number — and the others (a field of no kind shown) as a list.
 */
export function serverErrors(errors: Record<string, string[]> | undefined): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  const kinds = new Set<string>(orderedKinds());
  for (const [field, messages] of Object.entries(errors ?? {})) {
    const kind = /^(?:\$\.)?minutesPerUse\.(.+)$/.exec(field)?.[1];
    if (kind && kinds.has(kind)) fields[kind as SuggestionKind] = messages.join(' ');
    else other.push(...messages);
  }
  return { fields, other };
}
