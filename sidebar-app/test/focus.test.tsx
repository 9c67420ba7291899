// @vitest-environment jsdom
import './dom-setup';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type CopilotApi } from '../src/lib/api/client';
import type { ActionDecision, Answer, Draft, SuggestedAction } from '../src/lib/api/types';
import type { Delivery } from '../src/lib/feedback/queue';
import type { FeedbackTracker } from '../src/lib/feedback/tracker';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { ActionsPanel } from '../src/sidebar/ActionsPanel';
import { AskPanel } from '../src/sidebar/AskPanel';
import { DraftPanel } from '../src/sidebar/DraftPanel';
import { MacroApply } from '../src/sidebar/MacroApply';
import { Thumbs } from '../src/sidebar/Thumbs';
import { TriagePanel } from '../src/sidebar/TriagePanel';
import { actionOf, answerOf, assistOf, draftOf, macroEffectOf, triageOf } from './fixtures';
import { button, container, deferred, hostIn, press, render, settle, ticket, type } from './sidebar-dom';

// Each control below leaves the screen, or is disabled, once used: the focus must not fall to the page body.
const focused = () => document.activeElement;
const unreachable = () => new ApiError({ status: 0, title: 'Copilot is unreachable', detail: 'Check your connection and try again.' });
const tracker = { inserted: vi.fn(), thumbsUp: vi.fn(), thumbsDown: vi.fn(), used: vi.fn(), judge: vi.fn() } as unknown as FeedbackTracker;

function renderDraft(draft: () => Promise<Draft>) {
  const api = { draft: vi.fn(draft) } as unknown as CopilotApi;
  return render(<I18nProvider locale="en"><DraftPanel ticket={ticket} assist={assistOf()} api={api} host={hostIn('en')} tracker={tracker} open onToggle={() => undefined} /></I18nProvider>);
}

describe('the focus, once the control that had it is gone', () => {
  it('goes from Draft reply to Stop while the draft is written, then to the draft; Stop gives it back to the button it replaced', async () => {
    let next = deferred<Draft>();
    await renderDraft(() => next.promise);
    await press('Draft reply');
    expect(focused()).toBe(button('Stop'));
    await act(async () => { next.resolve(draftOf({ text: 'Hello Emily' })); });
    await settle();
    expect(focused()).toBe(container.querySelector('[aria-label="Draft text"]'));

    next = deferred<Draft>();
    await press('Regenerate');
    expect(focused()).toBe(button('Stop'));
    await press('Stop');
    expect(focused()).toBe(button('Insert'));
  });

  it('goes from Stop back to Draft reply when there was no draft, and to Try again when the draft fails', async () => {
    const next = deferred<Draft>();
    await renderDraft(() => next.promise);
    await press('Draft reply');
    await press('Stop');
    expect(focused()).toBe(button('Draft reply'));

    await press('Draft reply');
    await act(async () => { next.reject(unreachable()); });
    await settle();
    expect(focused()).toBe(button('Try again'));
  });

  it('goes from Ask to Stop while the answer is written; Stop gives it to the question box, which still holds the question', async () => {
    const api = { ask: vi.fn(() => deferred<Answer>().promise) } as unknown as CopilotApi;
    await render(<I18nProvider locale="en"><AskPanel ticketId={1234} api={api} host={hostIn('en')} tracker={tracker} open onToggle={() => undefined} /></I18nProvider>);
    await type('How long do returns take?');
    await press('Ask');
    expect(focused()).toBe(button('Stop'));
    await press('Stop');
    expect(focused()).toBe(container.querySelector('textarea'));
    expect(container.querySelector('textarea')!.value).toBe('How long do returns take?');
  });

  it('goes from a failed answer to Try again, from Try again to Stop, then to the answer, and from New conversation to the question box', async () => {
    let next = deferred<Answer>();
    const api = { ask: vi.fn(() => next.promise) } as unknown as CopilotApi;
    await render(<I18nProvider locale="en"><AskPanel ticketId={1234} api={api} host={hostIn('en')} tracker={tracker} open onToggle={() => undefined} /></I18nProvider>);
    await type('How long do returns take?');
    await press('Ask');
    await act(async () => { next.reject(unreachable()); });
    await settle();
    expect(focused()).toBe(button('Try again'));

    next = deferred<Answer>();
    await press('Try again');
    expect(focused()).toBe(button('Stop'));
    await act(async () => { next.resolve(answerOf()); });
    await settle();
    expect(focused()).toBe(container.querySelector('[aria-label="Answer"]'));

    await press('New conversation');
    expect(focused()).toBe(container.querySelector('textarea'));
  });

  it('goes from Not helpful to the first reason, from Other to its comment box and back, and from a reason to the rating group', async () => {
    const sent = async (): Promise<Delivery> => ({ state: 'sent' });
    await render(<I18nProvider locale="en"><Thumbs onUp={sent} onDown={sent} /></I18nProvider>);
    const reasons = () => container.querySelector('[aria-label="What was wrong?"]')!;

    await press('Not helpful');
    expect(focused()).toBe(reasons().querySelector('button'));
    await press('Other');
    expect(focused()).toBe(container.querySelector('textarea'));
    await press('Cancel');
    expect(focused()).toBe(button('Other'));
    await press('Wrong facts');
    expect(focused()).toBe(container.querySelector('[role="group"][aria-label="Rate this draft"]'));
  });

  it('goes from Helpful, which is disabled once used, to the rating group', async () => {
    const sent = async (): Promise<Delivery> => ({ state: 'sent' });
    await render(<I18nProvider locale="en"><Thumbs onUp={sent} onDown={sent} /></I18nProvider>);
    await press('Helpful');
    expect(focused()).toBe(container.querySelector('[role="group"][aria-label="Rate this draft"]'));
  });

  it('goes from Suggest triage to the suggested intent, from Apply to the suggestion, and from a failure to Try again', async () => {
    const label = (value: string) => ({ value, confidence: 0.9 });
    const triage = triageOf({ intent: label('billing'), sentiment: label('neutral'), language: label('en'), priority: label('high'),
      applyTo: { intentTags: { billing: 'intent_billing' }, priorities: ['low', 'normal', 'high', 'urgent'], intentField: null } } as never);
    const api = { triage: vi.fn().mockRejectedValueOnce(unreachable()).mockResolvedValue(triage) } as unknown as CopilotApi;
    await render(<I18nProvider locale="en"><TriagePanel ticketId={1234} api={api} host={hostIn('en')} tracker={tracker} /></I18nProvider>);

    await press('Suggest triage');
    expect(focused()).toBe(button('Try again'));
    await press('Try again');
    expect(focused()).toBe(container.querySelector('select[aria-label="Intent"]'));
    await press('Apply to ticket');
    expect(focused()).toBe(container.querySelector('[role="group"][aria-label="Triage suggestion"]'));
  });

  it('goes from Approve or Decline to the decided action, or to its Insert result, and back to the button when the decision fails', async () => {
    const lookup = actionOf({ id: 'ac_000000000000000000000002', kind: 'lookup', description: 'Look up order-status', changes: [] });
    const third = actionOf({ id: 'ac_000000000000000000000003' });
    const decided = (a: SuggestedAction, over: Partial<SuggestedAction>): ActionDecision => ({ action: { ...a, ...over }, duplicate: false });
    const api = {
      actions: async () => ({ ticketId: 1234, actions: [actionOf(), lookup, third] }), actionsShown: async () => ({ suggestionIds: {} }),
      approveAction: vi.fn()
        .mockResolvedValueOnce(decided(actionOf(), { state: 'approved', result: { status: 'applied', message: 'Done' } }))
        .mockResolvedValueOnce(decided(lookup, { state: 'approved', result: { status: 'read', message: 'Read', lookupResult: 'Shipped' } }))
        .mockRejectedValueOnce(unreachable()),
      declineAction: vi.fn(async () => decided(third, { state: 'declined' })),
    } as unknown as CopilotApi;
    await render(<I18nProvider locale="en"><ActionsPanel ticketId={1234} api={api} host={hostIn('en')} /></I18nProvider>);
    await press('Suggest actions');
    expect(focused()).toBe(container.querySelector('h2'));
    const item = (i: number) => container.querySelectorAll('li.action')[i];

    await press('Approve', item(0));
    expect(focused()).toBe(item(0));
    await press('Approve', item(1));
    expect(focused()).toBe(button('Insert result', item(1)));
    await press('Approve', item(2));
    expect(focused()).toBe(button('Approve', item(2)));
    await press('Decline', item(2));
    expect(focused()).toBe(item(2));
  });

  it('goes from Preview to what the macro changes, and from its Cancel back to Preview', async () => {
    const api = { macroPreview: vi.fn(async () => macroEffectOf({ tagsAdded: ['returns'] })) } as unknown as CopilotApi;
    await render(<I18nProvider locale="en"><MacroApply ticketId={1234} macroId="42" title="Returns" api={api} host={hostIn('en')} onApplied={() => undefined} /></I18nProvider>);

    await press('Preview macro Returns');
    expect(focused()).toBe(container.querySelector('[role="group"][aria-label="What Returns changes"]'));
    await press('Cancel');
    expect(focused()).toBe(button('Preview macro Returns'));
    await press('Preview macro Returns');
    await press('Apply macro Returns');
    expect(focused()).toBe(container.querySelector('p[role="status"]'));
    expect(focused()?.textContent).toBe('Applied.');
  });

  it('goes from Preview to the error when the preview fails with no Try again (the session ended)', async () => {
    const api = { macroPreview: vi.fn(async () => { throw new ApiError({ status: 401, title: 'Unauthorized' }); }) } as unknown as CopilotApi;
    await render(<I18nProvider locale="en"><MacroApply ticketId={1234} macroId="42" title="Returns" api={api} host={hostIn('en')} onApplied={() => undefined} /></I18nProvider>);

    await press('Preview macro Returns');
    expect(button('Try again')).toBeUndefined();
    expect(focused()).toBe(container.querySelector('p[role="alert"]'));
    expect(focused()?.textContent).toBe('Your Copilot session has ended. Reload the helpdesk page to open the app again.');
  });
});
