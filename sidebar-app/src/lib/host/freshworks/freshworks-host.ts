import { textToHtml } from '../../feedback/text';
import { withDeadline, type HandoffStep, type Host, type HostAbilities, type HostRequest, type HostUser, type MacroEffect, type SaveHook, type TicketInfo, type TriageWrite } from '../host';
import type { FreshworksClient, FreshworksEvent } from './client';

interface FreshdeskTicket { id?: number | string; subject?: string }
interface FreshdeskContact { name?: string; email?: string | null; language?: string | null }
interface FreshdeskAgent { id?: number | string; contact?: FreshdeskContact; signature?: string | null }

/** Freshdesk's numbers for the built-in ticket properties, by the words the backend uses. */
const PRIORITY: Record<string, number> = { low: 1, normal: 2, medium: 2, high: 3, urgent: 4 };
const STATUS: Record<string, number> = { open: 2, pending: 3, solved: 4, resolved: 4, closed: 5 };

/** How long a reply being sent waits for the save hooks: Freshdesk holds the send until the app says done. */
const SEND_WAIT_MS = 1000;

/** Freshdesk's showNotify allows at most this many characters. */
const NOTIFY_MAX = 100;

/** Asked for a write Freshdesk does not let an app make (the sidebar checks `abilities` first). */
export class NotInFreshdesk extends Error {
  constructor(what: string) {
    super(`Freshdesk does not let an app set ${what}`);
  }
}

/**
 * Freshdesk's ticket page, reached through the Freshworks client: the ticket, its requester and the signed-in agent
 * from `client.data`; the reply editor, ticket properties and notifications through `client.interface`; the reply as
 * it is sent from the intercepted `ticket.sendReply` event. Freshdesk lets an app set the priority, status, group and a
 * custom field by its `cf_…` name (`setValue`), but not tags: `abilities` says so, and the sidebar offers to copy.
 */
export class FreshworksHost implements Host {
  readonly kind = 'freshworks' as const;
  readonly abilities: HostAbilities = { tags: false, intentField: true };
  private readonly saveHooks = new Set<SaveHook>();
  private readonly changeHandlers = new Set<() => void>();
  private listening = false;
  /** The reply being sent, while the save hooks run. */
  private sending: string | null = null;
  private user: Promise<HostUser> | null = null;

  constructor(private readonly client: FreshworksClient) {}

  async getTicket(): Promise<TicketInfo> {
    const [t, r] = await Promise.all([this.client.data.get('ticket'), this.client.data.get('requester')]);
    const ticket = (t.ticket ?? {}) as FreshdeskTicket;
    const requester = (r.requester ?? {}) as FreshdeskContact;
    return {
      id: Number(ticket.id),
      subject: String(ticket.subject ?? ''),
      requester: { name: requester.name ?? '', email: requester.email ?? null, locale: requester.language ?? null },
    };
  }

  /** The signed-in agent; their language is the sidebar's. Asked once (every request to the backend names the agent). */
  getCurrentUser(): Promise<HostUser> {
    if (!this.user) {
      this.user = this.client.data.get('loggedInUser').then((data) => {
        const agent = (data.loggedInUser ?? {}) as FreshdeskAgent;
        return { id: String(agent.id ?? ''), name: agent.contact?.name ?? '', locale: agent.contact?.language ?? null, signature: agent.signature ?? null };
      });
      this.user.catch(() => { this.user = null; });
    }
    return this.user;
  }

  /** Freshdesk shows an app the reply only as it is sent: outside a send there is none to read. */
  async getCommentText(): Promise<string> {
    if (this.sending === null) throw new Error('Freshdesk shows an app the reply only as it is sent');
    return this.sending;
  }

  /** Into the open reply editor; with none open, a new reply with the text. */
  async appendText(text: string): Promise<void> {
    const html = textToHtml(text);
    try {
      await this.client.interface.trigger('setValue', { id: 'editor', text: html, replace: false });
    } catch {
      await this.client.interface.trigger('click', { id: 'reply', text: html });
    }
  }

  async setCommentText(html: string): Promise<void> {
    await this.client.interface.trigger('setValue', { id: 'editor', text: html, replace: true });
  }

  /**
   * The priority, as Freshdesk numbers it, and the intent's custom field by its `cf_…` name (a dropdown takes one of its
   * choices, as the backend read them); tags are not Freshdesk's to set from an app.
   */
  async applyTriage(write: TriageWrite): Promise<void> {
    if (write.tags.length > 0) throw new NotInFreshdesk('tags');
    if (write.intentField && !write.intentField.key.startsWith('cf_')) throw new NotInFreshdesk(`the field ${write.intentField.key}`);
    if (write.priority) await this.setProperty('priority', write.priority, PRIORITY);
    if (write.intentField) await this.client.interface.trigger('setValue', { id: write.intentField.key, value: write.intentField.value });
  }

  /** The group, or a private note with the text; tags are not Freshdesk's to set from an app. */
  async takeStep(step: HandoffStep): Promise<void> {
    if (step.kind === 'group') await this.client.interface.trigger('setValue', { id: 'group', value: step.groupId });
    else if (step.kind === 'note') await this.client.interface.trigger('click', { id: 'note', text: textToHtml(step.text), isPublic: false });
    else throw new NotInFreshdesk('tags');
  }

  /** A canned response: its status and priority changes, then its text in the reply (or a private note for a note). */
  async applyMacro(effect: MacroEffect): Promise<void> {
    if (effect.tagsAdded.length > 0 || effect.tagsRemoved.length > 0) throw new NotInFreshdesk('tags');
    const other = effect.changes.find((c) => c.to !== null && c.field !== 'status' && c.field !== 'priority');
    if (other) throw new NotInFreshdesk(other.field);
    for (const change of effect.changes) {
      if (change.to !== null) await this.setProperty(change.field, change.to, change.field === 'status' ? STATUS : PRIORITY);
    }
    if (!effect.comment) return;
    if (effect.commentPublic === false) await this.client.interface.trigger('click', { id: 'note', text: textToHtml(effect.comment), isPublic: false });
    else await this.appendText(effect.comment);
  }

  onTicketSave(hook: SaveHook): () => void {
    this.listen();
    this.saveHooks.add(hook);
    return () => { this.saveHooks.delete(hook); };
  }

  onConversationChanged(handler: () => void): () => void {
    this.listen();
    this.changeHandlers.add(handler);
    return () => { this.changeHandlers.delete(handler); };
  }

  async resize(height: number): Promise<void> {
    await this.client.instance.resize({ height: `${Math.ceil(height)}px` });
  }

  /** Calls to Freshdesk's own API need a request template with its key: the backend makes them. */
  async request<T>(request: HostRequest): Promise<T> {
    throw new Error(`${request.method ?? 'GET'} ${request.url}: Freshdesk's API is called by the backend, not by the app`);
  }

  async notify(kind: 'success' | 'info' | 'warning' | 'error', message: string): Promise<void> {
    const text = message.length > NOTIFY_MAX ? `${message.slice(0, NOTIFY_MAX - 1)}…` : message;
    await this.client.interface.trigger('showNotify', { type: kind === 'error' ? 'danger' : kind, message: text });
  }

  private async setProperty(id: string, value: string, numbers: Record<string, number>) {
    const number = numbers[value.toLowerCase()];
    if (number === undefined) throw new Error(`Freshdesk has no ${id} "${value}"`);
    await this.client.interface.trigger('setValue', { id, value: number });
  }

  /** One listener per event for the page's lifetime (the client has no way to remove one). */
  private listen() {
    if (this.listening) return;
    this.listening = true;
    this.client.events.on('ticket.sendReply', (event) => this.onSend(event), { intercept: true });
    this.client.events.on('ticket.addNote', () => this.changeHandlers.forEach((h) => h()));
  }

  /**
   * The save hooks read the reply being sent, then the send goes on: always, and after at most SEND_WAIT_MS however
   * the hooks fare. Feedback never holds up or stops a reply.
   */
  private async onSend(event: FreshworksEvent) {
    try {
      this.sending = replyBody(event.helper.getData());
      const hooks = [...this.saveHooks].map((h) => Promise.resolve().then(h).catch(() => undefined));
      await withDeadline(Promise.all(hooks), SEND_WAIT_MS);
    } finally {
      this.sending = null;
      event.helper.done?.();
      this.changeHandlers.forEach((h) => h());
    }
  }
}

/** The reply's HTML in the data of `ticket.sendReply`; null when it has none, so no verdict is guessed from nothing. */
function replyBody(data: unknown): string | null {
  const d = (data ?? {}) as { body?: unknown; text?: unknown };
  return typeof d.body === 'string' ? d.body : typeof d.text === 'string' ? d.text : null;
}
