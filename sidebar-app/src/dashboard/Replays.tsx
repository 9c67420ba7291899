import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../lib/api/client';
import type { AnalyticsApi, ReplayRun } from '../lib/api/analytics';
import { saveFile } from './saveFile';
import { TableRegion } from './TableRegion';
import { useFormat } from './useFormat';

/** How often the list is read again while a run is choosing tickets or running. */
export const REPLAY_POLL_MS = 2000;

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; runs: ReplayRun[] };

const ACTIVE = new Set(['planning', 'running']);

/** "1:05:09" or "4:12": time left, from seconds. */
export function timeLeft(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

/**
 * The tenant's replays before go-live: each run with a progress bar while it goes, links to download its report (HTML
 * or JSON), and two runs picked for a comparison side by side. Runs are started with `copilot replay` or the admin API.
 */
export function Replays({ api }: { api: AnalyticsApi }) {
  const fmt = useFormat();
  const { t } = fmt;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [picked, setPicked] = useState<string[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const active = state.status === 'ready' && state.runs.some((r) => ACTIVE.has(r.status));

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () =>
      api.replays(controller.signal).then(
        (runs) => {
          setState({ status: 'ready', runs });
          if (runs.some((r) => ACTIVE.has(r.status))) timer = setTimeout(read, REPLAY_POLL_MS);
        },
        (e) => {
          if ((e as Error).name !== 'AbortError') setState({ status: 'error' });
        },
      );
    void read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api]);

  const download = useCallback(async (get: () => Promise<{ blob: Blob; name: string }>) => {
    setFailed(null);
    try {
      const { blob, name } = await get();
      saveFile(blob, name);
    } catch (err) {
      setFailed(err instanceof ApiError && err.status !== 0 ? err.problem.title : t('dashboard.replays.downloadFailed'));
    }
  }, [t]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));

  return (
    <section aria-labelledby="replays" className="panel wide replays" aria-busy={state.status === 'loading' || active}>
      <h2 id="replays">{t('dashboard.replays.title')}</h2>
      <p className="note">{t('dashboard.replays.intro')}</p>
      {state.status === 'error' && <p role="alert" className="form-error">{t('dashboard.replays.loadFailed')}</p>}
      {state.status === 'ready' && state.runs.length === 0 && <p className="empty-note">{t('dashboard.replays.empty')}</p>}
      {state.status === 'ready' && state.runs.length > 0 && (
        <>
          <TableRegion title={t('dashboard.replays.title')}>
            <table className="data replay-runs">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.replays.col.run')}</th><th scope="col">{t('dashboard.replays.col.status')}</th>
                  <th scope="col">{t('dashboard.replays.col.progress')}</th><th scope="col">{t('dashboard.replays.col.started')}</th>
                  <th scope="col">{t('dashboard.replays.col.reports')}</th><th scope="col">{t('dashboard.replays.col.compare')}</th>
                </tr>
              </thead>
              <tbody>
                {state.runs.map((run) => {
                  const name = run.label ?? run.id;
                  return (
                    <tr key={run.id} data-run={run.id}>
                      <th scope="row">{name}</th>
                      <td>{t(`dashboard.replays.status.${run.status}` as never)}</td>
                      <td className="replay-progress">
                        <progress value={run.done} max={Math.max(1, run.planned ?? 1)} aria-label={name} />
                        <span>{run.planned == null ? t('dashboard.replays.status.planning') : t('dashboard.replays.progress', { done: fmt.count(run.done), planned: fmt.count(run.planned) })}</span>
                        {ACTIVE.has(run.status) && run.secondsLeft != null && (
                          <span className="note"> {t('dashboard.replays.pace', { rate: fmt.decimal(run.ratePerMinute), left: timeLeft(run.secondsLeft) })}</span>
                        )}
                      </td>
                      <td>{fmt.date(run.createdAt.slice(0, 10))}</td>
                      <td className="replay-links">
                        <a href="#" onClick={(e) => { e.preventDefault(); void download(() => api.replayReport(run.id, 'html')); }}>{t('dashboard.replays.html')}</a>
                        {' · '}
                        <a href="#" onClick={(e) => { e.preventDefault(); void download(() => api.replayReport(run.id, 'json')); }}>{t('dashboard.replays.json')}</a>
                      </td>
                      <td><input type="checkbox" checked={picked.includes(run.id)} onChange={() => toggle(run.id)} aria-label={t('dashboard.replays.select', { run: name })} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
          <div className="form-actions">
            <button type="button" disabled={picked.length !== 2} onClick={() => {
              // The older run is "before": the list is newest first.
              const order = state.runs.map((r) => r.id);
              const [before, after] = [...picked].sort((a, b) => order.indexOf(b) - order.indexOf(a));
              void download(() => api.replayComparison(before, after));
            }}>{t('dashboard.replays.compare')}</button>
          </div>
          {picked.length !== 2 && <p className="note">{t('dashboard.replays.compareHint')}</p>}
        </>
      )}
      {failed && <p role="alert" className="form-error">{failed}</p>}
    </section>
  );
}
