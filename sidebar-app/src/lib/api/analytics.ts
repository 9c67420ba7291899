import { ApiError } from './client';
import type { Problem } from './types';

/** Shapes of `/api/analytics/*` (docs/analytics.md). */
export interface SummaryRow {
  key: string;
  shown: number;
  accepted: number;
  edited: number;
  rejected: number;
  noFeedback: number;
  rejectedByReason: Record<string, number>;
  acceptanceRate?: number | null;
  acceptedAsIsRate?: number | null;
  editSize: Record<string, number>;
  timeSavedMinutes: number;
  costUsd: number;
  costPerAcceptedUsd?: number | null;
}

export interface Summary {
  tenant: string;
  from: string;
  to: string;
  groupBy: string;
  rows: SummaryRow[];
  total: SummaryRow;
  /** ISO code of the cost figures (the tenant's price table); `costUsd` keeps its name. */
  currency?: string;
}

export interface ClosestArticle { sourceId: string; title?: string | null; bestScore?: number | null; tickets: number }

export interface GapTopic {
  label: string;
  terms: string[];
  ticketCount: number;
  noMatch: number;
  missingContext: number;
  outdatedArticle: number;
  exampleTicketIds: number[];
  closestArticles: ClosestArticle[];
}

export interface KnowledgeGaps { tenant: string; from: string; to: string; threshold: number; ticketCount: number; topics: GapTopic[] }

export interface OutcomeGroup {
  tickets: number;
  medianResolutionHours?: number | null;
  meanResolutionHours?: number | null;
  reopenRate?: number | null;
  rated: number;
  satisfaction?: number | null;
}

export interface Outcomes { tenant: string; from: string; to: string; assisted: OutcomeGroup; unassisted: OutcomeGroup }

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

  knowledgeGaps(period: Period, signal?: AbortSignal): Promise<KnowledgeGaps> {
    return this.json(`/api/analytics/knowledge-gaps?${query(period)}`, signal);
  }

  outcomes(period: Period, signal?: AbortSignal): Promise<Outcomes> {
    return this.json(`/api/analytics/outcomes?${query(period)}`, signal);
  }

  /** Agent ids to names, from the helpdesk (the analytics rows carry ids only). */
  async agentNames(signal?: AbortSignal): Promise<Record<string, string>> {
    const agents = await this.json<{ id: string; name: string }[]>('/api/dashboard/agents', signal);
    return Object.fromEntries(agents.map((a) => [a.id, a.name]));
  }

  exportUrl(period: Period, type: 'feedback' | 'suggestions' = 'feedback'): string {
    return `${this.base}/api/analytics/export.csv?${query(period, { type })}`;
  }

  /** The CSV as a Blob: the export needs the session header, which a plain link cannot send. */
  async exportCsv(period: Period, type: 'feedback' | 'suggestions' = 'feedback'): Promise<{ blob: Blob; name: string }> {
    const response = await this.send(this.exportUrl(period, type), 'text/csv');
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? `copilot-${type}-${period.from}-to-${period.to}.csv`;
    return { blob: await response.blob(), name: decodeURIComponent(name) };
  }

  private async json<T>(path: string, signal?: AbortSignal): Promise<T> {
    return (await (await this.send(`${this.base}${path}`, 'application/json', signal)).json()) as T;
  }

  private async send(url: string, accept: string, signal?: AbortSignal, renewed = false): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { headers: { Authorization: `Bearer ${this.token()}`, Accept: accept }, signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError({ status: 0, title: 'Copilot is unreachable', detail: 'Check your connection and try again.' });
    }
    if (response.status === 401 && !renewed && (await this.renew())) return this.send(url, accept, signal, true);
    if (!response.ok) {
      let problem: Problem = { status: response.status, title: response.statusText || 'Request failed' };
      try {
        const body = await response.json();
        problem = { status: response.status, title: body.title ?? problem.title, detail: body.detail };
      } catch { /* not problem+json */ }
      throw new ApiError(problem);
    }
    return response;
  }
}

function query(period: Period, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ from: period.from, to: period.to, ...extra }).toString();
}
