import { describe, expect, it } from 'vitest';
import { AnalyticsApi } from '../src/lib/api/analytics';
import { ApiError } from '../src/lib/api/client';

const period = { from: '2026-10-25', to: '2026-11-24' };

function fakeFetch(answers: Response[]) {
  const calls: { url: string; auth: string | null }[] = [];
  const impl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, auth: new Headers(init?.headers).get('Authorization') });
    return answers.shift()!;
  }) as unknown as typeof fetch;
  return { impl, calls };
}

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('analytics client', () => {
  it('asks for the period and grouping with the session', async () => {
    const { impl, calls } = fakeFetch([json({ rows: [], total: {} })]);
    await new AnalyticsApi(() => 'tok', undefined, impl).summary(period, 'agent');
    expect(calls).toEqual([{ url: '/api/analytics/summary?from=2026-10-25&to=2026-11-24&groupBy=agent', auth: 'Bearer tok' }]);
  });

  it('turns a problem answer into an ApiError with its title and detail', async () => {
    const { impl } = fakeFetch([json({ title: 'Not your tenant', detail: 'A session may read only its own tenant.' }, 403, 'application/problem+json')]);
    const error = await new AnalyticsApi(() => 'tok', undefined, impl).outcomes(period).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toEqual({ status: 403, title: 'Not your tenant', detail: 'A session may read only its own tenant.' });
  });

  it('renews an expired session once and retries with the new one', async () => {
    let token = 'old';
    const { impl, calls } = fakeFetch([new Response('', { status: 401 }), json({ topics: [] })]);
    const api = new AnalyticsApi(() => token, async () => { token = 'new'; return true; }, impl);
    await api.knowledgeGaps(period);
    expect(calls.map((c) => c.auth)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('names the CSV download as the API does', async () => {
    const { impl } = fakeFetch([new Response('a,b\r\n', { status: 200, headers: { 'Content-Disposition': 'attachment; filename=copilot-feedback-demo-2026-10-25-to-2026-11-24.csv' } })]);
    const { name, blob } = await new AnalyticsApi(() => 'tok', undefined, impl).exportCsv(period);
    expect(name).toBe('copilot-feedback-demo-2026-10-25-to-2026-11-24.csv');
    expect(await blob.text()).toBe('a,b\r\n');
  });
});
