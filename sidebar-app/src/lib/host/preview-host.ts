import type { HandoffStep, Host, HostRequest, HostUser, MacroEffect, SaveHook, TicketInfo, TriageWrite } from './host';
import { PREVIEW_SOURCE, SIDEBAR_SOURCE, type PreviewMessage, type PreviewMethod } from './preview-protocol';

interface MessageTarget { postMessage(message: unknown, targetOrigin: string): void }

/** The local preview page, which plays the agent workspace around the sidebar frame. */
export class PreviewHost implements Host {
  readonly kind = 'preview' as const;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly saveHooks = new Set<SaveHook>();
  private readonly changeHandlers = new Set<() => void>();

  constructor(private readonly parent: MessageTarget, private readonly origin: string, events: Pick<Window, 'addEventListener'> = window) {
    events.addEventListener('message', (e: MessageEvent) => this.onMessage(e));
  }

  getTicket() { return this.call<TicketInfo>('getTicket'); }
  getCurrentUser() { return this.call<HostUser>('getCurrentUser'); }
  getCommentText() { return this.call<string>('getCommentText'); }
  async appendText(text: string) { await this.call('appendText', text); }
  async setCommentText(html: string) { await this.call('setCommentText', html); }
  async applyMacro(effect: MacroEffect) { await this.call('applyMacro', effect); }
  async applyTriage(write: TriageWrite) { await this.call('applyTriage', write); }
  async takeStep(step: HandoffStep) { await this.call('takeStep', step); }
  async resize(height: number) { await this.call('resize', Math.ceil(height)); }
  request<T>(request: HostRequest) { return this.call<T>('request', request); }

  onTicketSave(hook: SaveHook) {
    this.saveHooks.add(hook);
    return () => { this.saveHooks.delete(hook); };
  }

  onConversationChanged(handler: () => void) {
    this.changeHandlers.add(handler);
    return () => { this.changeHandlers.delete(handler); };
  }

  private call<T>(method: PreviewMethod, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.parent.postMessage({ source: SIDEBAR_SOURCE, id, method, args }, this.origin);
    });
  }

  private onMessage(e: MessageEvent) {
    if (e.origin !== this.origin) return;
    const data = e.data as PreviewMessage | undefined;
    if (!data || data.source !== PREVIEW_SOURCE) return;
    if ('replyTo' in data) {
      const waiting = this.pending.get(data.replyTo);
      if (!waiting) return;
      this.pending.delete(data.replyTo);
      if (data.error) waiting.reject(new Error(data.error));
      else waiting.resolve(data.result);
      return;
    }
    if (data.event === 'ticket.conversation.changed') {
      this.changeHandlers.forEach((h) => h());
      return;
    }
    const hooks = [...this.saveHooks].map((h) => Promise.resolve().then(h).catch(() => undefined));
    void Promise.all(hooks).then(() => this.parent.postMessage({ source: SIDEBAR_SOURCE, replyTo: data.id }, this.origin));
  }
}
