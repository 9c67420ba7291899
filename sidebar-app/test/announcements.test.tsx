// @vitest-environment jsdom
import './dom-setup';
import { act } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CopilotApi } from '../src/lib/api/client';
import type { Assist, Shown } from '../src/lib/api/types';
import { FeedbackQueue } from '../src/lib/feedback/queue';
import type { FeedbackTracker } from '../src/lib/feedback/tracker';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';
import { App } from '../src/sidebar/App';
import { DraftPanel } from '../src/sidebar/DraftPanel';
import { assistOf, draftOf, MemoryStorage, sourceOf } from './fixtures';
import { container, hostIn, press, render, ticket } from './sidebar-dom';

beforeAll(() => loadMessages('de'));

/** What the live regions hold: what a screen reader announces as it changes. */
const live = () => [...container.querySelectorAll('[aria-live]')].map((r) => r.textContent ?? '');
const loadedStatus = () => [...container.querySelectorAll('[role="status"][aria-live="polite"]')].find((r) => /loaded|geladen/.test(r.textContent ?? ''));

function renderApp(assist: Assist, locale = 'en') {
  const api = { assist: vi.fn(async () => assist), shown: async (): Promise<Shown> => ({}) } as unknown as CopilotApi;
  return render(<App host={hostIn(locale)} api={api} queue={new FeedbackQueue({ storage: new MemoryStorage(), send: async () => 'sent' })} />);
}

describe('what the sidebar announces', () => {
  it('says the draft is ready in a short status, and leaves the draft itself to be read where it is', async () => {
    const tracker = { inserted: vi.fn(), thumbsUp: vi.fn(), thumbsDown: vi.fn() } as unknown as FeedbackTracker;
    const api = { draft: async () => draftOf({ text: 'Hello Emily, a new bulb is on its way.' }) } as unknown as CopilotApi;
    await render(<I18nProvider locale="en"><DraftPanel ticket={ticket} assist={assistOf()} api={api} host={hostIn('en')} tracker={tracker} open onToggle={() => undefined} /></I18nProvider>);
    await press('Draft reply');

    expect(container.textContent).toContain('Hello Emily, a new bulb is on its way.');
    expect(live().filter((text) => text.includes('Hello Emily'))).toEqual([]);
    expect(live()).toContain('Draft ready.');
  });

  it('says once that the suggestions are loaded, and not again as the sidebar renders', async () => {
    await renderApp(assistOf({ ticketId: 1234, articles: [sourceOf({ sourceId: '7001', title: 'Replacing a bulb' })] }));
    const status = loadedStatus()!;
    expect(status.textContent).toBe('Suggestions loaded.');

    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(status, { childList: true, characterData: true, subtree: true });
    const toggle = async (panel: string) => { await act(async () => { container.querySelector<HTMLButtonElement>(`#${panel}-h button`)!.click(); }); };
    await toggle('summary');
    await toggle('article');
    await toggle('summary');
    await press('Draft reply');
    watch.disconnect();
    expect(changes).toEqual([]);
    expect(loadedStatus()).toBe(status);
  });

  it('says so when nothing was found beside the summary, in the agent\'s language', async () => {
    await renderApp(assistOf({ ticketId: 1234 }), 'de');
    expect(loadedStatus()!.textContent).toBe('Vorschläge geladen: keine Artikel, Makros oder ähnlichen Tickets gefunden.');
  });
});
