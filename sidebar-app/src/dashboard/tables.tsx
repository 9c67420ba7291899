import { useMemo } from 'react';
import type { KnowledgeGaps, OutcomeGroup, Outcomes, Summary } from '../lib/api/analytics';
import { agentRows, valueByKind } from './shape';
import { TableRegion } from './TableRegion';
import { useFormat } from './useFormat';

export function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="stat">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
      {detail && <span className="stat-detail">{detail}</span>}
    </div>
  );
}

export function AgentsTable({ summary, names }: { summary: Summary; names: Record<string, string> }) {
  const fmt = useFormat();
  const { t } = fmt;
  const agents = useMemo(() => agentRows(summary, names, fmt), [summary, names, fmt]);
  return (
    <>
      <TableRegion title={t('dashboard.agents')}>
        <table className="data agents">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.col.agent')}</th><th scope="col">{t('dashboard.col.shown')}</th><th scope="col">{t('dashboard.col.accepted')}</th>
              <th scope="col">{t('dashboard.col.edited')}</th><th scope="col">{t('dashboard.col.rejected')}</th><th scope="col">{t('dashboard.col.acceptance')}</th>
              <th scope="col">{t('dashboard.col.sample')}</th><th scope="col">{t('dashboard.col.medianEdit')}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.agentId} data-agent={a.agentId}>
                <th scope="row">{a.name}</th><td>{fmt.count(a.shown)}</td><td>{fmt.count(a.accepted)}</td><td>{fmt.count(a.edited)}</td><td>{fmt.count(a.rejected)}</td>
                <td>{fmt.rate(a.acceptanceRate)}</td><td className="interval">{fmt.interval(a.usedRate)}</td><td>{a.medianEdit ? fmt.bucket(a.medianEdit) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="note">{t('dashboard.agentsNote')}</p>
    </>
  );
}

/** Cost and estimated time saved per kind, with the minutes per use each figure assumed. */
export function ValueTable({ summary }: { summary: Summary }) {
  const fmt = useFormat();
  const { t } = fmt;
  const rows = valueByKind(summary, fmt);
  const currency = summary.currency ?? 'USD';
  const setByAdmin = new Set<string>(summary.assumptions?.setByAdmin ?? []);
  return (
    <>
      <TableRegion title={t('dashboard.value')}>
        <table className="data value">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.col.kind')}</th><th scope="col">{t('dashboard.col.shown')}</th><th scope="col">{t('dashboard.col.used')}</th>
              <th scope="col">{t('dashboard.col.cost', { currency })}</th><th scope="col">{t('dashboard.col.minutesPerUse')}</th><th scope="col">{t('dashboard.col.timeSaved')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kind} data-kind={r.kind}>
                <th scope="row">{r.label}</th><td>{fmt.count(r.shown)}</td><td>{fmt.count(r.used)}</td><td>{fmt.money(r.costUsd, currency)}</td>
                <td className="per-use">{r.minutesPerUse === null ? '–' : `${fmt.perUse(r.minutesPerUse)}${setByAdmin.has(r.kind) ? ` (${t('dashboard.setByAdmin')})` : ''}`}</td>
                <td className="time-saved">{fmt.minutes(r.minutesSaved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="note formula">{t('dashboard.valueNote', { factor: fmt.rate(summary.assumptions?.editedSavingsFactor ?? null), currency })}</p>
    </>
  );
}

export function OutcomesTable({ outcomes }: { outcomes: Outcomes }) {
  const fmt = useFormat();
  const { t } = fmt;
  const groups: [string, OutcomeGroup][] = [[t('dashboard.assisted'), outcomes.assisted], [t('dashboard.unassisted'), outcomes.unassisted]];
  if (groups.every(([, g]) => g.tickets === 0)) return <p className="empty-note">{t('dashboard.noSolved')}</p>;
  return (
    <>
      <TableRegion title={t('dashboard.outcomes')}>
        <table className="data outcomes">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.col.solved')}</th><th scope="col">{t('dashboard.col.count')}</th><th scope="col">{t('dashboard.col.medianResolution')}</th>
              <th scope="col">{t('dashboard.col.meanResolution')}</th><th scope="col">{t('dashboard.col.reopened')}</th><th scope="col">{t('dashboard.col.satisfaction')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map(([name, g]) => (
              <tr key={name}>
                <th scope="row">{name}</th><td>{fmt.count(g.tickets)}</td><td>{fmt.hours(g.medianResolutionHours)}</td><td>{fmt.hours(g.meanResolutionHours)}</td>
                <td>{fmt.interval(g.reopened)}</td><td>{fmt.interval(g.satisfied)}</td>
              </tr>
            ))}
            <tr className="difference">
              <th scope="row">{t('dashboard.difference')}</th><td></td><td></td><td></td>
              <td>{fmt.difference(outcomes.difference?.reopenRate)}</td><td>{fmt.difference(outcomes.difference?.satisfaction)}</td>
            </tr>
          </tbody>
        </table>
      </TableRegion>
      <p className="note">{t('dashboard.outcomesNote')}</p>
    </>
  );
}

export function Gaps({ gaps }: { gaps: KnowledgeGaps }) {
  const { t } = useFormat();
  if (gaps.topics.length === 0) return <p className="empty-note">{t('dashboard.noGaps')}</p>;
  return (
    <>
      <p className="note">{t('dashboard.gapsNote', { count: gaps.ticketCount })}</p>
      <ol className="gaps">
        {gaps.topics.map((g) => (
          <li key={g.label} className="gap">
            <h3>{g.label} <span className="count">({t('dashboard.gapTickets', { count: g.ticketCount })})</span></h3>
            <p className="gap-why">
              {[
                g.noMatch && t('dashboard.gapNoMatch', { count: g.noMatch }),
                g.missingContext && t('dashboard.gapMissingContext', { count: g.missingContext }),
                g.outdatedArticle && t('dashboard.gapOutdated', { count: g.outdatedArticle }),
              ].filter(Boolean).join(' · ')}
            </p>
            <p>{t('dashboard.gapExamples', { ids: g.exampleTicketIds.map((n) => `#${n}`).join(', ') })}</p>
            {g.closestArticles.length > 0 && <p>{t('dashboard.gapClosest', { titles: g.closestArticles.map((a) => a.title ?? a.sourceId).join('; ') })}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
