import { describe, expect, it } from 'vitest';
import type { FeedbackEvent } from '../src/lib/api/types';
import { FeedbackQueue } from '../src/lib/feedback/queue';
import { feedbackSender } from '../src/lib/feedback/send';
import { MemoryStorage } from './fixtures';

const event: FeedbackEvent = { eventId: 'e1', suggestionId: 's1', outcome: 'accepted', comment: 'rated helpful' };
const problem = (status: number, title: string, detail?: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('feedback delivery', () => {
  it('is refused for good on a permanent 4xx, with the problem the backend gave', async () => {
    for (const [status, title] of [[400, 'The feedback is not valid'], [404, 'Suggestion not found'], [409, 'Event id already used'], [422, 'Unprocessable']] as const) {
      const send = feedbackSender(async () => problem(status, title, `detail ${status}`), async () => true);
      await expect(send(event)).resolves.toEqual({ refused: { status, title, detail: `detail ${status}` } });
    }
  });

  it('names a refusal by its status line when the body is no problem+json', async () => {
    const send = feedbackSender(async () => new Response('nope', { status: 403, statusText: 'Forbidden' }), async () => true);
    await expect(send(event)).resolves.toEqual({ refused: { status: 403, title: 'Forbidden' } });
  });

  it('is retried after a network error, a 5xx, a 429 or a timeout', async () => {
    const failures: (() => Promise<Response>)[] = [
      async () => { throw new TypeError('Failed to fetch'); },
      async () => problem(503, 'Service unavailable'),
      async () => problem(500, 'Server error'),
      async () => problem(429, 'Too many requests'),
      async () => problem(408, 'Request timeout'),
    ];
    for (const answer of failures) await expect(feedbackSender(answer, async () => true)(event)).resolves.toBe('retry');
  });

  it('renews an expired session and retries', async () => {
    let renewed = 0;
    const send = feedbackSender(async () => problem(401, 'Unauthorized'), async () => { renewed++; return true; });
    await expect(send(event)).resolves.toBe('retry');
    expect(renewed).toBe(1);
  });

  it('is delivered on 201 and on 200 (a duplicate of an event the backend has)', async () => {
    await expect(feedbackSender(async () => new Response('{}', { status: 201 }), async () => true)(event)).resolves.toBe('sent');
    await expect(feedbackSender(async () => new Response('{"duplicate":true}', { status: 200 }), async () => true)(event)).resolves.toBe('sent');
  });

  it('through the queue: a refusal leaves nothing queued and says why; a 503 keeps the event for later', async () => {
    const refusing = new FeedbackQueue({ storage: new MemoryStorage(), schedule: () => 0,
      send: feedbackSender(async () => problem(404, 'Suggestion not found', "No suggestion 's1' exists for this account."), async () => true) });
    await expect(refusing.enqueue(event)).resolves.toEqual({ state: 'refused', problem: { status: 404, title: 'Suggestion not found', detail: "No suggestion 's1' exists for this account." } });
    expect(refusing.pending()).toEqual([]);

    const busy = new FeedbackQueue({ storage: new MemoryStorage(), schedule: () => 0, send: feedbackSender(async () => problem(503, 'Unavailable'), async () => true) });
    await expect(busy.enqueue(event)).resolves.toEqual({ state: 'queued' });
    expect(busy.pending()).toEqual([event]);
  });
});
