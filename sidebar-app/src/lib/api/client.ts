import { readSse } from './sse';
import type { MacroEffect } from '../host/host';
import type { ActionDecision, ActionList, ActionsShown, Answer, AskRequest, Assist, Citation, Draft, DraftRequest, FeedbackEvent, Problem, Reason, Rewrite, RewriteAction, Shown, ShownKind, ShownRequest, Triage } from './types';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status() { return this.problem.status; }
}

/**
 * A stream that ended before its `done` event: the words that had arrived (`partial`, perhaps none) are not the whole
 * draft or answer, and must not be used as if they were.
 */
export class CutOffError extends ApiError {
  constructor(readonly what: 'draft' | 'answer', readonly partial: string) {
    super({ status: 502, title: `The ${what} was cut off`, detail: `The ${what} was cut off before it finished.` });
  }
}

/**
 * Why asking again cannot help: the session ended (401, after the client tried to renew it) or this user may not use
 * Copilot (403). Only reopening the app in the helpdesk, which signs the agent in anew, can.
 */
export function signedOut(status: number): 'session-ended' | 'not-allowed' | null {
  return status === 401 ? 'session-ended' : status === 403 ? 'not-allowed' : null;
}

export interface DraftHandlers {
  onSources?(sources: Citation[]): void;
  onDelta?(text: string, soFar: string): void;
}

type Fetch = typeof fetch;

/** The problem+json of a failed answer; its status line when the body is not one. */
export async function problemOf(response: Pick<Response, 'status' | 'statusText' | 'json'>): Promise<Problem> {
  const problem: Problem = { status: response.status, title: response.statusText || 'Request failed' };
  try {
    const body = await response.json();
    return { status: response.status, title: typeof body?.title === 'string' ? body.title : problem.title, detail: typeof body?.detail === 'string' ? body.detail : undefined };
  } catch {
    return problem; // not problem+json
  }
}

/** Calls our backend, same origin, with the session the backend put in the page. */
export class CopilotApi {
  constructor(
    private readonly token: () => string,
    private readonly fetchImpl: Fetch = (...a) => fetch(...a),
    private readonly base = '',
    /** Called once on a 401; true when a fresh session is now in place. */
    private readonly renew: () => Promise<boolean> = async () => false,
  ) {}

  async assist(ticketId: number, opts: { latestCommentId?: number; refresh?: boolean } = {}, signal?: AbortSignal): Promise<Assist> {
    const q = new URLSearchParams();
    if (opts.latestCommentId) q.set('latestCommentId', String(opts.latestCommentId));
    if (opts.refresh) q.set('refresh', 'true');
    const qs = q.toString();
    return this.json<Assist>(`/api/tickets/${ticketId}/assist${qs ? `?${qs}` : ''}`, { signal });
  }

  /**
   * Reports the items of an assist now on screen: only then do they count as shown. Reporting the same
   * assist again returns the same ids. A 409 means the ticket's assist was worked out again: reload it.
   */
  shown(ticketId: number, assistId: string, kinds: ShownKind[]): Promise<Shown> {
    return this.json<Shown>(`/api/tickets/${ticketId}/assist/${encodeURIComponent(assistId)}/shown`, { method: 'POST', body: JSON.stringify({ kinds } satisfies ShownRequest) });
  }

  /** Intent, sentiment, language and priority with confidences, and where applying them writes. */
  triage(ticketId: number): Promise<Triage> {
    return this.json<Triage>(`/api/tickets/${ticketId}/triage`, { method: 'POST' });
  }

  /** The actions proposed for the ticket, each with what it will change; nothing is recorded or changed. */
  actions(ticketId: number): Promise<ActionList> {
    return this.json<ActionList>(`/api/tickets/${ticketId}/actions`);
  }

  /** Reports the actions now on screen: only then do they count as shown (each once); returns their suggestion ids. */
  actionsShown(ticketId: number, actionIds: string[]): Promise<ActionsShown> {
    return this.json<ActionsShown>(`/api/tickets/${ticketId}/actions/shown`, { method: 'POST', body: JSON.stringify({ actionIds }) });
  }

  /** Approves an action: the backend applies it through the helpdesk and records the approval. Approving again does nothing more. */
  approveAction(ticketId: number, actionId: string): Promise<ActionDecision> {
    return this.json<ActionDecision>(`/api/tickets/${ticketId}/actions/${encodeURIComponent(actionId)}/approve`, { method: 'POST' });
  }

  /** Declines an action: nothing changes in the helpdesk; the decline is recorded (with a reason when given). */
  declineAction(ticketId: number, actionId: string, reason?: Reason): Promise<ActionDecision> {
    return this.json<ActionDecision>(`/api/tickets/${ticketId}/actions/${encodeURIComponent(actionId)}/decline`, { method: 'POST', body: JSON.stringify(reason ? { reason } : {}) });
  }

  /** Records that the agent inserted an approved lookup's answer into the reply (once per action, however often). */
  actionInserted(ticketId: number, actionId: string): Promise<ActionDecision> {
    return this.json<ActionDecision>(`/api/tickets/${ticketId}/actions/${encodeURIComponent(actionId)}/inserted`, { method: 'POST' });
  }

  /** What applying a macro would change on the ticket; nothing is changed. `agentName` fills its agent placeholders. */
  macroPreview(ticketId: number, macroId: string, agentName?: string): Promise<MacroEffect> {
    const q = agentName ? `?agentName=${encodeURIComponent(agentName)}` : '';
    return this.json<MacroEffect>(`/api/tickets/${ticketId}/macros/${encodeURIComponent(macroId)}/preview${q}`);
  }

  /**
   * Streams when the backend answers `text/event-stream`; otherwise reads the JSON answer.
   * `agentName` (the signed-in agent's) signs the draft and fills the macros' agent placeholders.
   */
  async draft(ticketId: number, request: DraftRequest = {}, handlers: DraftHandlers = {}, signal?: AbortSignal): Promise<Draft> {
    const body: DraftRequest = {};
    if (request.instructions) body.instructions = request.instructions;
    if (request.agentName) body.agentName = request.agentName;
    const response = await this.send(`/api/tickets/${ticketId}/draft`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { Accept: 'text/event-stream, application/json;q=0.9' },
      signal,
    });
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream') || !response.body) {
      return (await response.json()) as Draft;
    }
    let text = '';
    let citations: Citation[] = [];
    let result: Draft | null = null;
    let failure: Problem | null = null;
    await readSse(response.body, (e) => {
      const data = e.data ? JSON.parse(e.data) : {};
      if (e.event === 'sources') {
        citations = Array.isArray(data) ? data : (data.sources ?? data.citations ?? []);
        handlers.onSources?.(citations);
      } else if (e.event === 'delta') {
        text += data.text ?? '';
        handlers.onDelta?.(data.text ?? '', text);
      } else if (e.event === 'done') {
        result = { status: 'drafted', ...data, text: data.text ?? text, citations: data.citations ?? citations };
      } else if (e.event === 'error') {
        failure = { status: data.status ?? 502, title: data.title ?? 'The draft failed', detail: data.detail };
      }
    }, signal);
    if (failure) throw new ApiError(failure);
    if (!result) throw new CutOffError('draft', text);
    return result;
  }

  /**
   * Asks a question about the ticket; streams like a draft (`sources`, `delta`…, `done`) when the backend answers
   * `text/event-stream`, otherwise reads the JSON answer. `conversationId` (from an earlier answer) makes it a follow-up.
   */
  async ask(ticketId: number, request: AskRequest, handlers: DraftHandlers = {}, signal?: AbortSignal): Promise<Answer> {
    const body: AskRequest = { question: request.question };
    if (request.conversationId) body.conversationId = request.conversationId;
    const response = await this.send(`/api/tickets/${ticketId}/ask`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { Accept: 'text/event-stream, application/json;q=0.9' },
      signal,
    });
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream') || !response.body) {
      return (await response.json()) as Answer;
    }
    let text = '';
    let result: Answer | null = null;
    let failure: Problem | null = null;
    await readSse(response.body, (e) => {
      const data = e.data ? JSON.parse(e.data) : {};
      if (e.event === 'sources') {
        handlers.onSources?.(data.sources ?? []);
      } else if (e.event === 'delta') {
        text += data.text ?? '';
        handlers.onDelta?.(data.text ?? '', text);
      } else if (e.event === 'done') {
        result = data as Answer;
      } else if (e.event === 'error') {
        failure = { status: data.status ?? 502, title: data.title ?? 'The answer failed', detail: data.detail };
      }
    }, signal);
    if (failure) throw new ApiError(failure);
    if (!result) throw new CutOffError('answer', text);
    return result;
  }

  /** null when this backend has no rewrite endpoint (404). */
  async rewrite(action: RewriteAction, text: string, language?: string, ticketId?: number): Promise<Rewrite | null> {
    try {
      return await this.json<Rewrite>('/api/rewrite', { method: 'POST', body: JSON.stringify({ action, text, language, ticketId }) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  /** Sends one feedback event; the caller's queue decides about retries. */
  feedback(event: FeedbackEvent): Promise<Response> {
    const { suggestionId, ...body } = event;
    return this.fetchImpl(`${this.base}/api/suggestions/${encodeURIComponent(suggestionId)}/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token()}` },
      body: JSON.stringify(body),
      keepalive: true,
    });
  }

  private async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    return (await (await this.send(path, init)).json()) as T;
  }

  private async send(path: string, init: RequestInit, renewed = false): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${this.token()}`);
    if (init.body) headers.set('Content-Type', 'application/json');
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, { ...init, headers });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError({ status: 0, title: 'Copilot is unreachable', detail: 'Check your connection and try again.' });
    }
    if (response.status === 401 && !renewed && (await this.renew())) {
      return this.send(path, init, true);
    }
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }
}
