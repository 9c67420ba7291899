// Renders sidebar parts into jsdom and works them as an agent does: a keyboard user's Enter focuses, then clicks.
import './dom-setup';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, vi } from 'vitest';
import { UiProvider } from '@ui';
import type { Host, HostUser, TicketInfo } from '../src/lib/host/host';

export const ticket: TicketInfo = { id: 1234, subject: 'Flicker', requester: { name: 'Emily', email: null, locale: 'en-US' } };

/** The workspace around the app, speaking the agent's `locale`. */
export function hostIn(locale: string): Host {
  const user: HostUser = { id: '2001', name: 'Sam Agent', locale };
  const none = async () => undefined;
  return {
    kind: 'preview', getTicket: async () => ticket, getCurrentUser: async () => user, getCommentText: async () => '',
    appendText: vi.fn(none), setCommentText: none, applyMacro: none, applyTriage: none, takeStep: none, resize: none,
    onTicketSave: () => () => undefined, onConversationChanged: () => () => undefined, request: async () => { throw new Error('no'); },
  };
}

let root: Root | null = null;
export let container: HTMLElement;
afterEach(() => { act(() => root?.unmount()); root = null; container?.remove(); });

export async function render(node: ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => { root!.render(<UiProvider>{node}</UiProvider>); });
  await settle();
}

/** Lets pending answers and the renders they cause finish. */
export async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

export const button = (name: string, within: ParentNode = container) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name);

/** Focuses the control and activates it, as Enter does. */
export async function press(name: string, within?: ParentNode) {
  const target = button(name, within);
  if (!target) throw new Error(`no button "${name}"`);
  await act(async () => { target.focus(); target.click(); });
  await settle();
}

/** Types into the field (the question box by default) as React sees a keystroke. */
export async function type(text: string, field = container.querySelector('textarea')!) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function deferred<T>() {
  let resolve!: (v: T) => void; let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
