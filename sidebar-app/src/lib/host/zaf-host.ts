import type { HandoffStep, Host, HostRequest, HostUser, MacroEffect, SaveHook, TicketInfo, TriageWrite } from './host';

/** The part of the ZAF v2 client this app uses (the SDK's `ZAFClient.init()` returns one). */
export interface ZafClient {
  get(path: string | string[]): Promise<Record<string, unknown>>;
  set(path: string, value: unknown): Promise<unknown>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: (...args: unknown[]) => unknown): void;
  off(event: string, handler: (...args: unknown[]) => unknown): void;
  request(options: Record<string, unknown>): Promise<unknown>;
}

interface ZafUser { id?: number | string; name?: string; email?: string | null; locale?: string | null; signature?: string | null }

/** Zendesk's agent workspace, reached through the ZAF SDK. */
export class ZafHost implements Host {
  readonly kind = 'zendesk' as const;

  constructor(private readonly client: ZafClient) {}

  async getTicket(): Promise<TicketInfo> {
    const data = await this.client.get(['ticket.id', 'ticket.subject', 'ticket.requester']);
    const requester = (data['ticket.requester'] ?? {}) as ZafUser;
    return {
      id: Number(data['ticket.id']),
      subject: String(data['ticket.subject'] ?? ''),
      requester: { name: requester.name ?? '', email: requester.email ?? null, locale: requester.locale ?? null },
    };
  }

  async getCurrentUser(): Promise<HostUser> {
    const data = await this.client.get('currentUser');
    const user = (data['currentUser'] ?? {}) as ZafUser;
    return { id: String(user.id ?? ''), name: user.name ?? '', locale: user.locale ?? null, signature: user.signature ?? null };
  }

  async getCommentText(): Promise<string> {
    const data = await this.client.get('comment.text');
    return String(data['comment.text'] ?? '');
  }

  async appendText(text: string): Promise<void> {
    await this.client.invoke('comment.appendText', text);
  }

  /**
   * ZAF's ticket API: the built-in priority, tags added (never replaced), a custom field by id (a dropdown takes its
   * option's tag; a multi-select the tags of its options, the new one added to those already chosen).
   */
  async applyTriage(write: TriageWrite) {
    if (write.priority) await this.client.set('ticket.priority', write.priority);
    if (write.tags.length > 0) await this.client.invoke('ticket.tags.add', write.tags);
    const field = write.intentField;
    if (!field) return;
    const path = `ticket.customField:custom_field_${field.key}`;
    if (!field.addsOption) {
      await this.client.set(path, field.value);
      return;
    }
    const chosen = (await this.client.get(path))[path];
    const options = Array.isArray(chosen) ? chosen.map(String) : typeof chosen === 'string' && chosen ? [chosen] : [];
    if (!options.includes(field.value)) await this.client.set(path, [...options, field.value]);
  }

  /** ZAF: the group as assignee, tags added, the editor switched to an internal note with the text. */
  async takeStep(step: HandoffStep) {
    if (step.kind === 'group') await this.client.set('ticket.assignee', { groupId: step.groupId });
    else if (step.kind === 'tags') await this.client.invoke('ticket.tags.add', step.tags);
    else {
      await this.client.set('comment.type', 'internalNote');
      await this.client.invoke('comment.appendText', step.text);
    }
  }

  /** Zendesk applies the macro itself, placeholders, fields and tags included, to the ticket being edited. */
  async applyMacro(effect: MacroEffect) {
    await this.client.invoke('macro', effect.macroId);
  }

  async setCommentText(html: string): Promise<void> {
    await this.client.set('comment.text', html);
  }

  onTicketSave(hook: SaveHook): () => void {
    // ZAF waits for the promise a save hook returns and cancels the save when it rejects:
    // ours always resolves, so feedback can never block or cancel a reply.
    const handler = () => Promise.resolve().then(hook).catch(() => undefined).then(() => true);
    this.client.on('ticket.save', handler);
    return () => this.client.off('ticket.save', handler);
  }

  onConversationChanged(handler: () => void): () => void {
    const wrapped = () => handler();
    this.client.on('ticket.conversation.changed', wrapped);
    return () => this.client.off('ticket.conversation.changed', wrapped);
  }

  async resize(height: number): Promise<void> {
    await this.client.invoke('resize', { width: '100%', height: `${Math.ceil(height)}px` });
  }

  async request<T>(request: HostRequest): Promise<T> {
    return (await this.client.request({
      url: request.url,
      type: request.method ?? 'GET',
      headers: request.headers,
      data: request.body,
      contentType: request.contentType,
    })) as T;
  }
}
