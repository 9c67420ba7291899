import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackEvent } from '../src/lib/api/types';
import type { Host, SaveHook } from '../src/lib/host/host';
import { FeedbackQueue, type StorageLike } from '../src/lib/feedback/queue';
import { FeedbackTracker, SAVE_READ_DEADLINE_MS } from '../src/lib/feedback/tracker';

class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

function setup(commentText: () => Promise<string>) {
  const storage = new MemoryStorage();
  const sent: FeedbackEvent[] = [];
  const queue = new FeedbackQueue({ storage, schedule: () => 0, send: async (e) => { sent.push(e); return 'sent'; } });
  let hook: SaveHook | null = null;
  const host = { getCommentText: commentText, onTicketSave: (h: SaveHook) => { hook = h; return () => { hook = null; }; } } as unknown as Host;
  let n = 0;
  const tracker = new FeedbackTracker(host, queue, storage, 101, () => `event-${++n}`);
  tracker.attach();
  return { tracker, sent, storage, save: () => hook!() };
}

afterEach(() => vi.useRealTimers());

describe('feedback tracker', () => {
  it('turns an inserted then edited draft into one edited event on save', async () => {
    const { tracker, sent, save } = setup(async () => '<p>Hi Anna, please restart the Bridge and try again.</p>');
    tracker.inserted('s1', 'Hi Anna, please try again.');
    await save();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ eventId: 'event-1', suggestionId: 's1', outcome: 'edited', finalText: 'Hi Anna, please restart the Bridge and try again.' });
    expect(tracker.pendingInserts()).toEqual([]);
  });

  it('records a use of a displayed item as accepted, saying how it was used', async () => {
    const { tracker, sent } = setup(async () => '');
    await tracker.used('sg-articles', 'opened 4400007');
    expect(sent).toEqual([{ eventId: 'event-1', suggestionId: 'sg-articles', outcome: 'accepted', comment: 'opened 4400007' }]);
  });

  it('remembers an insert across a reload of the app', async () => {
    const first = setup(async () => '<p>Hi Anna, please try again.</p>');
    first.tracker.inserted('s1', 'Hi Anna, please try again.');
    const reloaded = new FeedbackTracker({} as Host, {} as FeedbackQueue, first.storage, 101);
    expect(reloaded.pendingInserts()).toEqual([{ suggestionId: 's1', text: 'Hi Anna, please try again.' }]);
  });

  it('lets the save go on when the reply cannot be read in time', async () => {
    vi.useFakeTimers();
    const { tracker, sent, save } = setup(() => new Promise<string>(() => {}));
    tracker.inserted('s1', 'Hi Anna');
    const saving = save();
    await vi.advanceTimersByTimeAsync(SAVE_READ_DEADLINE_MS);
    await expect(saving).resolves.toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('does nothing on save when nothing was inserted', async () => {
    let read = false;
    const { sent, save } = setup(async () => { read = true; return ''; });
    await save();
    expect(read).toBe(false);
    expect(sent).toEqual([]);
  });

  it('sends "other" with the agent\'s comment, and says whether the backend has it', async () => {
    const { tracker, sent } = setup(async () => '');
    await expect(tracker.thumbsDown('s1', 'other', 'Promised a refund we do not give')).resolves.toEqual({ state: 'sent' });
    expect(sent).toEqual([{ eventId: 'event-1', suggestionId: 's1', outcome: 'rejected', reason: 'other', comment: 'Promised a refund we do not give' }]);
  });

  it('says feedback is not saved yet while it waits in the queue', async () => {
    const storage = new MemoryStorage();
    const queue = new FeedbackQueue({ storage, schedule: () => 0, send: async () => 'retry' });
    const tracker = new FeedbackTracker({} as Host, queue, storage, 101, () => 'event-1');
    await expect(tracker.thumbsUp('s1')).resolves.toEqual({ state: 'queued' });
    expect(queue.pending()).toHaveLength(1);
  });

  it('sends a thumbs down with its one reason', async () => {
    const { tracker, sent } = setup(async () => '');
    await tracker.thumbsDown('s1', 'outdated-article');
    expect(sent).toEqual([{ eventId: 'event-1', suggestionId: 's1', outcome: 'rejected', reason: 'outdated-article' }]);
  });
});
