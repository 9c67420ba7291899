import type { FeedbackEvent, Reason } from '../api/types';
import { withDeadline, type Host } from '../host/host';
import { classify } from './classify';
import type { Delivery, FeedbackQueue, StorageLike } from './queue';

interface Inserted { suggestionId: string; text: string }

/** How long the save hook waits for the reply text before letting the save go on without it. */
export const SAVE_READ_DEADLINE_MS = 800;

/**
 * Feedback without forms: remembers what the agent inserted, and on save compares it with
 * the reply about to be sent. Thumbs give the explicit verdicts.
 */
export class FeedbackTracker {
  private readonly key: string;

  constructor(
    private readonly host: Host,
    private readonly queue: FeedbackQueue,
    private readonly storage: StorageLike,
    ticketId: number,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.key = `copilot.feedback.inserted.${ticketId}`;
  }

  /** Starts watching saves; returns the function that stops it. */
  attach(): () => void {
    return this.host.onTicketSave(() => this.onSave());
  }

  inserted(suggestionId: string, text: string) {
    const list = this.load().filter((i) => i.suggestionId !== suggestionId);
    list.push({ suggestionId, text });
    this.storage.setItem(this.key, JSON.stringify(list));
  }

  pendingInserts(): Inserted[] {
    return this.load();
  }

  thumbsUp(suggestionId: string) {
    return this.send({ suggestionId, outcome: 'accepted', comment: 'rated helpful' });
  }

  /** The agent used a displayed item (opened an article or a similar ticket, inserted a link or a macro). */
  used(suggestionId: string, how: string) {
    return this.send({ suggestionId, outcome: 'accepted', comment: how });
  }

  /** A verdict worked out by the panel (triage applied as suggested, or overridden with other values). */
  judge(suggestionId: string, verdict: { outcome: FeedbackEvent['outcome']; finalText?: string; comment?: string }) {
    return this.send({ suggestionId, ...verdict });
  }

  /** `comment` says more about the reason (the agent's words for "other"). */
  thumbsDown(suggestionId: string, reason: Reason, comment?: string) {
    return this.send({ suggestionId, outcome: 'rejected', reason, ...(comment ? { comment } : {}) });
  }

  /** The save hook: reads the reply (briefly), queues the verdicts, never throws. */
  async onSave(): Promise<void> {
    const inserts = this.load();
    if (inserts.length === 0) return;
    const html = await withDeadline(this.host.getCommentText(), SAVE_READ_DEADLINE_MS);
    this.storage.setItem(this.key, '[]');
    if (html === undefined) return;
    for (const insert of inserts) {
      void this.send({ suggestionId: insert.suggestionId, ...classify(insert.text, html) });
    }
  }

  /**
   * Sent once the backend has the event; queued while it waits (it is retried, and kept across reloads); refused,
   * with the backend's problem, when the backend will never take it.
   */
  private send(event: Omit<FeedbackEvent, 'eventId'>): Promise<Delivery> {
    return this.queue.enqueue({ eventId: this.newId(), ...event });
  }

  private load(): Inserted[] {
    try {
      const parsed = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }
}
