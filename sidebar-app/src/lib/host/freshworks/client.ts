import { withDeadline } from '../host';

/**
 * The part of the Freshworks client (platform 3.0, `await app.initialized()`, from the `{{{appclient}}}` script
 * Freshworks puts in the app's page) that this app uses.
 */
export interface FreshworksClient {
  data: { get(name: 'ticket' | 'requester' | 'loggedInUser'): Promise<Record<string, unknown>> };
  interface: { trigger(action: string, options: Record<string, unknown>): Promise<unknown> };
  request: { invokeTemplate(name: string, options: TemplateOptions): Promise<TemplateAnswer> };
  events: { on(event: string, handler: (event: FreshworksEvent) => unknown, options?: { intercept?: boolean }): void };
  instance: { resize(size: { height: string }): unknown };
}

/** What a request template is called with: the values of its `<%= context.x %>` placeholders, and the body. */
export interface TemplateOptions { context?: Record<string, string>; body?: string }

/** The answer to a template call; a call that failed rejects with the same shape (the HTTP status, or a platform error). */
export interface TemplateAnswer { status: number; headers?: Record<string, string>; response?: string; errorSource?: string }

export interface FreshworksEvent {
  type?: string;
  helper: { getData(): unknown; done?(): unknown; fail?(message: string): unknown };
}

declare global {
  interface Window { app?: { initialized(): Promise<FreshworksClient> } }
}

const INITIALIZE_WAIT_MS = 5000;

/** The client once Freshworks has initialized the app; null outside Freshworks (no `app`) or when it never says. */
export async function freshworksClient(win: Pick<Window, 'app'> = window, wait = INITIALIZE_WAIT_MS): Promise<FreshworksClient | null> {
  if (!win.app) return null;
  return (await withDeadline(win.app.initialized(), wait)) ?? null;
}
