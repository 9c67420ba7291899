import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlToText } from '../src/lib/feedback/text';
import { FeedbackTracker } from '../src/lib/feedback/tracker';
import type { FeedbackQueue } from '../src/lib/feedback/queue';
import type { FeedbackEvent } from '../src/lib/api/types';
import { freshworksClient } from '../src/lib/host/freshworks/client';
import { FreshworksHost, NotInFreshdesk } from '../src/lib/host/freshworks/freshworks-host';
import { FakeFreshworksClient } from './freshworks-fake';
import { macroEffectOf, MemoryStorage } from './fixtures';

afterEach(() => { vi.useRealTimers(); });

describe('FreshworksHost reads Freshdesk', () => {
  it('maps the ticket and its requester (language as locale) from client.data', async () => {
    const client = new FakeFreshworksClient();
    expect(await new FreshworksHost(client).getTicket()).toEqual({
      id: 101, subject: 'Bridge offline after the update', requester: { name: 'Anna Berg', email: 'anna@example.com', locale: 'de' },
    });
    expect(client.calls).toEqual([['data.get', 'ticket'], ['data.get', 'requester']]);
  });

  it('maps the signed-in agent, with their Freshdesk language as the sidebar\'s locale, and asks once', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    expect(await host.getCurrentUser()).toEqual({ id: '2001', name: 'Sam Agent', locale: 'fr', signature: null });
    await host.getCurrentUser();
    expect(client.calls).toEqual([['data.get', 'loggedInUser']]);
  });

  it('asks again after a failed read of the agent', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    const get = client.data.get;
    client.data.get = async () => { throw new Error('not yet'); };
    await expect(host.getCurrentUser()).rejects.toThrow('not yet');
    client.data.get = get;
    expect((await host.getCurrentUser()).id).toBe('2001');
  });

  it('says Freshdesk lets it set the intent field by its name but no tags', () => {
    expect(new FreshworksHost(new FakeFreshworksClient()).abilities).toEqual({ tags: false, intentField: true });
  });
});

describe('FreshworksHost writes into the ticket page', () => {
  it('inserts into the open reply editor with setValue, as HTML of the text', async () => {
    const client = new FakeFreshworksClient();
    await new FreshworksHost(client).appendText('Hi Anna,\n\nplease update the bridge & restart it.');
    const [[action, options]] = client.triggered();
    expect(action).toBe('setValue');
    expect(options).toMatchObject({ id: 'editor', replace: false });
    expect((options as { text: string }).text).toBe('<p>Hi Anna,</p><p>please update the bridge &amp; restart it.</p>');
    expect(htmlToText((options as { text: string }).text)).toBe('Hi Anna,\nplease update the bridge & restart it.');
  });

  it('opens a reply with the text when no editor is open', async () => {
    const client = new FakeFreshworksClient();
    client.editorClosed = true;
    await new FreshworksHost(client).appendText('Hi Anna');
    expect(client.triggered()).toEqual([
      ['setValue', { id: 'editor', text: '<p>Hi Anna</p>', replace: false }],
      ['click', { id: 'reply', text: '<p>Hi Anna</p>' }],
    ]);
  });

  it('replaces the editor\'s text', async () => {
    const client = new FakeFreshworksClient();
    await new FreshworksHost(client).setCommentText('<p>New</p>');
    expect(client.triggered()).toEqual([['setValue', { id: 'editor', text: '<p>New</p>', replace: true }]]);
  });

  it('sets triage\'s priority as Freshdesk numbers it and the intent field by its name, and refuses tags and fields it cannot set', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    await host.applyTriage({ priority: 'urgent', tags: [] });
    await host.applyTriage({ priority: 'normal', tags: [], intentField: { key: 'cf_intent', title: 'Intent', value: 'End ride', label: 'End ride' } });
    expect(client.triggered()).toEqual([
      ['setValue', { id: 'priority', value: 4 }], ['setValue', { id: 'priority', value: 2 }], ['setValue', { id: 'cf_intent', value: 'End ride' }],
    ]);
    await expect(host.applyTriage({ tags: ['billing_question'] })).rejects.toBeInstanceOf(NotInFreshdesk);
    await expect(host.applyTriage({ tags: [], intentField: { key: '360001', title: 'Intent', value: 'intent_billing', label: 'Billing' } })).rejects.toBeInstanceOf(NotInFreshdesk);
    await expect(host.applyTriage({ priority: 'whenever', tags: [] })).rejects.toThrow('Freshdesk has no priority "whenever"');
  });

  it('takes a way forward: the group by setValue, the evidence as a private note; tags it cannot', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    await host.takeStep({ kind: 'group', groupId: 42 });
    await host.takeStep({ kind: 'note', text: 'Copilot: the rule "Billing dispute" fired.' });
    expect(client.triggered()).toEqual([
      ['setValue', { id: 'group', value: 42 }],
      ['click', { id: 'note', text: '<p>Copilot: the rule "Billing dispute" fired.</p>', isPublic: false }],
    ]);
    await expect(host.takeStep({ kind: 'tags', tags: ['billing_dispute'] })).rejects.toBeInstanceOf(NotInFreshdesk);
  });

  it('applies a canned response: status and priority as numbers, then its text in the reply or a private note', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    await host.applyMacro(macroEffectOf({ comment: 'Hi Anna', changes: [{ field: 'status', from: 'open', to: 'pending' }, { field: 'priority', from: null, to: 'high' }] }));
    await host.applyMacro(macroEffectOf({ comment: 'Checked the logs', commentPublic: false }));
    expect(client.triggered()).toEqual([
      ['setValue', { id: 'status', value: 3 }],
      ['setValue', { id: 'priority', value: 3 }],
      ['setValue', { id: 'editor', text: '<p>Hi Anna</p>', replace: false }],
      ['click', { id: 'note', text: '<p>Checked the logs</p>', isPublic: false }],
    ]);
  });

  it('changes nothing when a macro asks for what Freshdesk does not let it set', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    await expect(host.applyMacro(macroEffectOf({ comment: 'Hi', tagsAdded: ['vip'] }))).rejects.toBeInstanceOf(NotInFreshdesk);
    await expect(host.applyMacro(macroEffectOf({ comment: 'Hi', changes: [{ field: 'assignee', from: null, to: '7' }] }))).rejects.toThrow('assignee');
    expect(client.triggered()).toEqual([]);
  });

  it('notifies with showNotify, an error as Freshworks\' "danger", cut to its 100 characters', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    await host.notify('success', 'Copied: billing_dispute');
    await host.notify('error', 'x'.repeat(150));
    const [[, first], [, second]] = client.triggered('showNotify') as [string, { type: string; message: string }][];
    expect(first).toEqual({ type: 'success', message: 'Copied: billing_dispute' });
    expect(second.type).toBe('danger');
    expect(second.message).toHaveLength(100);
  });

  it('resizes the frame with a pixel height', async () => {
    const client = new FakeFreshworksClient();
    await new FreshworksHost(client).resize(312.4);
    expect(client.calls).toEqual([['instance.resize', { height: '313px' }]]);
  });

  it('leaves Freshdesk\'s own API to the backend', async () => {
    await expect(new FreshworksHost(new FakeFreshworksClient()).request({ url: '/api/v2/agents/me' })).rejects.toThrow('called by the backend');
  });
});

describe('FreshworksHost and the reply being sent', () => {
  it('intercepts ticket.sendReply once, lets the save hooks read the reply, then lets the send go on', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    const read: string[] = [];
    host.onTicketSave(async () => { read.push(await host.getCommentText()); });
    host.onConversationChanged(() => read.push('changed'));
    expect(client.listeners.filter((l) => l.event === 'ticket.sendReply')).toHaveLength(1);
    expect(client.listeners.find((l) => l.event === 'ticket.sendReply')!.intercept).toBe(true);
    expect(await client.fire('ticket.sendReply', { body: '<p>Hi Anna, done.</p>' })).toBe('done');
    expect(read).toEqual(['<p>Hi Anna, done.</p>', 'changed']);
    await expect(host.getCommentText()).rejects.toThrow('only as it is sent');
  });

  it('lets the send go on when a hook fails, and at the latest after a second when one hangs', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    host.onTicketSave(() => { throw new Error('boom'); });
    expect(await client.fire('ticket.sendReply', { body: '<p>x</p>' })).toBe('done');
    vi.useFakeTimers();
    const off = host.onTicketSave(() => new Promise<void>(() => undefined));
    const sent = client.fire('ticket.sendReply', { body: '<p>x</p>' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await sent).toBe('done');
    off();
  });

  it('records an inserted draft edited before sending as "edited", with the text sent', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    const queued: FeedbackEvent[] = [];
    const queue = { enqueue: async (e: FeedbackEvent) => { queued.push(e); return { state: 'sent' as const }; } } as unknown as FeedbackQueue;
    const tracker = new FeedbackTracker(host, queue, new MemoryStorage(), 101, () => 'ev-1');
    tracker.attach();
    const draft = 'Hi Anna, please update the bridge to firmware 2.8.3 and restart it.';
    await host.appendText(draft);
    tracker.inserted('sg_1', draft);
    const sentHtml = `${textOf(client)}<p>I have also sent you a return label.</p>`;
    expect(await client.fire('ticket.sendReply', { body: sentHtml })).toBe('done');
    expect(queued).toEqual([{ eventId: 'ev-1', suggestionId: 'sg_1', outcome: 'edited', finalText: `${draft}\nI have also sent you a return label.` }]);
  });

  it('guesses no verdict when the event carries no reply', async () => {
    const client = new FakeFreshworksClient();
    const host = new FreshworksHost(client);
    const queued: FeedbackEvent[] = [];
    const queue = { enqueue: async (e: FeedbackEvent) => { queued.push(e); return { state: 'sent' as const }; } } as unknown as FeedbackQueue;
    const tracker = new FeedbackTracker(host, queue, new MemoryStorage(), 101);
    tracker.attach();
    tracker.inserted('sg_1', 'Hi Anna');
    expect(await client.fire('ticket.sendReply', {})).toBe('done');
    expect(queued).toEqual([]);
  });
});

describe('freshworksClient', () => {
  it('is the client app.initialized() gives, and null outside Freshworks or when it never comes', async () => {
    const client = new FakeFreshworksClient();
    expect(await freshworksClient({ app: { initialized: async () => client } })).toBe(client);
    expect(await freshworksClient({})).toBeNull();
    expect(await freshworksClient({ app: { initialized: () => new Promise(() => undefined) } }, 10)).toBeNull();
  });
});

/** The HTML the host put into the editor (what the agent then edits). */
function textOf(client: FakeFreshworksClient): string {
  const [, options] = client.triggered('setValue').at(-1)! as [string, { text: string }];
  return options.text;
}
