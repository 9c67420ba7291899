import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../lib/api/client';
import type { AnalyticsApi, KnowledgeGaps, Outcomes, Period, ProcedureFigures, Summary, Weekly } from '../lib/api/analytics';
import { Assumptions, reasonOf } from './Assumptions';
import { Replays } from './Replays';
import { saveFile } from './saveFile';
import { BarChart, LineChart } from './charts';
import { acceptanceTrend, hasFeedback, intentBars, lastDays, PERIOD_CHOICES, rejectionReasons, type PeriodDays } from './shape';
import { ProceduresTable } from './procedures';
import { AgentsTable, Gaps, OutcomesTable, Stat, ValueTable } from './tables';
import { useFormat } from './useFormat';

interface Data {
  period: Period;
  total: Summary;
  agents: Summary;
  intents: Summary;
  weekly: Weekly;
  gaps: KnowledgeGaps;
  outcomes: Outcomes;
  procedures: ProcedureFigures;
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Data };

/** One request per view: the weekly chart reads every week at once. */
async function load(api: AnalyticsApi, period: Period, signal: AbortSignal): Promise<Data> {
  const [total, agents, intents, gaps, outcomes, weekly, procedures] = await Promise.all([
    api.summary(period, 'kind', signal),
    api.summary(period, 'agent', signal),
    api.summary(period, 'intent', signal),
    api.knowledgeGaps(period, signal),
    api.outcomes(period, signal),
    api.weekly(period, signal),
    api.procedures(period, signal),
  ]);
  return { period, total, agents, intents, gaps, outcomes, weekly, procedures };
}

export function Dashboard({ api, agentNames = {} }: { api: AnalyticsApi; agentNames?: Record<string, string> }) {
  const fmt = useFormat();
  const { t } = fmt;
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
        setState({ status: 'error', message: e instanceof ApiError ? reasonOf(e, t) : t('dashboard.loadFailedDetail') });
      },
    );
    return () => controller.abort();
  }, [api, period, attempt, t]);

  // New assumptions change the time saved: the kind summary (its figures and the minutes they assumed) is read again.
  const reloadValue = useCallback(() => {
    api.summary(period, 'kind').then(
      (total) => setState((s) => (s.status === 'ready' && s.data.period === period ? { status: 'ready', data: { ...s.data, total } } : s)),
      () => setAttempt((a) => a + 1),
    );
  }, [api, period]);

  return (
    <main className="dashboard" aria-busy={state.status === 'loading'}>
      <header className="dash-header">
        <h1>{t('dashboard.title')}</h1>
        <div className="controls">
          <fieldset className="period">
            <legend>{t('dashboard.period')}</legend>
            {PERIOD_CHOICES.map((d) => (
              <label key={d} className={d === days ? 'selected' : ''}>
                <input type="radio" name="period" value={d} checked={d === days} onChange={() => setDays(d)} />
                {t('dashboard.lastDays', { count: d })}
              </label>
            ))}
          </fieldset>
          <ExportLink api={api} period={period} />
        </div>
      </header>
      <p className="period-note">{t('dashboard.periodNote', { from: fmt.date(period.from), to: fmt.date(lastDay(period.to)) })}</p>
      <div role="status" aria-live="polite" className="visually-hidden">
        {state.status === 'loading' ? t('dashboard.loading') : state.status === 'ready' ? t('dashboard.showing', { count: days }) : ''}
      </div>
      {state.status === 'loading' && <p className="state loading">{t('dashboard.loading')}</p>}
      {state.status === 'error' && (
        <div className="state error" role="alert">
          <h2>{t('dashboard.loadFailed')}</h2>
          <p>{state.message}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('dashboard.tryAgain')}</button>
        </div>
      )}
      {state.status === 'ready' && <Content api={api} data={state.data} agentNames={agentNames} onAssumptionsSaved={reloadValue} />}
      <Replays api={api} />
    </main>
  );
}

function lastDay(to: string): string {
  return new Date(new Date(`${to}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
}

function Content({ api, data, agentNames, onAssumptionsSaved }: { api: AnalyticsApi; data: Data; agentNames: Record<string, string>; onAssumptionsSaved: () => void }) {
  const fmt = useFormat();
  const { t } = fmt;
  const total = data.total.total;
  const trend = useMemo(() => acceptanceTrend(data.weekly, fmt), [data.weekly, fmt]);
  const reasons = useMemo(() => rejectionReasons(total, fmt), [total, fmt]);
  const intents = useMemo(() => intentBars(data.intents, fmt), [data.intents, fmt]);
  if (!hasFeedback(total)) {
    return (
      <div className="state empty">
        <h2>{t('dashboard.empty')}</h2>
        <p>{total.shown > 0 ? t('dashboard.emptyShown', { count: total.shown }) : t('dashboard.emptyNone')} {t('dashboard.emptyHint')}</p>
      </div>
    );
  }
  return (
    <>
      <section aria-labelledby="totals" className="totals">
        <h2 id="totals" className="visually-hidden">{t('dashboard.totals')}</h2>
        <Stat label={t('dashboard.stat.shown')} value={fmt.count(total.shown)} />
        <Stat label={t('dashboard.stat.used')} value={fmt.rate(total.acceptanceRate)} detail={fmt.interval(total.usedRate)} />
        <Stat label={t('dashboard.stat.usedAsIs')} value={fmt.rate(total.acceptedAsIsRate)} detail={fmt.interval(total.usedAsIsRate)} />
        <Stat label={t('dashboard.stat.rejected')} value={fmt.count(total.rejected)} detail={fmt.interval(total.rejectedRate)} />
        <Stat label={t('dashboard.stat.ignored')} value={fmt.count(total.ignored)} detail={fmt.interval(total.ignoredRate)} />
        <Stat label={t('dashboard.stat.timeSaved')} value={fmt.minutes(total.timeSavedMinutes)} />
      </section>
      <div className="grid">
        <section aria-labelledby="trend" className="panel wide">
          <h2 id="trend">{t('dashboard.trend')}</h2>
          <LineChart
            title={t('dashboard.trendTitle')}
            description={t('dashboard.trendDescription', { kinds: trend.series.map((s) => s.label).join(', '), count: trend.labels.length })}
            labels={trend.labels}
            series={trend.series}
            table={{ head: [t('dashboard.week'), ...trend.series.map((s) => s.label)], rows: trend.labels.map((l, i) => [l, ...trend.series.map((s) => fmt.rateOf(s.used[i], s.shown[i]))]) }}
          />
          {trend.partial.some(Boolean) && <p className="note partial-note">{t('dashboard.partialNote')}</p>}
        </section>
        <section aria-labelledby="value" className="panel wide">
          <h2 id="value">{t('dashboard.value')}</h2>
          <ValueTable summary={data.total} />
          <Assumptions api={api} onSaved={onAssumptionsSaved} />
        </section>
        <section aria-labelledby="agents" className="panel wide">
          <h2 id="agents">{t('dashboard.agents')}</h2>
          <AgentsTable summary={data.agents} names={agentNames} />
        </section>
        <section aria-labelledby="intents" className="panel">
          <h2 id="intents">{t('dashboard.intents')}</h2>
          <BarChart
            title={t('dashboard.intentsTitle')}
            description={t('dashboard.barsDescription', { count: intents.labels.length })}
            labels={intents.labels}
            values={intents.values}
            format="percent"
            table={{ head: [t('dashboard.col.intent'), t('dashboard.col.shown'), t('dashboard.col.acceptance')], rows: intents.labels.map((l, i) => [l, fmt.count(intents.shown[i]), fmt.rate(intents.values[i])]) }}
          />
          {intents.unclassifiedOnly && <p className="note">{t('dashboard.unclassifiedNote')}</p>}
        </section>
        <section aria-labelledby="reasons" className="panel">
          <h2 id="reasons">{t('dashboard.reasons')}</h2>
          <BarChart
            title={t('dashboard.reasonsTitle')}
            description={t('dashboard.reasonsDescription', { count: total.rejected, reasons: reasons.labels.length })}
            labels={reasons.labels}
            values={reasons.values}
            table={{ head: [t('dashboard.col.reason'), t('dashboard.col.rejections')], rows: reasons.labels.map((l, i) => [l, fmt.count(reasons.values[i])]) }}
          />
        </section>
        <section aria-labelledby="outcomes" className="panel wide">
          <h2 id="outcomes">{t('dashboard.outcomes')}</h2>
          <OutcomesTable outcomes={data.outcomes} />
        </section>
        {data.procedures.rows.length > 0 && (
          <section aria-labelledby="procedures" className="panel wide">
            <h2 id="procedures">{t('dashboard.procedures')}</h2>
            <ProceduresTable figures={data.procedures} />
          </section>
        )}
        <section aria-labelledby="gaps" className="panel wide">
          <h2 id="gaps">{t('dashboard.gaps')}</h2>
          <Gaps gaps={data.gaps} />
        </section>
      </div>
    </>
  );
}

function ExportLink({ api, period }: { api: AnalyticsApi; period: Period }) {
  const { t } = useFormat();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const download = useCallback(async (e: React.MouseEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      const { blob, name } = await api.exportCsv(period);
      saveFile(blob, name);
    } catch (err) {
      setFailed(err instanceof ApiError && err.status !== 0 ? err.problem.title : t('dashboard.exportFailed'));
    } finally {
      setBusy(false);
    }
  }, [api, period, t]);
  return (
    <span className="export">
      <a href={api.exportUrl(period)} onClick={download} aria-disabled={busy}>{busy ? t('dashboard.exportPreparing') : t('dashboard.export')}</a>
      {failed && <span role="alert" className="export-error"> {failed}</span>}
    </span>
  );
}
