import type { ProcedureFigures } from '../lib/api/analytics';
import { TableRegion } from './TableRegion';
import { useFormat } from './useFormat';

/** Per procedure: how often agents were shown it, the drafts written under it by outcome, the actions from its steps. */
export function ProceduresTable({ figures }: { figures: ProcedureFigures }) {
  const fmt = useFormat();
  const { t } = fmt;
  return (
    <>
      <TableRegion title={t('dashboard.procedures')}>
        <table className="data procedures">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.col.procedure')}</th><th scope="col">{t('dashboard.col.shown')}</th><th scope="col">{t('dashboard.col.drafts')}</th>
              <th scope="col">{t('dashboard.col.draftsUsed')}</th><th scope="col">{t('dashboard.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.rows.map((p) => (
              <tr key={p.id} data-procedure={p.id}>
                <th scope="row">{p.title ?? t('dashboard.procedureRetired', { id: p.id })}</th>
                <td>{fmt.count(p.shown)}</td>
                <td>{fmt.count(p.drafts)}</td>
                <td>{[p.draftsAccepted, p.draftsEdited, p.draftsRejected].map((n) => fmt.count(n)).join(' / ')}</td>
                <td>{[p.actionsApproved, p.actionsDeclined].map((n) => fmt.count(n)).join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="note">{t('dashboard.proceduresNote')}</p>
    </>
  );
}
