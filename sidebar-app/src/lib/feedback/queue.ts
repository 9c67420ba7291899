import type { FeedbackEvent, Problem } from '../api/types';

/** The backend refused the event for good (a 4xx it will answer again): its problem says why. */
export interface Refused { refused: Problem }

/** What one attempt came to: delivered, worth another try later, or refused for good. */
export type SendResult = 'sent' | 'retry' | Refused;

/** What became of an event, as the agent is told: the backend has it, it waits on this device, or it was refused. */
export type Delivery = { state: 'sent' } | { state: 'queued' } | { state: 'refused'; problem: Problem };

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Item { event: FeedbackEvent; attempts: number; nextAt: number; leaseUntil: number }

export interface QueueOptions {
  storage: StorageLike;
  send(event: FeedbackEvent): Promise<SendResult>;
  now?: () => number;
  schedule?: (run: () => void, delayMs: number) => unknown;
  key?: string;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long one sender holds an event (another frame of the app skips it meanwhile). */
  leaseMs?: number;
}

/**
 * A failure worth retrying: no answer (0), a server error, too many requests, a timeout, or an expired session
 * (renewed before the retry). Any other 4xx will be answered the same way however often it is sent.
 */
export function isTransient(status: number): boolean {
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

/**
 * Feedback events waiting for the backend, kept in localStorage so a reload or a closed
 * tab loses none. Retried with exponential backoff; each event keeps its client `eventId`,
 * which the backend dedupes on, so a retry after a lost answer is never counted twice.
 */
export class FeedbackQueue {
  private readonly key: string;
  private readonly now: () => number;
  private readonly schedule: (run: () => void, delayMs: number) => unknown;
  private flushing: Promise<void> | null = null;
  private timerAt = Infinity;
  /** Events this queue saw refused, with the backend's reason (they leave the stored queue). */
  private readonly refusals = new Map<string, Problem>();

  constructor(private readonly options: QueueOptions) {
    this.key = options.key ?? 'copilot.feedback.queue.v1';
    this.now = options.now ?? Date.now;
    this.schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
  }

  /** Events not yet delivered. */
  pending(): FeedbackEvent[] {
    return this.load().map((i) => i.event);
  }

  /** Adds an event (once per eventId), tries to send it right away, and says what became of it. */
  async enqueue(event: FeedbackEvent): Promise<Delivery> {
    const items = this.load();
    if (!items.some((i) => i.event.eventId === event.eventId)) {
      items.push({ event, attempts: 0, nextAt: 0, leaseUntil: 0 });
      this.save(items);
    }
    await this.flush();
    return this.delivery(event.eventId);
  }

  /** Refused (with the problem), still waiting (here or in another frame's hands), or delivered. */
  delivery(eventId: string): Delivery {
    const problem = this.refusals.get(eventId);
    if (problem) return { state: 'refused', problem };
    return this.load().some((i) => i.event.eventId === eventId) ? { state: 'queued' } : { state: 'sent' };
  }

  /** Sends every due event; concurrent calls share one run. */
  flush(): Promise<void> {
    this.flushing ??= this.run().finally(() => { this.flushing = null; this.plan(); });
    return this.flushing;
  }

  private async run(): Promise<void> {
    for (;;) {
      const now = this.now();
      const items = this.load();
      const due = items.find((i) => i.nextAt <= now && i.leaseUntil <= now);
      if (!due) return;
      due.leaseUntil = now + (this.options.leaseMs ?? 30_000);
      this.save(items);
      let result: SendResult;
      try {
        result = await this.options.send(due.event);
      } catch {
        result = 'retry';
      }
      this.settle(due.event.eventId, result);
    }
  }

  private settle(eventId: string, result: SendResult) {
    const items = this.load();
    const index = items.findIndex((i) => i.event.eventId === eventId);
    if (index < 0) return;
    if (result === 'retry') {
      const item = items[index];
      item.attempts++;
      const base = this.options.baseDelayMs ?? 2_000;
      const delay = Math.min(this.options.maxDelayMs ?? 5 * 60_000, base * 2 ** (item.attempts - 1));
      item.nextAt = this.now() + delay;
      item.leaseUntil = 0;
    } else {
      if (result !== 'sent') this.refusals.set(eventId, result.refused);
      items.splice(index, 1);
    }
    this.save(items);
  }

  private plan() {
    const next = Math.min(...this.load().map((i) => Math.max(i.nextAt, i.leaseUntil)));
    if (!Number.isFinite(next) || next >= this.timerAt) return;
    this.timerAt = next;
    this.schedule(() => { this.timerAt = Infinity; void this.flush(); }, Math.max(0, next - this.now()));
  }

  private load(): Item[] {
    try {
      const raw = this.options.storage.getItem(this.key);
      const parsed = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }

  private save(items: Item[]) {
    try {
      this.options.storage.setItem(this.key, JSON.stringify(items));
    } catch { /* storage full or blocked: the in-flight send still happens */ }
  }
}
