// @vitest-environment jsdom
import './dom-setup';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { UiProvider } from '@ui';
import '../src/freshworks/messages';
import { FreshworksHost } from '../src/lib/host/freshworks/freshworks-host';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { WayForwardPanel } from '../src/sidebar/WayForwardPanel';
import { FakeFreshworksClient } from './freshworks-fake';
import { warningOf } from './fixtures';

let root: Root | null = null;
let container: HTMLElement;
afterEach(() => { act(() => root?.unmount()); root = null; container.remove(); });

describe('a way forward in Freshdesk', () => {
  it('takes the steps Freshdesk allows and offers the tags to copy, with a Freshdesk notice once copied', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    const used: string[] = [];
    const warning = warningOf({ ruleId: 'billing-dispute', name: 'Billing dispute', action: 'handoff', wayForward: { groupId: 42, groupName: 'Billing', tags: ['billing_dispute', 'vip'], internalNote: false } });
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => { copied.push(text); } }, configurable: true });
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => { root!.render(<UiProvider><I18nProvider locale="en"><WayForwardPanel warnings={[warning]} host={host} onStep={(how) => used.push(how)} /></I18nProvider></UiProvider>); });
    const buttons = () => [...container.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons()).toEqual(['Assign to Billing', 'Copy']);
    expect(container.textContent).toContain('The helpdesk does not let apps add tags.');
    await act(async () => { container.querySelectorAll('button')[1].click(); });
    expect(copied).toEqual(['billing_dispute, vip']);
    expect(container.textContent).toContain('Copied: billing_dispute, vip');
    expect(used).toEqual(['billing-dispute: copied tags']);
    expect(client.triggered('showNotify')).toEqual([['showNotify', { type: 'success', message: 'Copied: billing_dispute, vip' }]]);
    await act(async () => { container.querySelectorAll('button')[0].click(); });
    expect(client.triggered('setValue')).toEqual([['setValue', { id: 'group', value: 42 }]]);
  });
});
