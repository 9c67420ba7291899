import { useEffect, useId, useRef, useState } from 'react';
import type { AnalyticsApi, DashboardTimeSaved } from '../lib/api/analytics';
import { ApiError } from '../lib/api/client';
import { emptyFields, fieldsOf, readFields, serverErrors, type FieldErrors, type Fields } from './assumptions';
import { orderedKinds } from './shape';
import { TableRegion } from './TableRegion';
import type { Translate } from '../lib/i18n/i18n';
import { useFormat } from './useFormat';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; saved: DashboardTimeSaved };

/**
 * The minutes per use behind the time-saved figures, beside them: a helpdesk admin edits them (checked here, then by
 * the server, whose problems show at their field); everyone else reads them.
 */
export function Assumptions({ api, onSaved }: { api: AnalyticsApi; onSaved: (saved: DashboardTimeSaved) => void }) {
  const fmt = useFormat();
  const { t } = fmt;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [fields, setFields] = useState<Fields>(emptyFields);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    api.timeSaved(controller.signal).then(
      (saved) => { setLoad({ status: 'ready', saved }); setFields(fieldsOf(saved, fmt)); },
      (e) => { if ((e as Error).name !== 'AbortError') setLoad({ status: 'error', message: reasonOf(e, fmt.t) }); },
    );
    return () => controller.abort();
  }, [api, fmt]);

  if (load.status === 'loading') return <p className="note">{t('dashboard.assumptionsLoading')}</p>;
  if (load.status === 'error') return <p className="note" role="alert">{t('dashboard.assumptionsFailed', { reason: load.message })}</p>;
  const { saved } = load;
  const perUse = saved.assumptions.minutesPerUse as Record<string, number>;
  const defaults = saved.defaults as Record<string, number>;
  const setByAdmin = new Set<string>(saved.assumptions.setByAdmin);

  const focusFirstInvalid = () => requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus());

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setStatus('');
    setFormError(null);
    const read = readFields(fields, saved.maxMinutes, fmt);
    setErrors(read.errors);
    if (Object.keys(read.errors).length > 0) {
      setFormError(t('dashboard.error.fix'));
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const next = await api.saveTimeSaved(read.minutes as Record<string, number>);
      setLoad({ status: 'ready', saved: next });
      setFields(fieldsOf(next, fmt));
      setStatus(t('dashboard.saved'));
      onSaved(next);
    } catch (err) {
      const server = err instanceof ApiError ? serverErrors(err.problem.errors) : { fields: {}, other: [] };
      setErrors(server.fields);
      setFormError(Object.keys(server.fields).length > 0 && server.other.length === 0
        ? t('dashboard.error.fix')
        : t('dashboard.error.save', { reason: server.other.join(' ') || reasonOf(err, t) }));
      focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="assumptions-panel">
      <h3 id={`${id}-h`}>{t('dashboard.assumptions')}</h3>
      <p className="note">{t('dashboard.assumptionsIntro', { factor: fmt.rate(saved.assumptions.editedSavingsFactor) })}</p>
      {!saved.canEdit && <p className="note read-only">{t('dashboard.assumptionsReadOnly')}</p>}
      <form ref={form} onSubmit={save} noValidate>
        <TableRegion title={t('dashboard.assumptions')}>
          <table className="data assumptions">
            <thead>
              <tr><th scope="col">{t('dashboard.col.kind')}</th><th scope="col">{t('dashboard.col.minutes')}</th><th scope="col">{t('dashboard.col.default')}</th></tr>
            </thead>
            <tbody>
              {orderedKinds().map((kind) => {
                const error = errors[kind];
                const errorId = `${id}-${kind}-error`;
                return (
                  <tr key={kind} data-kind={kind}>
                    <th scope="row">{fmt.kind(kind)}</th>
                    <td>
                      {saved.canEdit ? (
                        <>
                          <input
                            type="text" inputMode="decimal" name={kind} className="minutes" autoComplete="off"
                            aria-label={t('dashboard.minutesLabel', { kind: fmt.kind(kind) })}
                            placeholder={fmt.decimal(defaults[kind])}
                            value={fields[kind]}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? errorId : undefined}
                            onChange={(e) => { const value = e.target.value; setFields((f) => ({ ...f, [kind]: value })); }}
                          />
                          {error && <span id={errorId} className="field-error">{error}</span>}
                        </>
                      ) : (
                        <span>{fmt.perUse(perUse[kind])}{setByAdmin.has(kind) ? ` (${t('dashboard.setByAdmin')})` : ''}</span>
                      )}
                    </td>
                    <td>{fmt.perUse(defaults[kind])}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        {saved.canEdit && (
          <div className="form-actions">
            <button type="submit" disabled={saving}>{saving ? t('dashboard.saving') : t('dashboard.save')}</button>
            <button type="button" className="secondary" disabled={saving} onClick={() => { setFields(emptyFields()); setErrors({}); }}>{t('dashboard.useDefaults')}</button>
          </div>
        )}
        {formError && <p className="form-error" role="alert">{formError}</p>}
        <p role="status" aria-live="polite" className="form-status">{status}</p>
      </form>
    </section>
  );
}

/** What went wrong, for a message: the server's problem, or that Copilot could not be reached. */
export function reasonOf(e: unknown, t: Translate): string {
  if (e instanceof ApiError && e.status !== 0) return [e.problem.title, e.problem.detail].filter(Boolean).join(': ');
  return t('dashboard.unreachable');
}
