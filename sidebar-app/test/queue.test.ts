import { describe, expect, it } from 'vitest';
import type { FeedbackEvent } from '../src/lib/api/types';
import { FeedbackQueue, isTransient, type SendResult, type StorageLike } from '../src/lib/feedback/queue';

class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

function event(id: string): FeedbackEvent {
  return { eventId: id, suggestionId: 's1', outcome: 'edited', finalText: 'Hi' };
}

function harness(storage = new MemoryStorage(), answers: SendResult[] = []) {
  let now = 1_000;
  const sent: string[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const queue = new FeedbackQueue({
    storage,
    now: () => now,
    schedule: (run, ms) => timers.push({ at: now + ms, run }),
    send: async (e) => { sent.push(e.eventId); return answers.shift() ?? 'sent'; },
  });
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.splice(0).filter((t) => t.at <= now)) t.run();
    await queue.flush();
  };
  return { queue, sent, storage, advance, timers };
}

describe('feedback queue', () => {
  it('sends an event at once and forgets it after delivery', async () => {
    const h = harness();
    await expect(h.queue.enqueue(event('e1'))).resolves.toEqual({ state: 'sent' });
    expect(h.sent).toEqual(['e1']);
    expect(h.queue.pending()).toEqual([]);
  });

  it('retries with growing delays while the backend is unreachable', async () => {
    const h = harness(new MemoryStorage(), ['retry', 'retry', 'sent']);
    await expect(h.queue.enqueue(event('e1'))).resolves.toEqual({ state: 'queued' });
    expect(h.sent).toEqual(['e1']);
    await h.advance(1_999);
    expect(h.sent).toHaveLength(1);
    await h.advance(1);
    expect(h.sent).toHaveLength(2);
    await h.advance(3_999);
    expect(h.sent).toHaveLength(2);
    await h.advance(1);
    expect(h.sent).toEqual(['e1', 'e1', 'e1']);
    expect(h.queue.pending()).toEqual([]);
  });

  it('keeps each event id once however often it is enqueued', async () => {
    const h = harness(new MemoryStorage(), ['retry']);
    await h.queue.enqueue(event('e1'));
    await h.queue.enqueue(event('e1'));
    expect(h.queue.pending().map((e) => e.eventId)).toEqual(['e1']);
  });

  it('never sends one event twice at the same time', async () => {
    const storage = new MemoryStorage();
    const sent: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const queue = new FeedbackQueue({ storage, schedule: () => 0, send: async (e) => { sent.push(e.eventId); await gate; return 'sent'; } });
    const first = queue.enqueue(event('e1'));
    const second = queue.flush();
    // A second copy of the app (another ticket tab) sharing the storage.
    const other = new FeedbackQueue({ storage, schedule: () => 0, send: async (e) => { sent.push(`other:${e.eventId}`); return 'sent'; } });
    await other.flush();
    release();
    await Promise.all([first, second]);
    expect(sent).toEqual(['e1']);
  });

  it('survives a reload: a new queue on the same storage sends what was left', async () => {
    const storage = new MemoryStorage();
    const before = harness(storage, ['retry']);
    await before.queue.enqueue(event('e1'));
    const after = harness(storage);
    await after.advance(2_000);
    expect(after.sent).toEqual(['e1']);
    expect(after.queue.pending()).toEqual([]);
  });

  it('drops an event the backend refuses for good, and says why', async () => {
    const problem = { status: 404, title: 'Suggestion not found', detail: "No suggestion 's1' exists for this account." };
    const h = harness(new MemoryStorage(), [{ refused: problem }]);
    await expect(h.queue.enqueue(event('e1'))).resolves.toEqual({ state: 'refused', problem });
    expect(h.queue.pending()).toEqual([]);
    await h.advance(10 * 60_000);
    expect(h.sent).toEqual(['e1']);
  });

  it('retries only what may pass later: no answer, server errors, too many requests, timeouts, an expired session', () => {
    expect([0, 401, 408, 429, 500, 502, 503].every(isTransient)).toBe(true);
    expect([400, 403, 404, 409, 413, 422].some(isTransient)).toBe(false);
  });
});
