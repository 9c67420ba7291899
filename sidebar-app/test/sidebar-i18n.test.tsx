// @vitest-environment jsdom
import './dom-setup';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CopilotApi } from '../src/lib/api/client';
import type { Assist, Shown } from '../src/lib/api/types';
import { FeedbackQueue } from '../src/lib/feedback/queue';
import { feedbackSender } from '../src/lib/feedback/send';
import { FeedbackTracker } from '../src/lib/feedback/tracker';
import type { Host, HostUser, TicketInfo } from '../src/lib/host/host';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';
import { App } from '../src/sidebar/App';
import { DraftFlags } from '../src/sidebar/DraftFlags';
import { shownFlags } from '../src/sidebar/draftFlags';
import { Thumbs } from '../src/sidebar/Thumbs';
import { assistOf, draftOf, MemoryStorage, sourceOf, warningOf } from './fixtures';

/** The workspace around the app, speaking the agent's `locale` as ZAF's currentUser does. */
function hostIn(locale: string): Host {
  const ticket: TicketInfo = { id: 1234, subject: 'Flicker', requester: { name: 'Emily', email: null, locale: 'en-US' } };
  const user: HostUser = { id: '2001', name: 'Sam Agent', locale };
  const none = async () => undefined;
  return {
    kind: 'preview', getTicket: async () => ticket, getCurrentUser: async () => user, getCommentText: async () => '',
    appendText: none, setCommentText: none, applyMacro: none, applyTriage: none, takeStep: none, resize: none,
    onTicketSave: () => () => undefined, onConversationChanged: () => () => undefined, request: async () => { throw new Error('no'); },
  };
}

const assist: Assist = assistOf({
  ticketId: 1234, summary: { customerWants: 'A replacement bulb', nextStep: 'Send the label' },
  articles: [sourceOf({ sourceId: '7001', title: 'Replacing a bulb', url: 'https://help.example/7001' })],
  warnings: [warningOf({ ruleId: 'anger', name: 'Angry customer', action: 'caution', evidence: 'This is the third time' })],
  language: { code: 'fr', confidence: 0.9 }, stale: true, generatedAt: '2026-03-02T09:30:00Z',
});

const api = { assist: async () => assist, shown: async (): Promise<Shown> => ({}) } as unknown as CopilotApi;

let root: Root | null = null;
let container: HTMLElement;

async function render(node: ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => { root!.render(<ThemeProvider>{node}</ThemeProvider>); });
  // The agent's language and the assist arrive in later turns.
  for (let i = 0; i < 5; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

const text = () => container.textContent ?? '';
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.includes(name));
const headings = () => [...container.querySelectorAll('h1, h2, h3')].map((h) => h.textContent);

beforeAll(() => loadMessages('de'));
afterEach(() => { act(() => root?.unmount()); root = null; container.remove(); });

describe('the sidebar in the agent\'s language', () => {
  it('speaks English to an English-speaking agent', async () => {
    await render(<App host={hostIn('en-US')} api={api} queue={new FeedbackQueue({ storage: new MemoryStorage(), send: async () => 'sent' })} />);
    expect(headings()).toEqual(expect.arrayContaining(['Copilot for ticket #1234', 'Warnings', '▾Summary', '▾Reply draft', '▾Articles']));
    expect(button('Draft reply')).toBeDefined();
    expect(text()).toContain('Offline mode');
    expect(text()).toContain('Customer wants');
    expect(text()).toContain('Language: French');
    expect(text()).toContain('these suggestions are from Mar 2, 2026');
  });

  it('speaks German to a German-speaking agent (Zendesk locale "de"): headings, buttons, dates and language names', async () => {
    await render(<App host={hostIn('de')} api={api} queue={new FeedbackQueue({ storage: new MemoryStorage(), send: async () => 'sent' })} />);
    expect(headings()).toEqual(expect.arrayContaining(['Copilot für Ticket #1234', 'Warnungen', '▾Zusammenfassung', '▾Antwortentwurf', '▾Artikel', 'Einstufung']));
    expect(button('Antwort entwerfen')).toBeDefined();
    expect(button('Link einfügen')?.getAttribute('aria-label')).toBe('Link einfügen: Replacing a bulb');
    expect(text()).toContain('Offline-Modus');
    expect(text()).toContain('Kunde möchte');
    expect(text()).toContain('Sprache: Französisch');
    expect(text()).toContain('Diese Vorschläge sind vom 02.03.2026');
    expect(text()).not.toMatch(/Draft reply|Summary|Warnings|Offline mode/);
    expect(document.documentElement.lang).toBe('de');
  });

  it('names a draft\'s findings in German, the promise\'s kind included', async () => {
    const draft = draftOf({ flagDetails: [
      { code: 'requested-promise', kind: 'refund', span: 'full refund', reason: 'Promises a refund the customer asked for: "full refund".' },
      { code: 'link-removed', kind: null, span: 'https://x.example', reason: 'Link https://x.example is not in the sources and was removed.' },
    ] });
    await render(<I18nProvider locale="de"><DraftFlags flags={shownFlags(draft)} /></I18nProvider>);
    expect(headings()).toEqual(['Vor dem Einfügen prüfen']);
    expect(text()).toContain('Versprechen · Rückerstattung · vor dem Einfügen bestätigen');
    expect(text()).toContain('Ein Versprechen (Rückerstattung), um das der Kunde gebeten hat: „full refund“.');
    expect(text()).toContain('Der Link https://x.example steht in keiner Quelle und wurde entfernt.');
  });
});

describe('saying feedback is saved', () => {
  /** Thumbs wired as the draft panel wires them: tracker → queue → the backend's answer. */
  async function judge(locale: string, answer: () => Promise<Response>) {
    const storage = new MemoryStorage();
    const queue = new FeedbackQueue({ storage, schedule: () => 0, send: feedbackSender(answer, async () => true) });
    const tracker = new FeedbackTracker(hostIn(locale), queue, storage, 1234, () => 'event-1');
    await render(<I18nProvider locale={locale}><Thumbs onUp={() => tracker.thumbsUp('sg_1')} onDown={(r, c) => tracker.thumbsDown('sg_1', r, c)} /></I18nProvider>);
    await act(async () => { button(locale === 'de' ? 'Hilfreich' : 'Helpful')!.click(); });
    for (let i = 0; i < 3; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    return { queue, alert: container.querySelector('[role="alert"]')?.textContent ?? null, status: container.querySelector('[role="status"]')?.textContent ?? '' };
  }
  const problem = (status: number, title: string, detail: string) => async () =>
    new Response(JSON.stringify({ title, status, detail }), { status, headers: { 'Content-Type': 'application/problem+json' } });

  it('only when the backend has it', async () => {
    const { status, alert } = await judge('en', async () => new Response('{}', { status: 201 }));
    expect(status).toBe('Feedback saved. Thank you.');
    expect(alert).toBeNull();
  });

  it('never when the backend refuses it for good: the problem\'s title and detail are shown instead, and nothing waits', async () => {
    const { status, alert, queue } = await judge('en', problem(404, 'Suggestion not found', "No suggestion 'sg_1' exists for this account."));
    expect(status).not.toContain('saved');
    expect(alert).toBe("Feedback not saved: Suggestion not found No suggestion 'sg_1' exists for this account.");
    expect(queue.pending()).toEqual([]);
    expect(button('Helpful')!.disabled).toBe(false); // the agent may judge again
  });

  it('in German too, for a conflict', async () => {
    const { alert } = await judge('de', problem(409, 'Event id already used', 'Each event needs its own id.'));
    expect(alert).toBe('Feedback nicht gespeichert: Event id already used Each event needs its own id.');
  });

  it('kept on the device, not refused, when the backend is down or busy', async () => {
    for (const answer of [problem(503, 'Unavailable', 'Try later.'), problem(429, 'Too many requests', 'Slow down.'), async () => { throw new TypeError('Failed to fetch'); }]) {
      const { status, alert, queue } = await judge('en', answer);
      expect(status).toBe('Feedback kept on this device: it will be sent when Copilot is reachable again.');
      expect(alert).toBeNull();
      expect(queue.pending()).toHaveLength(1);
      act(() => root?.unmount()); root = null; container.remove();
      container = document.createElement('div');
    }
  });
});
