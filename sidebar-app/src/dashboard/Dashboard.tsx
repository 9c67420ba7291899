import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../lib/api/client';
import type { AnalyticsApi, KnowledgeGaps, OutcomeGroup, Outcomes, Period, Summary, Weekly } from '../lib/api/analytics';
import { BarChart, LineChart } from './charts';
import {
  acceptanceTrend, agentRows, editBucketLabel, formatDifference, formatHours, formatInterval, formatMinutes, formatMoney, formatRate, formatRateOf,
  hasFeedback, intentBars, kindLabel, lastDays, PERIOD_CHOICES, rejectionReasons, valueByKind, type PeriodDays,
} from './shape';

interface Data {
  period: Period;
  total: Summary;
  agents: Summary;
  intents: Summary;
  weekly: Weekly;
  gaps: KnowledgeGaps;
  outcomes: Outcomes;
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Data };

/** One request per view: the weekly chart reads every week at once. */
async function load(api: AnalyticsApi, period: Period, signal: AbortSignal): Promise<Data> {
  const [total, agents, intents, gaps, outcomes, weekly] = await Promise.all([
    api.summary(period, 'kind', signal),
    api.summary(period, 'agent', signal),
    api.summary(period, 'intent', signal),
    api.knowledgeGaps(period, signal),
    api.outcomes(period, signal),
    api.weekly(period, signal),
  ]);
  return { period, total, agents, intents, gaps, outcomes, weekly };
}

export function Dashboard({ api, agentNames = {} }: { api: AnalyticsApi; agentNames?: Record<string, string> }) {
  const [days, setDays] = useState<PeriodDays>(30);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ status: 'loading' });
  const period = useMemo(() => lastDays(days), [days]);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(api, period, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (e) => {
        if ((e as Error).name === 'AbortError') return;
        setState({ status: 'error', message: e instanceof ApiError ? `${e.problem.title}${e.problem.detail ? `: ${e.problem.detail}` : ''}` : 'The numbers could not be loaded.' });
      },
    );
    return () => controller.abort();
  }, [api, period, attempt]);

  return (
    <main className="dashboard" aria-busy={state.status === 'loading'}>
      <header className="dash-header">
        <h1>Copilot for your team</h1>
        <div className="controls">
          <fieldset className="period">
            <legend>Period</legend>
            {PERIOD_CHOICES.map((d) => (
              <label key={d} className={d === days ? 'selected' : ''}>
                <input type="radio" name="period" value={d} checked={d === days} onChange={() => setDays(d)} />
                Last {d} days
              </label>
            ))}
          </fieldset>
          <ExportLink api={api} period={period} />
        </div>
      </header>
      <p className="period-note">
        {period.from} to {lastDay(period.to)} (UTC). A suggestion counts on the day it was shown; weeks at either end count only their days in the period and are marked partial. Every rate shows its sample and a 95% confidence interval (Wilson).
      </p>
      <div role="status" aria-live="polite" className="visually-hidden">
        {state.status === 'loading' ? 'Loading the numbers…' : state.status === 'ready' ? `Showing the last ${days} days.` : ''}
      </div>
      {state.status === 'loading' && <p className="state loading">Loading the numbers…</p>}
      {state.status === 'error' && (
        <div className="state error" role="alert">
          <h2>The dashboard could not load</h2>
          <p>{state.message}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>Try again</button>
        </div>
      )}
      {state.status === 'ready' && <Content data={state.data} agentNames={agentNames} />}
    </main>
  );
}

function lastDay(to: string): string {
  return new Date(new Date(`${to}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
}

function Content({ data, agentNames }: { data: Data; agentNames: Record<string, string> }) {
  const total = data.total.total;
  const trend = useMemo(() => acceptanceTrend(data.weekly), [data.weekly]);
  const reasons = useMemo(() => rejectionReasons(total), [total]);
  const intents = useMemo(() => intentBars(data.intents), [data.intents]);
  const agents = useMemo(() => agentRows(data.agents, agentNames), [data.agents, agentNames]);
  if (!hasFeedback(total)) {
    return (
      <div className="state empty">
        <h2>No feedback yet in this period</h2>
        <p>{total.shown > 0 ? `${total.shown} suggestions were shown, but no agent has used or rejected one yet.` : 'No suggestions were shown in this period.'} Try a longer period.</p>
      </div>
    );
  }
  return (
    <>
      <section aria-labelledby="totals" className="totals">
        <h2 id="totals" className="visually-hidden">Totals</h2>
        <Stat label="Suggestions shown" value={String(total.shown)} />
        <Stat label="Used (accepted or edited)" value={formatRate(total.acceptanceRate)} detail={formatInterval(total.usedRate)} />
        <Stat label="Used as is" value={formatRate(total.acceptedAsIsRate)} detail={formatInterval(total.usedAsIsRate)} />
        <Stat label="Rejected" value={String(total.rejected)} detail={formatInterval(total.rejectedRate)} />
        <Stat label="Ignored (no feedback)" value={String(total.ignored)} detail={formatInterval(total.ignoredRate)} />
      </section>
      <div className="grid">
        <section aria-labelledby="trend" className="panel wide">
          <h2 id="trend">Acceptance by week</h2>
          <LineChart
            title="Acceptance rate per suggestion kind, by week"
            description={`Lines for ${trend.series.map((s) => s.label).join(', ')} over ${trend.labels.length} weeks; each line has its own dash pattern and point shape. Weeks marked partial have fewer than 7 days in the period.`}
            labels={trend.labels}
            series={trend.series}
            table={{ head: ['Week', ...trend.series.map((s) => s.label)], rows: trend.labels.map((l, i) => [l, ...trend.series.map((s) => formatRateOf(s.used[i], s.shown[i]))]) }}
          />
          {trend.partial.some(Boolean) && <p className="note partial-note">A partial week counts only its days inside the period, so its rate rests on fewer suggestions.</p>}
        </section>
        <section aria-labelledby="value" className="panel wide">
          <h2 id="value">Cost and time saved by kind</h2>
          <ValueTable summary={data.total} />
        </section>
        <section aria-labelledby="agents" className="panel wide">
          <h2 id="agents">By agent</h2>
          <table className="data agents">
            <thead>
              <tr>
                <th scope="col">Agent</th><th scope="col">Shown</th><th scope="col">Accepted</th><th scope="col">Edited</th>
                <th scope="col">Rejected</th><th scope="col">Acceptance</th><th scope="col">Sample and 95% CI</th><th scope="col">Median edit</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.agentId} data-agent={a.agentId}>
                  <th scope="row">{a.name}</th><td>{a.shown}</td><td>{a.accepted}</td><td>{a.edited}</td><td>{a.rejected}</td>
                  <td>{formatRate(a.acceptanceRate)}</td><td className="interval">{formatInterval(a.usedRate)}</td><td>{a.medianEdit ? editBucketLabel(a.medianEdit) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">Acceptance = (accepted + edited) ÷ shown. Median edit: the share of a draft the agent changed, for the middle edit. “No verified agent”: calls signed by the helpdesk proxy without an agent session, so no agent can be named.</p>
        </section>
        <section aria-labelledby="intents" className="panel">
          <h2 id="intents">Acceptance by intent</h2>
          <BarChart
            title="Acceptance rate per ticket intent"
            description={`${intents.labels.length} bars, value written at each bar's end.`}
            labels={intents.labels}
            values={intents.values}
            format="percent"
            table={{ head: ['Intent', 'Shown', 'Acceptance'], rows: intents.labels.map((l, i) => [l, intents.shown[i], formatRate(intents.values[i])]) }}
          />
          {intents.labels.length === 1 && intents.labels[0] === 'Unclassified' && (
            <p className="note">No suggestion in this period carries an intent yet, so all are unclassified.</p>
          )}
        </section>
        <section aria-labelledby="reasons" className="panel">
          <h2 id="reasons">Why suggestions were rejected</h2>
          <BarChart
            title="Rejections by reason"
            description={`${total.rejected} rejections over ${reasons.labels.length} reasons, count written at each bar's end.`}
            labels={reasons.labels}
            values={reasons.values}
            table={{ head: ['Reason', 'Rejections'], rows: reasons.labels.map((l, i) => [l, reasons.values[i]]) }}
          />
        </section>
        <section aria-labelledby="outcomes" className="panel wide">
          <h2 id="outcomes">Assisted vs unassisted tickets</h2>
          <OutcomesTable outcomes={data.outcomes} />
        </section>
        <section aria-labelledby="gaps" className="panel wide">
          <h2 id="gaps">Knowledge gaps</h2>
          <Gaps gaps={data.gaps} />
        </section>
      </div>
    </>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="stat">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
      {detail && <span className="stat-detail">{detail}</span>}
    </div>
  );
}

function ValueTable({ summary }: { summary: Summary }) {
  const rows = valueByKind(summary);
  const currency = summary.currency ?? 'USD';
  const factor = summary.assumptions?.editedSavingsFactor;
  const setByAdmin = summary.assumptions?.setByAdmin ?? [];
  return (
    <>
      <table className="data value">
        <thead>
          <tr>
            <th scope="col">Kind</th><th scope="col">Shown</th><th scope="col">Used</th><th scope="col">Cost ({currency})</th>
            <th scope="col">Assumed minutes saved per use</th><th scope="col">Estimated time saved</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kind} data-kind={r.kind}>
              <th scope="row">{r.label}</th><td>{r.shown}</td><td>{r.used}</td><td>{formatMoney(r.costUsd, currency)}</td>
              <td>{r.minutesPerUse === null ? '–' : `${r.minutesPerUse}${(setByAdmin as string[]).includes(r.kind) ? ' (set by admin)' : ''}`}</td>
              <td>{formatMinutes(r.minutesSaved)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note assumptions">
        Estimate: uses as is × minutes per use{factor === undefined ? '' : `, plus edited uses × minutes per use × ${factor}`}. An admin sets the minutes per kind
        (PUT /api/admin/tenants/{summary.tenant}/time-saved); kinds not set use the defaults. Cost is what the model calls cost, in {currency}.
        {rows.length > 0 && ` Kinds: ${rows.map((r) => kindLabel(r.kind)).join(', ')}.`}
      </p>
    </>
  );
}

function OutcomesTable({ outcomes }: { outcomes: Outcomes }) {
  const groups: [string, OutcomeGroup][] = [['AI-assisted', outcomes.assisted], ['Unassisted', outcomes.unassisted]];
  if (groups.every(([, g]) => g.tickets === 0)) return <p className="empty-note">No tickets were solved in this period.</p>;
  return (
    <>
      <table className="data outcomes">
        <thead>
          <tr>
            <th scope="col">Tickets solved</th><th scope="col">Count</th><th scope="col">Median time to resolution</th>
            <th scope="col">Mean time to resolution</th><th scope="col">Reopened (95% CI)</th><th scope="col">Satisfaction (95% CI)</th>
          </tr>
        </thead>
        <tbody>
          {groups.map(([name, g]) => (
            <tr key={name}>
              <th scope="row">{name}</th><td>{g.tickets}</td><td>{formatHours(g.medianResolutionHours)}</td><td>{formatHours(g.meanResolutionHours)}</td>
              <td>{formatInterval(g.reopened)}</td><td>{formatInterval(g.satisfied)}</td>
            </tr>
          ))}
          <tr className="difference">
            <th scope="row">Assisted − unassisted</th><td></td><td></td><td></td>
            <td>{formatDifference(outcomes.difference?.reopenRate)}</td><td>{formatDifference(outcomes.difference?.satisfaction)}</td>
          </tr>
        </tbody>
      </table>
      <p className="note">Assisted: an agent used at least one suggestion on the ticket. Satisfaction: good ÷ rated. A difference whose interval holds 0 cannot be told apart from no difference with these samples.</p>
    </>
  );
}

function Gaps({ gaps }: { gaps: KnowledgeGaps }) {
  if (gaps.topics.length === 0) return <p className="empty-note">No knowledge gaps found in this period.</p>;
  return (
    <>
      <p className="note">{gaps.ticketCount} tickets where the knowledge base had no good answer or drafts were rejected for missing or outdated knowledge.</p>
      <ol className="gaps">
        {gaps.topics.map((t) => (
          <li key={t.label} className="gap">
            <h3>{t.label} <span className="count">({t.ticketCount} {t.ticketCount === 1 ? 'ticket' : 'tickets'})</span></h3>
            <p className="gap-why">
              {[t.noMatch && `${t.noMatch} with no good match`, t.missingContext && `${t.missingContext} missing context`, t.outdatedArticle && `${t.outdatedArticle} outdated article`].filter(Boolean).join(' · ')}
            </p>
            <p>Example tickets: {t.exampleTicketIds.map((id) => `#${id}`).join(', ')}</p>
            {t.closestArticles.length > 0 && (
              <p>Closest articles: {t.closestArticles.map((a) => a.title ?? a.sourceId).join('; ')}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function ExportLink({ api, period }: { api: AnalyticsApi; period: Period }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const download = useCallback(async (e: React.MouseEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      const { blob, name } = await api.exportCsv(period);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setFailed(err instanceof ApiError ? err.problem.title : 'The export failed.');
    } finally {
      setBusy(false);
    }
  }, [api, period]);
  return (
    <span className="export">
      <a href={api.exportUrl(period)} onClick={download} aria-disabled={busy}>{busy ? 'Preparing CSV…' : 'Export feedback (CSV)'}</a>
      {failed && <span role="alert" className="export-error"> {failed}</span>}
    </span>
  );
}
