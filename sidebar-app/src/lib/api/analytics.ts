import { ApiError } from './client';
import type { Problem } from './types';

import type { Schemas } from './vocabulary';

/** Shapes of `/api/analytics/*` (docs/analytics.md), generated from the backend's OpenAPI document. */
export type SummaryRow = Schemas['SummaryRow'];
export type Summary = Schemas['SummaryResponse'];
export type Rate = Schemas['Rate'];
export type RateDifference = Schemas['RateDifference'];
export type TimeSavedAssumptions = Schemas['TimeSavedAssumptions'];
export type WeekSummary = Schemas['WeekSummary'];
export type Weekly = Schemas['WeeklyResponse'];
export type ClosestArticle = Schemas['ClosestArticle'];
export type GapTopic = Schemas['KnowledgeGapTopic'];
export type KnowledgeGaps = Schemas['KnowledgeGapsResponse'];
export type OutcomeGroup = Schemas['OutcomeGroup'];
export type Outcomes = Schemas['OutcomesResponse'];
export type DashboardTimeSaved = Schemas['DashboardTimeSaved'];
export type TimeSavedRequest = Schemas['TimeSavedRequest'];
export type ReplayRun = Schemas['ReplayRunDto'];
export type ProcedureFigures = Schemas['ProcedureFiguresResponse'];

export interface Period { from: string; to: string }

type Fetch = typeof fetch;

/** Reads the analytics API with the page's session (team leads and admins only). */
export class AnalyticsApi {
  constructor(
    private readonly token: () => string,
    private readonly renew: () => Promise<boolean> = async () => false,
    private readonly fetchImpl: Fetch = (...a) => fetch(...a),
    private readonly base = '',
  ) {}

  summary(period: Period, groupBy: 'kind' | 'agent' | 'intent' | 'week', signal?: AbortSignal): Promise<Summary> {
    return this.json(`/api/analytics/summary?${query(period, { groupBy })}`, signal);
  }

  /** Every ISO week of the period in one request, each cut to the period and marked partial when it is. */
  weekly(period: Period, signal?: AbortSignal): Promise<Weekly> {
    return this.json(`/api/analytics/weekly?${query(period)}`, signal);
  }

  knowledgeGaps(period: Period, signal?: AbortSignal): Promise<KnowledgeGaps> {
    return this.json(`/api/analytics/knowledge-gaps?${query(period)}`, signal);
  }

  outcomes(period: Period, signal?: AbortSignal): Promise<Outcomes> {
    return this.json(`/api/analytics/outcomes?${query(period)}`, signal);
  }

  /** Per procedure: shown, drafts under it by their outcome, actions from its steps approved and declined. */
  procedures(period: Period, signal?: AbortSignal): Promise<ProcedureFigures> {
    return this.json(`/api/analytics/procedures?${query(period)}`, signal);
  }

  /** Agent ids to names, from the helpdesk (the analytics rows carry ids only). */
  async agentNames(signal?: AbortSignal): Promise<Record<string, string>> {
    const agents = await this.json<Schemas['DashboardAgent'][]>('/api/dashboard/agents', signal);
    return Object.fromEntries(agents.map((a) => [a.id, a.name]));
  }

  /** The tenant's time-saved assumptions with their defaults, and whether this session (an admin's) may change them. */
  timeSaved(signal?: AbortSignal): Promise<DashboardTimeSaved> {
    return this.json('/api/dashboard/time-saved', signal);
  }

  /** Sets the minutes per use of the kinds named; the others return to their defaults. A 400 names each bad field. */
  saveTimeSaved(minutesPerUse: Record<string, number>): Promise<DashboardTimeSaved> {
    const body: TimeSavedRequest = { minutesPerUse };
    return this.json('/api/dashboard/time-saved', undefined, { method: 'PUT', body: JSON.stringify(body) });
  }

  exportUrl(period: Period, type: 'feedback' | 'suggestions' = 'feedback'): string {
    return `${this.base}/api/analytics/export.csv?${query(period, { type })}`;
  }

  /** The CSV as a Blob: the export needs the session header, which a plain link cannot send. */
  exportCsv(period: Period, type: 'feedback' | 'suggestions' = 'feedback'): Promise<{ blob: Blob; name: string }> {
    return this.download(this.exportUrl(period, type), 'text/csv', `copilot-${type}-${period.from}-to-${period.to}.csv`);
  }

  /** The tenant's replay runs, newest first, with their progress (docs/replay.md). */
  replays(signal?: AbortSignal): Promise<ReplayRun[]> {
    return this.json('/api/dashboard/replays', signal);
  }

  /** A run's report as one HTML page, or as JSON. */
  replayReport(id: string, format: 'html' | 'json'): Promise<{ blob: Blob; name: string }> {
    const path = `/api/dashboard/replays/${encodeURIComponent(id)}/${format === 'html' ? 'report.html' : 'report'}`;
    return this.download(`${this.base}${path}`, format === 'html' ? 'text/html' : 'application/json', `replay-${id}.${format}`);
  }

  /** Two runs side by side, as one HTML page. */
  replayComparison(before: string, after: string): Promise<{ blob: Blob; name: string }> {
    const query = new URLSearchParams({ before, after }).toString();
    return this.download(`${this.base}/api/dashboard/replays/compare.html?${query}`, 'text/html', `replay-${before}-vs-${after}.html`);
  }

  private async download(url: string, accept: string, fallback: string): Promise<{ blob: Blob; name: string }> {
    const response = await this.send(url, accept);
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
    return { blob: await response.blob(), name: decodeURIComponent(name) };
  }

  private async json<T>(path: string, signal?: AbortSignal, write?: { method: 'PUT'; body: string }): Promise<T> {
    return (await (await this.send(`${this.base}${path}`, 'application/json', signal, write)).json()) as T;
  }

  private async send(url: string, accept: string, signal?: AbortSignal, write?: { method: 'PUT'; body: string }, renewed = false): Promise<Response> {
    let response: Response;
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token()}`, Accept: accept };
    if (write) headers['Content-Type'] = 'application/json';
    try {
      response = await this.fetchImpl(url, { method: write?.method ?? 'GET', headers, body: write?.body, signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError({ status: 0, title: 'Copilot is unreachable', detail: 'Check your connection and try again.' });
    }
    if (response.status === 401 && !renewed && (await this.renew())) return this.send(url, accept, signal, write, true);
    if (!response.ok) {
      let problem: Problem = { status: response.status, title: response.statusText || 'Request failed' };
      try {
        const body = await response.json();
        problem = { status: response.status, title: body.title ?? problem.title, detail: body.detail, errors: body.errors };
      } catch { /* not problem+json */ }
      throw new ApiError(problem);
    }
    return response;
  }
}

function query(period: Period, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ from: period.from, to: period.to, ...extra }).toString();
}
