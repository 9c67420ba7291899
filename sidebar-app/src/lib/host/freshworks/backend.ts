import type { FreshworksClient, TemplateAnswer } from './client';

/**
 * Every backend call the app makes, and the request template in `freshworks/config/requests.json` that makes it in
 * Freshdesk (Freshworks' proxy adds the backend's host and the tenant's secret, which the browser never sees).
 * `:name` parts of the path and query travel as the template's context; a query the table does not name has no
 * template. The templates' names all start with "copilot" (the package validator finds them by that).
 */
export const ROUTES: readonly (readonly [method: string, url: string, template: string])[] = [
  ['GET', '/api/tickets/:ticket_id/assist', 'copilotAssist'],
  ['GET', '/api/tickets/:ticket_id/assist?refresh=true', 'copilotAssistRefresh'],
  ['POST', '/api/tickets/:ticket_id/assist/:assist_id/shown', 'copilotShown'],
  ['POST', '/api/tickets/:ticket_id/draft', 'copilotDraft'],
  ['POST', '/api/tickets/:ticket_id/ask', 'copilotAsk'],
  ['POST', '/api/tickets/:ticket_id/triage', 'copilotTriage'],
  ['GET', '/api/tickets/:ticket_id/actions', 'copilotActions'],
  ['POST', '/api/tickets/:ticket_id/actions/shown', 'copilotActionsShown'],
  ['POST', '/api/tickets/:ticket_id/actions/:action_id/approve', 'copilotActionApprove'],
  ['POST', '/api/tickets/:ticket_id/actions/:action_id/decline', 'copilotActionDecline'],
  ['POST', '/api/tickets/:ticket_id/actions/:action_id/inserted', 'copilotActionInserted'],
  ['GET', '/api/tickets/:ticket_id/macros/:macro_id/preview', 'copilotMacroPreview'],
  ['GET', '/api/tickets/:ticket_id/macros/:macro_id/preview?agentName=:agent_name', 'copilotMacroPreviewSigned'],
  ['POST', '/api/rewrite', 'copilotRewrite'],
  ['POST', '/api/suggestions/:suggestion_id/feedback', 'copilotFeedback'],
  ['GET', '/api/analytics/summary?from=:from&to=:to&groupBy=:group_by', 'copilotAnalyticsSummary'],
  ['GET', '/api/analytics/weekly?from=:from&to=:to', 'copilotAnalyticsWeekly'],
  ['GET', '/api/analytics/knowledge-gaps?from=:from&to=:to', 'copilotKnowledgeGaps'],
  ['GET', '/api/analytics/outcomes?from=:from&to=:to', 'copilotOutcomes'],
  ['GET', '/api/analytics/export.csv?from=:from&to=:to&type=:type', 'copilotExportCsv'],
  ['GET', '/api/dashboard/agents', 'copilotDashboardAgents'],
];

/** The context every template gets besides its route's: the Freshdesk agent the page says is signed in. */
export const AGENT_CONTEXT = 'agent_id';

export interface TemplateCall { template: string; context: Record<string, string> }

const ORIGIN = 'https://copilot.invalid';

/** The template and context for a call, or null when no template makes it. */
export function templateFor(method: string, url: string): TemplateCall | null {
  const wanted = new URL(url, ORIGIN);
  for (const [m, pattern, template] of ROUTES) {
    if (m !== method.toUpperCase()) continue;
    const route = new URL(pattern, ORIGIN);
    const context: Record<string, string> = {};
    const bind = (part: string, value: string) => {
      if (part.startsWith(':')) { context[part.slice(1)] = value; return true; }
      return part === value;
    };
    // Path parts stay as they are in the URL (encoded), so the template's path is the one asked for.
    const parts = route.pathname.split('/');
    const asked = wanted.pathname.split('/');
    if (parts.length !== asked.length || !parts.every((p, i) => bind(decodeURIComponent(p), asked[i]))) continue;
    const keys = [...route.searchParams.keys()];
    if (keys.length !== [...wanted.searchParams.keys()].length || !keys.every((k) => wanted.searchParams.has(k) && bind(route.searchParams.get(k)!, wanted.searchParams.get(k)!))) continue;
    return { template, context };
  }
  return null;
}

/**
 * `fetch` for the backend API over Freshworks' request method: the call becomes its template with the context its
 * URL gives, the answer a Response. A request template cannot stream: a draft arrives whole. No template: a 404
 * problem, as the backend answers a route it lacks. The headers the caller sets are not sent (the template sets
 * them); a call the platform could not make at all fails as fetch fails without an answer.
 */
export function templateFetch(client: FreshworksClient, agentId: () => Promise<string>): typeof fetch {
  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    const call = templateFor(method, url);
    if (!call) {
      const problem = { status: 404, title: 'Not available in Freshdesk', detail: `${method} ${new URL(url, ORIGIN).pathname} has no request template in this app.` };
      return new Response(JSON.stringify(problem), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }
    init.signal?.throwIfAborted();
    const context = { ...call.context, [AGENT_CONTEXT]: await agentId() };
    let answer: TemplateAnswer;
    try {
      answer = await client.request.invokeTemplate(call.template, typeof init.body === 'string' ? { context, body: init.body } : { context });
    } catch (e) {
      const failed = e as Partial<TemplateAnswer> | null;
      if (typeof failed?.status !== 'number' || failed.status < 200 || failed.status > 599) throw new TypeError(`Freshworks could not make the call ${call.template}`);
      answer = failed as TemplateAnswer;
    }
    init.signal?.throwIfAborted();
    return responseOf(answer);
  };
}

function responseOf(answer: TemplateAnswer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers ?? {})) if (value !== undefined && value !== null) headers.set(name, String(value));
  const bodiless = answer.status === 204 || answer.status === 205 || answer.status === 304;
  return new Response(bodiless ? null : answer.response ?? '', { status: answer.status, headers });
}
