import { describe, expect, it } from 'vitest';
import { CopilotApi } from '../src/lib/api/client';

function fakeFetch(answer: Response) {
  const bodies: unknown[] = [];
  const impl = (async (_url: string, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    return answer;
  }) as unknown as typeof fetch;
  return { impl, bodies };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });

describe('rewrite client', () => {
  it('sends the ticket so the offline provider can greet the requester', async () => {
    const { impl, bodies } = fakeFetch(json({ text: 'Hi Olivia,', suggestionId: 'sg_1', changed: true, edits: ['Added a greeting'], flags: [] }));
    await new CopilotApi(() => 'tok', impl).rewrite('friendlier', 'Thanks.', undefined, 126);
    expect(bodies).toEqual([{ action: 'friendlier', text: 'Thanks.', ticketId: 126 }]);
  });

  it('passes on an offline answer that changed nothing, with its note', async () => {
    const note = 'Translation needs a model; the offline provider left the text unchanged.';
    const { impl } = fakeFetch(json({ text: 'Hello', suggestionId: null, changed: false, edits: [], flags: [], note, provider: { name: 'offline', offline: true, modelAvailable: false } }));
    const result = await new CopilotApi(() => 'tok', impl).rewrite('translate', 'Hello', 'de', 126);
    expect(result).toMatchObject({ changed: false, note, suggestionId: null, provider: { offline: true } });
  });

  it('answers null when the backend has no rewrite endpoint', async () => {
    const { impl } = fakeFetch(json({ title: 'Not Found', status: 404 }, 404));
    expect(await new CopilotApi(() => 'tok', impl).rewrite('shorten', 'Hello')).toBeNull();
  });
});
