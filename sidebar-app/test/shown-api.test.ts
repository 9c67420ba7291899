import { describe, expect, it } from 'vitest';
import { CopilotApi } from '../src/lib/api/client';
import type { Assist, ShownKind } from '../src/lib/api/types';
import { SUGGESTION_KINDS } from '../src/lib/api/vocabulary';
import { displayedKinds } from '../src/sidebar/displayed';

describe('display report', () => {
  it('posts the displayed kinds as words of the generated SuggestionKind vocabulary', async () => {
    const requests: { url: string; body: unknown }[] = [];
    const impl = (async (url: string, init?: RequestInit) => {
      requests.push({ url, body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify({ summary: 'sg_1', articles: null, macros: null, similarTickets: 'sg_2' }), { headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    const kinds: ShownKind[] = ['summary', 'similar-tickets', 'handoff'];

    const ids = await new CopilotApi(() => 'tok', impl).shown(118, 'as/1', kinds);

    expect(requests).toEqual([{ url: '/api/tickets/118/assist/as%2F1/shown', body: { kinds } }]);
    expect(ids.summary).toBe('sg_1');
  });

  it('reports only kinds the backend publishes', () => {
    const assist = {
      ticketId: 1, assistId: 'a', summary: { customerWants: 'a refund' }, warnings: [{ ruleId: 'r', name: 'R', action: 'handoff', wayForward: { internalNote: true } }], handoff: true,
      articles: [{ sourceId: '1', title: 'A' }], macros: [{ sourceId: '2', title: 'M' }], similarTickets: [{ sourceId: '3', title: 'T' }],
    } as unknown as Assist;
    const reported = displayedKinds(assist);
    expect(reported).toEqual(['summary', 'articles', 'macros', 'similar-tickets', 'handoff']);
    for (const kind of reported) expect(SUGGESTION_KINDS).toContain(kind);
  });
});
