// @vitest-environment jsdom
import './dom-setup';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UiProvider } from '@ui';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';
import { ActionsPanel } from '../src/sidebar/ActionsPanel';
import type { CopilotApi } from '../src/lib/api/client';
import type { Host } from '../src/lib/host/host';
import type { ActionDecision, SuggestedAction } from '../src/lib/api/types';
import { actionOf } from './fixtures';

let root: Root | null = null;
let container: HTMLElement;
afterEach(() => { act(() => root?.unmount()); root = null; container.remove(); });
beforeAll(() => loadMessages('de'));

const duplicate = actionOf({
  id: 'ac_000000000000000000000002', kind: 'mark-duplicate', source: 'duplicate', description: 'Mark as a likely duplicate of #7001 “Bridge cracked”',
  changes: [{ field: 'internal_note', from: null, to: 'Likely duplicate of #7001' }], procedureId: null, procedureVersion: null, step: null,
  score: 0.86, otherTicketId: 7001, otherTicketUrl: 'https://lumora.zendesk.com/agent/tickets/7001',
});

function apiOf(actions: SuggestedAction[]) {
  return {
    actions: vi.fn(async () => ({ ticketId: 7002, actions })),
    actionsShown: vi.fn(async () => ({ suggestionIds: {} })),
    approveAction: vi.fn(async (_t: number, id: string): Promise<ActionDecision> => ({
      action: { ...actions.find((a) => a.id === id)!, state: 'approved', result: { status: 'applied', message: 'Done: Set priority: normal → urgent', insertText: null, lookupResult: null } },
      duplicate: false,
    })),
    declineAction: vi.fn(async (_t: number, id: string) => ({ action: { ...actions.find((a) => a.id === id)!, state: 'declined' as const }, duplicate: false })),
    actionInserted: vi.fn(async (_t: number, id: string): Promise<ActionDecision> => ({ action: actions.find((a) => a.id === id)!, duplicate: false })),
  };
}

async function render(api: ReturnType<typeof apiOf>, host: Partial<Host> = {}, locale = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(<UiProvider><I18nProvider locale={locale}><ActionsPanel ticketId={7002} api={api as unknown as CopilotApi} host={{ appendText: vi.fn(), ...host } as unknown as Host} /></I18nProvider></UiProvider>);
  });
  await act(async () => { container.querySelector('button')!.click(); });
}

const buttons = (item: Element) => [...item.querySelectorAll('button')];

describe('the actions panel', () => {
  it('lists what each action will change, where it comes from, and reports the ones on screen once', async () => {
    const api = apiOf([actionOf({}), duplicate]);
    await render(api);

    const items = [...container.querySelectorAll('li.action')];
    expect(items.map((i) => i.querySelector('.passage')!.textContent)).toEqual(['Set priority: Normal → Urgent', 'Mark as a likely duplicate of #7001 “Bridge cracked”']);
    expect(items[0].textContent).toContain('From procedure damaged-returns, version 2');
    expect(items[1].textContent).toContain('similarity 0.86');
    expect(items[1].querySelector('a')!.getAttribute('href')).toBe('https://lumora.zendesk.com/agent/tickets/7001');
    expect(api.actionsShown).toHaveBeenCalledExactlyOnceWith(7002, ['ac_000000000000000000000001', 'ac_000000000000000000000002']);
  });

  it('approves one and declines the other, showing each result; nothing is decided before a click', async () => {
    const api = apiOf([actionOf({}), duplicate]);
    await render(api);
    expect(api.approveAction).not.toHaveBeenCalled();
    expect(api.declineAction).not.toHaveBeenCalled();

    await act(async () => { buttons(container.querySelectorAll('li.action')[0]).find((b) => b.textContent === 'Approve')!.click(); });
    await act(async () => { buttons(container.querySelectorAll('li.action')[1]).find((b) => b.textContent === 'Decline')!.click(); });

    const items = [...container.querySelectorAll('li.action')];
    expect(api.approveAction).toHaveBeenCalledExactlyOnceWith(7002, 'ac_000000000000000000000001');
    expect(api.declineAction).toHaveBeenCalledExactlyOnceWith(7002, 'ac_000000000000000000000002');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual(['approved', 'declined']);
    expect(items[0].textContent).toContain('Done: Set priority: normal → urgent');
    expect(items.flatMap(buttons)).toEqual([]);
  });

  it('puts an approved macro\'s reply in the editor for the agent to send, and shows a lookup\'s answer', async () => {
    const macro = actionOf({ id: 'ac_000000000000000000000003', kind: 'apply-macro', description: 'Apply macro “Returns”' });
    const api = apiOf([macro]);
    api.approveAction.mockResolvedValueOnce({ action: { ...macro, state: 'approved', result: { status: 'applied', message: 'Done', insertText: 'Hi Olivia, here is your label.', lookupResult: 'Order shipped' } }, duplicate: false });
    const appendText = vi.fn(async () => undefined);
    await render(api, { appendText });

    await act(async () => { buttons(container.querySelector('li.action')!).find((b) => b.textContent === 'Approve')!.click(); });

    expect(appendText).toHaveBeenCalledExactlyOnceWith('Hi Olivia, here is your label.');
    expect(container.querySelector('pre.lookup')!.textContent).toBe('Order shipped');
  });

  it('offers an approved lookup\'s answer to insert into the reply, and records the insert on that action', async () => {
    const lookup = actionOf({ id: 'ac_000000000000000000000004', kind: 'lookup', description: 'Look up order-status for LUM-2026-48213 on shop.example (reads only; changes nothing)', changes: [] });
    const api = apiOf([lookup]);
    api.approveAction.mockResolvedValueOnce({ action: { ...lookup, state: 'approved', suggestionId: 'sg_9', result: { status: 'read', message: "The lookup 'order-status' answered.", insertText: null, lookupResult: 'Order shipped with DHL' } }, duplicate: false });
    const appendText = vi.fn(async () => undefined);
    await render(api, { appendText });
    expect(buttons(container.querySelector('li.action')!).map((b) => b.textContent)).toEqual(['Approve', 'Decline']);

    await act(async () => { buttons(container.querySelector('li.action')!).find((b) => b.textContent === 'Approve')!.click(); });
    expect(appendText).not.toHaveBeenCalled();
    expect(api.actionInserted).not.toHaveBeenCalled();
    await act(async () => { buttons(container.querySelector('li.action')!).find((b) => b.textContent === 'Insert result')!.click(); });

    expect(appendText).toHaveBeenCalledExactlyOnceWith('Order shipped with DHL');
    expect(api.actionInserted).toHaveBeenCalledExactlyOnceWith(7002, 'ac_000000000000000000000004');
    expect(container.querySelector('li.action [role="status"]:last-child')!.textContent).toBe('Lookup result inserted into the reply.');
  });

  it('offers nothing to insert for a lookup that is not approved', async () => {
    const api = apiOf([actionOf({ id: 'ac_000000000000000000000005', kind: 'lookup', description: 'Look up order-status', changes: [] })]);
    await render(api);

    expect(buttons(container.querySelector('li.action')!).map((b) => b.textContent)).toEqual(['Approve', 'Decline']);
  });

  it('describes each action in the agent\'s language, and one it cannot (proposed before its name was kept) in the backend\'s English, marked as English', async () => {
    await render(apiOf([actionOf({}), duplicate]), {}, 'de');

    const said = [...container.querySelectorAll('li.action')].map((i) => i.querySelector('.passage')!);
    expect(said.map((p) => [p.textContent, p.getAttribute('lang')])).toEqual([
      ['Priorität ändern: Normal → Dringend', null],
      ['Mark as a likely duplicate of #7001 “Bridge cracked”', 'en'],
    ]);
  });

  it('says so when there is nothing to propose, and reports no display', async () => {
    const api = apiOf([]);
    await render(api);

    expect(container.textContent).toContain('No action to suggest for this ticket.');
    expect(api.actionsShown).not.toHaveBeenCalled();
  });
});
