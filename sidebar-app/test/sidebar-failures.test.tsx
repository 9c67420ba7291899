// @vitest-environment jsdom
import './dom-setup';
import { act } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, CopilotApi, CutOffError } from '../src/lib/api/client';
import type { Assist, Draft, Rewrite, Shown } from '../src/lib/api/types';
import type { FeedbackTracker } from '../src/lib/feedback/tracker';
import { FeedbackQueue } from '../src/lib/feedback/queue';
import { I18nProvider, translator } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';
import { ActionsPanel } from '../src/sidebar/ActionsPanel';
import { App } from '../src/sidebar/App';
import { AskPanel } from '../src/sidebar/AskPanel';
import { DraftPanel } from '../src/sidebar/DraftPanel';
import { MacroApply } from '../src/sidebar/MacroApply';
import { problemText } from '../src/sidebar/problemText';
import { TriagePanel } from '../src/sidebar/TriagePanel';
import { assistOf, draftOf, macroEffectOf, MemoryStorage, sourceOf, triageOf } from './fixtures';
import { button, container, deferred, hostIn, render, settle, ticket } from './sidebar-dom';

const unreachable = () => new ApiError({ status: 0, title: 'Copilot is unreachable', detail: 'Check your connection and try again.' });
const tracker = { inserted: vi.fn(), thumbsUp: vi.fn(), thumbsDown: vi.fn(), used: vi.fn(), judge: vi.fn() } as unknown as FeedbackTracker;
const assist = assistOf({ ticketId: 1234, summary: { customerWants: 'A replacement bulb' }, articles: [sourceOf({ sourceId: '7001', title: 'Replacing a bulb' })] });

/** A draft route that streams `deltas` and then stops without its `done` event. */
const cutOffStream = (...deltas: string[]) => (async () => new Response(
  deltas.map((text) => `event: delta\ndata: ${JSON.stringify({ text })}\n\n`).join(''),
  { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
)) as unknown as typeof fetch;

beforeAll(() => loadMessages('de'));
const click = async (name: string) => { await act(async () => { button(name)!.click(); }); await settle(); };
/** What a sighted agent sees: the text without the visually hidden live region. */
const visible = () => {
  const copy = container.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
  return copy.textContent ?? '';
};
const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '');


describe('a failed refresh', () => {
  it('keeps the summary, the sources and the draft with its state, and says so with a Try again', async () => {
    const api = {
      assist: vi.fn(async () => assist), shown: async (): Promise<Shown> => ({}),
      draft: vi.fn(async () => draftOf({ text: 'Hello Emily, a new bulb is on its way.' })),
    };
    const host = hostIn('en-US');
    await render(<App host={host} api={api as unknown as CopilotApi} queue={new FeedbackQueue({ storage: new MemoryStorage(), send: async () => 'sent' })} />);
    await click('Draft reply');
    await click('Insert');
    expect(button('Insert again')).toBeDefined();

    api.assist.mockRejectedValueOnce(unreachable());
    await act(async () => { container.querySelector<HTMLButtonElement>('button[aria-label="Refresh summary and suggestions"]')!.click(); });
    await settle();

    expect(visible()).not.toContain('Copilot is unreachable');
    expect(visible()).toContain('A replacement bulb');
    expect(visible()).toContain('Replacing a bulb');
    expect(visible()).toContain('Hello Emily, a new bulb is on its way.');
    expect(button('Insert again')).toBeDefined();
    expect(alerts()).toEqual([expect.stringContaining('Could not refresh the suggestions')]);
    expect(alerts()[0]).toContain('Check your connection and try again.');

    await click('Try again');
    expect(api.assist).toHaveBeenLastCalledWith(1234, { refresh: true });
    expect(alerts()).toEqual([]);
    expect(visible()).toContain('Hello Emily, a new bulb is on its way.');
  });

  it('on the first load still shows the error screen, with its Try again', async () => {
    const api = { assist: vi.fn(async () => { throw unreachable(); }), shown: async (): Promise<Shown> => ({}) };
    await render(<App host={hostIn('en-US')} api={api as unknown as CopilotApi} queue={new FeedbackQueue({ storage: new MemoryStorage(), send: async () => 'sent' })} />);
    expect(alerts()).toEqual([expect.stringContaining('Copilot is unreachable')]);
    expect(button('Try again')).toBeDefined();
  });
});

describe('a failed first load', () => {
  it('keeps Draft reply and Ask, which do not need the suggestions, beside the error and its Try again; a draft stays through the retry', async () => {
    const api = {
      assist: vi.fn(async (): Promise<Assist> => { throw unreachable(); }), shown: async (): Promise<Shown> => ({}),
      draft: vi.fn(async () => draftOf({ text: 'Hello Emily, a new bulb is on its way.' })),
    };
    await render(<App host={hostIn('en-US')} api={api as unknown as CopilotApi} queue={new FeedbackQueue({ storage: new MemoryStorage(), send: async () => 'sent' })} />);
    expect(alerts()).toEqual([expect.stringContaining('Copilot is unreachable')]);
    expect(button('Try again')).toBeDefined();
    expect(container.querySelector('textarea[placeholder]')).not.toBeNull();
    expect(button('Ask')).toBeDefined();

    await click('Draft reply');
    expect(api.draft).toHaveBeenCalledOnce();
    expect(visible()).toContain('Hello Emily, a new bulb is on its way.');

    api.assist.mockResolvedValueOnce(assist);
    await click('Try again');
    expect(alerts()).toEqual([]);
    expect(visible()).toContain('A replacement bulb');
    expect(visible()).toContain('Hello Emily, a new bulb is on its way.');
  });
});

describe('an ended or refused session', () => {
  it('asks the agent, in their language, to reload the helpdesk page, with no Try again that cannot work', async () => {
    const api = { assist: vi.fn(async () => { throw new ApiError({ status: 401, title: 'Unauthorized' }); }), shown: async (): Promise<Shown> => ({}) };
    await render(<App host={hostIn('de')} api={api as unknown as CopilotApi} queue={new FeedbackQueue({ storage: new MemoryStorage(), send: async () => 'sent' })} />);
    expect(alerts()).toEqual(['Sitzung abgelaufenIhre Copilot-Sitzung ist abgelaufen. Laden Sie die Helpdesk-Seite neu, um die App wieder zu öffnen.']);
    expect(visible()).not.toContain('Unauthorized');
    expect(button('Erneut versuchen')).toBeUndefined();
  });

  it('tells a 401 (the session ended) from a 403 (not allowed), neither retryable', () => {
    const t = translator('en');
    expect(problemText(new ApiError({ status: 401, title: 'Unauthorized' }), t)).toEqual({
      title: 'Session ended', detail: 'Your Copilot session has ended. Reload the helpdesk page to open the app again.', retry: false,
    });
    expect(problemText({ status: 403, title: 'Not an agent', detail: 'Only active agents and admins of this helpdesk can use Copilot.' }, t)).toEqual({
      title: 'Copilot is not available to you', detail: 'Your helpdesk account may not use Copilot. If it should, ask your admin, then reload the helpdesk page.', retry: false,
    });
    expect(problemText(unreachable(), t).retry).toBe(true);
  });
});

function renderDraft(api: Partial<Record<keyof CopilotApi, unknown>>, locale = 'en') {
  const host = hostIn(locale);
  return render(<I18nProvider locale={locale}><DraftPanel ticket={ticket} assist={assist} api={api as unknown as CopilotApi} host={host} tracker={tracker} open onToggle={() => undefined} /></I18nProvider>);
}

describe('regenerating a draft', () => {
  it('keeps the previous draft until a new one arrives, and shows the failure beside it', async () => {
    const api = { draft: vi.fn(async (): Promise<Draft> => draftOf({ text: 'First draft', suggestionId: 'sg_1' })) };
    await renderDraft(api);
    await click('Draft reply');
    api.draft.mockRejectedValueOnce(unreachable());
    await click('Regenerate');

    expect(visible()).toContain('First draft');
    expect(button('Insert')).toBeDefined();
    expect(alerts()).toEqual([expect.stringContaining('Check your connection and try again.')]);
    expect(alerts()[0]).toContain('Your previous draft is kept below.');
    expect(container.querySelector('[role="status"]')!.textContent).toBe('The draft failed. Your previous draft is kept below.');

    api.draft.mockResolvedValueOnce(draftOf({ text: 'Second draft', suggestionId: 'sg_2' }));
    await click('Try again');
    expect(visible()).toContain('Second draft');
    expect(visible()).not.toContain('First draft');
    expect(alerts()).toEqual([]);
  });

  it('brings the previous draft back when the agent stops the new one', async () => {
    const next = deferred<Draft>();
    const api = { draft: vi.fn(async (): Promise<Draft> => draftOf({ text: 'First draft' })) };
    await renderDraft(api);
    await click('Draft reply');
    api.draft.mockReturnValueOnce(next.promise);
    await click('Regenerate');
    await click('Stop');
    expect(visible()).toContain('First draft');
    expect(button('Insert')).toBeDefined();
  });
});

describe('the promise confirmation', () => {
  it('gives the focus back to Insert when the agent cancels it, with Escape or the Cancel button', async () => {
    const promised = draftOf({ text: 'You will get a full refund.', flagDetails: [
      { code: 'requested-promise', kind: 'refund', span: 'full refund', reason: 'Promises a refund the customer asked for: "full refund".' },
    ] } as Partial<Draft>);
    await renderDraft({ draft: async () => promised });
    await click('Draft reply');

    await click('Insert');
    expect(document.activeElement?.textContent).toBe('Confirm and insert');
    await act(async () => { document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); });
    await settle();
    expect(document.activeElement).toBe(button('Insert'));

    await click('Insert');
    await click('Cancel');
    expect(document.activeElement).toBe(button('Insert'));
  });
});

describe('a rewrite', () => {
  it('says on screen that it runs, keeps the old text from being inserted meanwhile, and shows its failure in the agent\'s language', async () => {
    const running = deferred<Rewrite | null>();
    const api = { draft: async () => draftOf({ text: 'Erster Entwurf' }), rewrite: vi.fn(() => running.promise) };
    await renderDraft(api, 'de');
    await click('Antwort entwerfen');
    await click('Umschreiben ▾');
    await click('Kürzen');

    expect(visible()).toContain('Wird umgeschrieben…');
    expect(button('Einfügen')!.disabled).toBe(true);
    expect(button('Neu erstellen')!.disabled).toBe(true);
    // The menu keeps the focus it returned to (a disabled button would drop it); a second pick waits for the first.
    await click('Umschreiben ▾');
    await click('Freundlicher');
    expect(api.rewrite).toHaveBeenCalledTimes(1);

    await act(async () => { running.reject(unreachable()); });
    await settle();
    expect(visible()).not.toContain('Wird umgeschrieben…');
    expect(container.querySelector('.label.error')!.textContent).toBe('Umschreiben fehlgeschlagen: Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.');
    expect(button('Einfügen')!.disabled).toBe(false);
    expect(visible()).toContain('Erster Entwurf');
  });
});

describe('a stream cut off before its end', () => {
  it('is a CutOffError carrying what had arrived, for drafts and answers', async () => {
    const api = new CopilotApi(() => 'tok', cutOffStream('Hello ', 'Emily'));
    const draft = await api.draft(1, {}).catch((e) => e);
    expect(draft).toBeInstanceOf(CutOffError);
    expect(draft).toMatchObject({ what: 'draft', partial: 'Hello Emily' });
    expect(await api.ask(1, { question: 'q' }).catch((e) => e)).toMatchObject({ what: 'answer', partial: 'Hello Emily' });
  });

  it('says so plainly, and shows the partial draft as incomplete with nothing to insert it', async () => {
    const api = new CopilotApi(() => 'tok', cutOffStream('Hello Emily, the replacement'));
    await renderDraft({ draft: api.draft.bind(api) });
    await click('Draft reply');

    expect(visible()).not.toMatch(/ended early|"done"/);
    expect(alerts()[0]).toContain('The draft was cut off before it finished. Try again.');
    const partial = container.querySelector('.draft-text.incomplete')!;
    expect(partial.textContent).toBe('Hello Emily, the replacement');
    expect(partial.getAttribute('aria-label')).toBe('Incomplete draft');
    expect(visible()).toContain('Incomplete: the draft stops where it was cut off, so it cannot be inserted.');
    expect(button('Insert')).toBeUndefined();
    expect(button('Try again')).toBeDefined();
  });

  it('says so for an answer too, in the agent\'s language', async () => {
    const api = new CopilotApi(() => 'tok', cutOffStream('Die Rückgabe ist'));
    await render(<I18nProvider locale="de"><AskPanel ticketId={1234} api={api} host={hostIn('de')} tracker={tracker} open onToggle={() => undefined} /></I18nProvider>);
    const box = container.querySelector('textarea')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, 'Rückgabefrist?');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('Fragen');

    expect(alerts()[0]).toContain('Die Antwort wurde abgeschnitten, bevor sie fertig war. Versuchen Sie es erneut.');
    expect(container.querySelector('.draft-text.incomplete')!.textContent).toBe('Die Rückgabe ist');
    expect(button('Einfügen')).toBeUndefined();
    expect(button('Kopieren')).toBeUndefined();
  });
});

describe('after a failed suggestion', () => {
  it('Suggest triage offers a retry', async () => {
    const label = (value: string) => ({ value, confidence: 0.9 });
    const triage = triageOf({ intent: label('billing'), sentiment: label('neutral'), language: label('en'), priority: label('high') });
    const api = { triage: vi.fn().mockRejectedValueOnce(unreachable()).mockResolvedValueOnce(triage) };
    await render(<I18nProvider locale="en"><TriagePanel ticketId={1234} api={api as unknown as CopilotApi} host={hostIn('en')} tracker={tracker} /></I18nProvider>);
    await click('Suggest triage');
    expect(alerts()).toEqual(['Check your connection and try again.']);
    await click('Try again');
    expect(api.triage).toHaveBeenCalledTimes(2);
    expect(container.querySelector('[role="group"]')).not.toBeNull();
  });

  it('Suggest actions offers a retry', async () => {
    const api = { actions: vi.fn().mockRejectedValueOnce(unreachable()).mockResolvedValueOnce({ ticketId: 1234, actions: [] }), actionsShown: vi.fn() };
    await render(<I18nProvider locale="en"><ActionsPanel ticketId={1234} api={api as unknown as CopilotApi} host={hostIn('en')} /></I18nProvider>);
    await click('Suggest actions');
    expect(alerts()).toEqual(['Check your connection and try again.']);
    await click('Try again');
    expect(api.actions).toHaveBeenCalledTimes(2);
    expect(alerts()).toEqual([]);
    expect(container.textContent).toContain('No action to suggest for this ticket.');
  });

  it('Preview macro offers a retry, named for its macro', async () => {
    const api = { macroPreview: vi.fn().mockRejectedValueOnce(unreachable()).mockResolvedValueOnce(macroEffectOf({ tagsAdded: ['returns'] })) };
    await render(<I18nProvider locale="en"><MacroApply ticketId={1234} macroId="42" title="Returns" api={api as unknown as CopilotApi} host={hostIn('en')} onApplied={() => undefined} /></I18nProvider>);
    await click('Preview');
    expect(alerts()).toEqual(['Check your connection and try again.']);
    expect(button('Try again')!.getAttribute('aria-label')).toBe('Try again to preview macro Returns');
    await click('Try again');
    expect(api.macroPreview).toHaveBeenCalledTimes(2);
    expect(container.textContent).toContain('Adds 1 tag: returns');
  });

  it('offers no retry when the session ended', async () => {
    const api = { actions: vi.fn(async () => { throw new ApiError({ status: 401, title: 'Unauthorized' }); }) };
    await render(<I18nProvider locale="en"><ActionsPanel ticketId={1234} api={api as unknown as CopilotApi} host={hostIn('en')} /></I18nProvider>);
    await click('Suggest actions');
    expect(alerts()).toEqual(['Your Copilot session has ended. Reload the helpdesk page to open the app again.']);
    expect(button('Try again')).toBeUndefined();
  });
});
