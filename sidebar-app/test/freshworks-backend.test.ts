import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyticsApi } from '../src/lib/api/analytics';
import { ApiError, CopilotApi } from '../src/lib/api/client';
import { AGENT_CONTEXT, ROUTES, templateFetch, templateFor } from '../src/lib/host/freshworks/backend';
import type { TemplateAnswer } from '../src/lib/host/freshworks/client';
// @ts-expect-error plain ES module script without types
import { requestOf } from '../scripts/freshworks/templates.mjs';
import { FakeFreshworksClient } from './freshworks-fake';
import { draftOf } from './fixtures';

const app = resolve(import.meta.dirname, '../freshworks');
const requests = JSON.parse(readFileSync(resolve(app, 'config/requests.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(resolve(app, 'manifest.json'), 'utf8'));
const iparam = { backend_host: 'copilot.example.com', tenant_id: 'acme', shared_secret: 's3cret' };
const json = (status: number, body: unknown): TemplateAnswer => ({ status, headers: { 'content-type': 'application/json' }, response: JSON.stringify(body) });

/** A URL each route stands for, with sample values in its `:name` parts. */
const sample = (url: string) => url.replace(/:([a-z_]+)/g, (_, name) => ({ ticket_id: '101', assist_id: 'as%2F7', macro_id: '900004', suggestion_id: 'sg_1', agent_name: 'Sam', from: '2026-03-02', to: '2026-03-08', group_by: 'agent', type: 'feedback' }[name as string] ?? name));

describe('request templates', () => {
  it.each(ROUTES.map(([method, url, template]) => ({ method, url, template })))('$template is in requests.json and the manifest, and makes $method $url', ({ method, url, template }) => {
    expect(requests[template]?.schema.method).toBe(method);
    expect(manifest.modules.common.requests).toHaveProperty(template);
    const asked = sample(url);
    const call = templateFor(method, asked)!;
    expect(call.template).toBe(template);
    // Freshworks' proxy fills the template: the backend gets exactly the call the app made, with the tenant's headers.
    const sent = requestOf(requests[template], { iparam, context: { ...call.context, [AGENT_CONTEXT]: '2001' } });
    expect(sent.url).toBe(`https://copilot.example.com${asked}`);
    expect(sent.headers).toMatchObject({ Authorization: 'CopilotApp s3cret', 'X-Copilot-Tenant': 'acme', 'X-Copilot-Agent': '2001' });
  });

  it('has a route for every template, and a template for every route', () => {
    expect(Object.keys(requests).sort()).toEqual(ROUTES.map(([, , t]) => t).sort());
  });

  it('has none for a call it does not name (another query, another method)', () => {
    expect(templateFor('GET', '/api/tickets/101/assist?latestCommentId=5')).toBeNull();
    expect(templateFor('DELETE', '/api/tickets/101/assist')).toBeNull();
    expect(templateFor('GET', '/api/tickets/101/assist?refresh=false')).toBeNull();
    expect(templateFor('GET', '/api/tickets/101/assist?refresh=true')).toEqual({ template: 'copilotAssistRefresh', context: { ticket_id: '101' } });
  });
});

describe('the sidebar\'s backend calls over request templates', () => {
  const setup = () => {
    const client = new FakeFreshworksClient();
    const api = new CopilotApi(() => 'ignored', templateFetch(client, async () => '2001'));
    return { client, api };
  };

  it('reads the assist with copilotAssist, the ticket id and the agent in the context', async () => {
    const { client, api } = setup();
    client.answer = async () => json(200, { ticketId: 101, assistId: 'as-101' });
    expect(await api.assist(101)).toEqual({ ticketId: 101, assistId: 'as-101' });
    await api.assist(101, { refresh: true });
    expect(client.calls.map((c) => c.slice(1))).toEqual([
      ['copilotAssist', { context: { ticket_id: '101', agent_id: '2001' } }],
      ['copilotAssistRefresh', { context: { ticket_id: '101', agent_id: '2001' } }],
    ]);
  });

  it('drafts with copilotDraft, the request as the body, the whole answer as JSON', async () => {
    const { client, api } = setup();
    client.answer = async () => json(200, draftOf({ suggestionId: 'sg_9', text: 'Hi Anna' }));
    const draft = await api.draft(101, { agentName: 'Sam Agent', instructions: 'Be brief' });
    expect(draft.text).toBe('Hi Anna');
    expect(client.calls[0].slice(1)).toEqual(['copilotDraft', { context: { ticket_id: '101', agent_id: '2001' }, body: JSON.stringify({ instructions: 'Be brief', agentName: 'Sam Agent' }) }]);
  });

  it('reads a draft streamed as events when the backend streams it anyway', async () => {
    const { client, api } = setup();
    const events = 'event: delta\ndata: {"text":"Hi"}\n\nevent: delta\ndata: {"text":" Anna"}\n\nevent: done\ndata: {"suggestionId":"sg_2"}\n\n';
    client.answer = async () => ({ status: 200, headers: { 'content-type': 'text/event-stream' }, response: events });
    const deltas: string[] = [];
    const draft = await api.draft(101, {}, { onDelta: (_, soFar) => deltas.push(soFar) });
    expect(draft).toMatchObject({ status: 'drafted', suggestionId: 'sg_2', text: 'Hi Anna' });
    expect(deltas).toEqual(['Hi', 'Hi Anna']);
  });

  it('sends feedback with copilotFeedback and hands the status to the queue', async () => {
    const { client, api } = setup();
    client.answer = async () => json(201, { duplicate: false });
    const response = await api.feedback({ eventId: 'ev-1', suggestionId: 'sg 1', outcome: 'accepted' });
    expect(response.status).toBe(201);
    expect(client.calls[0].slice(1)).toEqual(['copilotFeedback', { context: { suggestion_id: 'sg%201', agent_id: '2001' }, body: JSON.stringify({ eventId: 'ev-1', outcome: 'accepted' }) }]);
  });

  it('turns the backend\'s problem (a failed template call) into the same ApiError as over fetch', async () => {
    const { client, api } = setup();
    client.answer = async () => { throw json(409, { title: 'Assist changed', detail: 'Reload it.' }); };
    const error = await api.shown(101, 'as-101', ['summary']).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toEqual({ status: 409, title: 'Assist changed', detail: 'Reload it.' });
  });

  it('says the backend is unreachable when Freshworks could not make the call at all', async () => {
    const { client, api } = setup();
    client.answer = async () => { throw { message: 'timeout' }; };
    const error = await api.triage(101).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
  });

  it('answers a call no template makes with a 404 problem, as the backend answers a route it lacks', async () => {
    const { client, api } = setup();
    const error = await api.assist(101, { latestCommentId: 5 }).catch((e) => e);
    expect(error.problem).toMatchObject({ status: 404, title: 'Not available in Freshdesk' });
    expect(client.calls).toEqual([]);
  });

  it('stops at once when the call is cancelled', async () => {
    const { client, api } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(api.assist(101, {}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.calls).toEqual([]);
  });
});

describe('the dashboard\'s calls over request templates', () => {
  it('reads the analytics with the period in the context, and the CSV export with its file name', async () => {
    const client = new FakeFreshworksClient();
    client.answer = async (name) => name === 'copilotExportCsv'
      ? { status: 200, headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="copilot-feedback.csv"' }, response: 'a,b\n1,2\n' }
      : json(200, { rows: [] });
    const api = new AnalyticsApi(() => '', async () => false, templateFetch(client, async () => '2001'));
    const period = { from: '2026-03-02', to: '2026-03-08' };
    await api.summary(period, 'agent');
    const { blob, name } = await api.exportCsv(period);
    expect(name).toBe('copilot-feedback.csv');
    expect(await blob.text()).toBe('a,b\n1,2\n');
    expect(client.calls.map((c) => c.slice(1))).toEqual([
      ['copilotAnalyticsSummary', { context: { from: '2026-03-02', to: '2026-03-08', group_by: 'agent', agent_id: '2001' } }],
      ['copilotExportCsv', { context: { from: '2026-03-02', to: '2026-03-08', type: 'feedback', agent_id: '2001' } }],
    ]);
  });
});
