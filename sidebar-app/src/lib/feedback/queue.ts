import type { FeedbackEvent } from '../api/types';

export type SendResult = 'sent' | 'retry' | 'drop';

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

/** Maps an HTTP answer to what the queue does next: 4xx other than 401/408/429 will never succeed. */
export function resultOf(status: number): SendResult {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'drop';
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

  constructor(private readonly options: QueueOptions) {
    this.key = options.key ?? 'copilot.feedback.queue.v1';
    this.now = options.now ?? Date.now;
    this.schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
  }

  /** Events not yet delivered. */
  pending(): FeedbackEvent[] {
    return this.load().map((i) => i.event);
  }

  /** Adds an event (once per eventId) and tries to send it right away. */
  enqueue(event: FeedbackEvent): Promise<void> {
    const items = this.load();
    if (!items.some((i) => i.event.eventId === event.eventId)) {
      items.push({ event, attempts: 0, nextAt: 0, leaseUntil: 0 });
      this.save(items);
    }
    return this.flush();
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
