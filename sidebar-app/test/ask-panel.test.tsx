// @vitest-environment jsdom
import './dom-setup';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { UiProvider } from '@ui';
import { CopilotApi } from '../src/lib/api/client';
import type { Answer, FeedbackEvent } from '../src/lib/api/types';
import { FeedbackQueue } from '../src/lib/feedback/queue';
import { FeedbackTracker } from '../src/lib/feedback/tracker';
import type { Host } from '../src/lib/host/host';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { AskPanel, answerLabel } from '../src/sidebar/AskPanel';
import { MemoryStorage } from './fixtures';

const OFFLINE = { name: 'offline', offline: true, modelAvailable: false };
const MODEL = { name: 'azure-openai', offline: false, modelAvailable: true };

const answered = (a: Partial<Answer> = {}): Answer => ({
  status: 'answered', conversationId: 'cv_1', turn: 1, followUp: false, suggestionId: 'sg-answer-1',
  text: 'Return hardware within 30 days (https://help.example/4400027):\n“You can return any hardware within 30 days of delivery.”',
  citations: [{ sourceId: '4400027', kind: 'article', title: 'Return hardware within 30 days', url: 'https://help.example/4400027' }],
  provider: OFFLINE, label: 'Offline answer', quotes: [], ...a,
} as Answer);

/** A backend that streams each answer as the ask route does: sources, one delta, done; and records what it was asked. */
function backend(answers: (Answer | 'unavailable')[]) {
  const asked: unknown[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    asked.push(JSON.parse(String(init.body)));
    const answer = answers.shift()!;
    if (answer === 'unavailable') {
      return new Response(JSON.stringify({ status: 503, title: 'Unavailable' }), { status: 503, headers: { 'Content-Type': 'application/problem+json' } });
    }
    const body = [`event: sources\ndata: {"sources":[]}\n\n`, `event: delta\ndata: ${JSON.stringify({ text: answer.text })}\n\n`, `event: done\ndata: ${JSON.stringify(answer)}\n\n`].join('');
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  }) as unknown as typeof fetch;
  return { api: new CopilotApi(() => 'token', fetchImpl), asked };
}

let root: Root | null = null;
let container: HTMLElement;
afterEach(() => { act(() => root?.unmount()); root = null; container.remove(); });

async function render(answers: (Answer | 'unavailable')[]) {
  const { api, asked } = backend(answers);
  const appended: string[] = [];
  const sent: FeedbackEvent[] = [];
  const storage = new MemoryStorage();
  const host = { kind: 'zendesk', appendText: async (t: string) => { appended.push(t); }, onTicketSave: () => () => undefined } as unknown as Host;
  const queue = new FeedbackQueue({ storage, schedule: () => 0, send: async (e) => { sent.push(e); return 'sent'; } });
  const tracker = new FeedbackTracker(host, queue, storage, 101, () => `event-${sent.length + 1}`);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(<UiProvider><I18nProvider locale="en"><AskPanel ticketId={101} api={api} host={host} tracker={tracker} open onToggle={() => undefined} /></I18nProvider></UiProvider>);
  });
  const type = async (text: string) => {
    const box = container.querySelector('textarea')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
  const click = async (name: string) => { await act(async () => { button(name).click(); }); };
  return { asked, appended, sent, type, click, button };
}

describe('the Ask box', () => {
  it('asks, shows the offline answer with its label and citation, and inserting it counts the answer as used', async () => {
    const ui = await render([answered()]);
    expect(ui.button('Ask').disabled).toBe(true);

    await ui.type('How long do customers have to return hardware?');
    await ui.click('Ask');

    expect(ui.asked).toEqual([{ question: 'How long do customers have to return hardware?' }]);
    expect(container.textContent).toContain('Offline: passages quoted from your knowledge base');
    expect(container.textContent).toContain('You can return any hardware within 30 days of delivery.');
    const open = container.querySelector('a[href="https://help.example/4400027"]')!;
    expect(open.getAttribute('aria-label')).toBe('Open Return hardware within 30 days');
    await ui.click('Insert');
    expect(ui.appended).toEqual([answered().text]);
    expect(ui.sent).toEqual([{ eventId: 'event-1', suggestionId: 'sg-answer-1', outcome: 'accepted', comment: 'inserted answer' }]);
    expect(container.textContent).toContain('Answer inserted into the reply.');
  });

  it('asks the question that failed again on Try again, whatever the box holds by then', async () => {
    const ui = await render(['unavailable', answered()]);
    await ui.type('How long do customers have to return hardware?');
    await ui.click('Ask');
    await ui.type('');

    await ui.click('Try again');

    const question = { question: 'How long do customers have to return hardware?' };
    expect(ui.asked).toEqual([question, question]);
    expect(container.textContent).toContain('You can return any hardware within 30 days of delivery.');
  });

  it('says the answer is ready in a short status, and leaves the answer itself to be read where it is', async () => {
    const ui = await render([answered()]);
    await ui.type('How long do customers have to return hardware?');
    await ui.click('Ask');

    const live = [...container.querySelectorAll('[aria-live]')].map((r) => r.textContent ?? '');
    expect(container.textContent).toContain('You can return any hardware within 30 days of delivery.');
    expect(live.filter((text) => text.includes('30 days'))).toEqual([]);
    expect(live).toContain('Answer ready.');
  });

  it('inserts a cited article\'s link and counts that as a use', async () => {
    const ui = await render([answered()]);
    await ui.type('Return window?');
    await ui.click('Ask');

    await act(async () => { container.querySelector<HTMLButtonElement>('button[aria-label="Insert link to Return hardware within 30 days"]')!.click(); });

    expect(ui.appended).toEqual(['Return hardware within 30 days: https://help.example/4400027']);
    expect(ui.sent.map((e) => e.comment)).toEqual(['inserted citation 4400027']);
  });

  it('labels a lookup it cites as a lookup, with when it ran, and inserts what the lookup read', async () => {
    const lookup = {
      sourceId: 'order-status:3f2a9c1e0b7d', kind: 'lookup', title: 'order-status (the order\'s status in the web shop)', url: null,
      ranAt: '2026-11-20T09:30:00Z', text: 'Order LUM-2026-50117: delivered 2026-11-19 to the parcel locker.',
    } as const;
    const ui = await render([answered({ provider: MODEL, text: 'It was delivered on 2026-11-19.', citations: [lookup] })]);
    await ui.type('Has the order arrived?');
    await ui.click('Ask');

    const item = container.querySelector('li[data-kind="lookup"]')!;
    const ran = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(lookup.ranAt));
    expect(item.querySelector('span')!.textContent).toBe(`Lookup order-status (the order's status in the web shop), run at ${ran}`);
    expect(item.querySelector('pre.lookup')!.textContent).toBe(lookup.text);
    expect(item.querySelector('a')).toBeNull();
    expect([...item.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Insert result']);

    await act(async () => { item.querySelector<HTMLButtonElement>('button[aria-label="Insert result of order-status (the order\'s status in the web shop)"]')!.click(); });

    expect(ui.appended).toEqual([lookup.text]);
    expect(ui.sent.map((e) => e.comment)).toEqual(['inserted citation order-status:3f2a9c1e0b7d']);
  });

  it('says "I don\'t know" with nothing to insert, copy or rate', async () => {
    const ui = await render([answered({ status: 'unknown', suggestionId: null, citations: [], text: "I don't know — nothing in your knowledge covers this." })]);
    await ui.type('What is the airspeed of a swallow?');
    await ui.click('Ask');

    expect(container.textContent).toContain("I don't know — nothing in your knowledge covers this.");
    expect(ui.button('Insert')).toBeUndefined();
    expect(ui.button('Copy')).toBeUndefined();
    expect(container.querySelector('[aria-label="Rate this answer"]')).toBeNull();
  });

  it('sends a follow-up in the same conversation until the agent starts a new one', async () => {
    const ui = await render([answered({ conversationId: 'cv_a' }), answered({ conversationId: 'cv_a', turn: 2, followUp: true, provider: MODEL }), answered({ conversationId: 'cv_b' })]);
    await ui.type('What refund does the yearly plan get?');
    await ui.click('Ask');
    expect(container.querySelector('textarea')!.getAttribute('placeholder')).toBe('Ask a follow-up question');

    await ui.type('and for the monthly one?');
    await ui.click('Ask');
    expect(container.textContent).toContain('Follow-up: read together with your earlier questions.');
    expect(container.textContent).toContain('AI answer from your knowledge base');

    await ui.click('New conversation');
    await ui.type('Is water damage covered?');
    await ui.click('Ask');

    expect(ui.asked).toEqual([
      { question: 'What refund does the yearly plan get?' },
      { question: 'and for the monthly one?', conversationId: 'cv_a' },
      { question: 'Is water damage covered?' },
    ]);
  });

  it('names the words no quoted source mentions', async () => {
    const ui = await render([answered({ notCovered: ['refurbished'] })]);
    await ui.type('Do we refund refurbished items?');
    await ui.click('Ask');

    expect(container.textContent).toContain('Not mentioned in these sources: refurbished');
  });
});

describe('the answer label', () => {
  it('says who answered: the model, offline, the model failing, or a ticket kept from it', () => {
    expect(answerLabel(answered({ provider: MODEL }))).toBe('sidebar.ask.labelModel');
    expect(answerLabel(answered())).toBe('sidebar.ask.labelOffline');
    expect(answerLabel(answered({ provider: { name: 'azure-openai', offline: true, modelAvailable: false } }))).toBe('sidebar.ask.labelFallback');
    expect(answerLabel(answered({ provider: { name: 'azure-openai', offline: true, modelAvailable: true } }))).toBe('sidebar.ask.labelKept');
  });
});
