import { describe, expect, it } from 'vitest';
import { ZafHost, type ZafClient } from '../src/lib/host/zaf-host';
import { macroEffectOf } from './fixtures';

class FakeZafClient implements ZafClient {
  calls: unknown[][] = [];
  handlers = new Map<string, ((...a: unknown[]) => unknown)[]>();
  data: Record<string, unknown> = {
    'ticket.id': 101,
    'ticket.subject': 'Bridge will not connect',
    'ticket.requester': { id: 3001, name: 'Anna Berg', email: 'anna@example.com', locale: 'de' },
    currentUser: { id: 2001, name: 'Sam Agent', locale: 'en-US' },
    'comment.text': '<p>Hello</p>',
  };
  async get(path: string | string[]) {
    this.calls.push(['get', path]);
    const paths = Array.isArray(path) ? path : [path];
    return Object.fromEntries(paths.map((p) => [p, this.data[p]]));
  }
  async set(path: string, value: unknown) { this.calls.push(['set', path, value]); return {}; }
  async invoke(name: string, ...args: unknown[]) { this.calls.push(['invoke', name, ...args]); return {}; }
  on(event: string, handler: (...a: unknown[]) => unknown) { this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]); }
  off(event: string, handler: (...a: unknown[]) => unknown) { this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== handler)); }
  async request(options: Record<string, unknown>) { this.calls.push(['request', options]); return { ok: true }; }
}

describe('ZafHost', () => {
  it('reads the ticket and its requester with one get', async () => {
    const client = new FakeZafClient();
    const ticket = await new ZafHost(client).getTicket();
    expect(ticket).toEqual({ id: 101, subject: 'Bridge will not connect', requester: { name: 'Anna Berg', email: 'anna@example.com', locale: 'de' } });
    expect(client.calls).toEqual([['get', ['ticket.id', 'ticket.subject', 'ticket.requester']]]);
  });

  it('reads the current user', async () => {
    expect(await new ZafHost(new FakeZafClient()).getCurrentUser()).toEqual({ id: '2001', name: 'Sam Agent', locale: 'en-US', signature: null });
  });

  it('writes into the reply box with comment.appendText and comment.text', async () => {
    const client = new FakeZafClient();
    const host = new ZafHost(client);
    await host.appendText('Hi Anna');
    await host.setCommentText('<p>Hi</p>');
    expect(await host.getCommentText()).toBe('<p>Hello</p>');
    expect(client.calls.slice(0, 2)).toEqual([['invoke', 'comment.appendText', 'Hi Anna'], ['set', 'comment.text', '<p>Hi</p>']]);
  });

  it('applies a macro through the workspace, which sets its text, fields and tags itself', async () => {
    const client = new FakeZafClient();
    await new ZafHost(client).applyMacro(macroEffectOf({ macroId: 900002, comment: 'Hi Anna', changes: [{ field: 'status', from: 'open', to: 'pending' }], tagsAdded: ['flicker'] }));
    expect(client.calls).toEqual([['invoke', 'macro', 900002]]);
  });

  it('applies triage with the ticket API: priority set, tags added, the intent field set to the option\'s tag', async () => {
    const client = new FakeZafClient();
    await new ZafHost(client).applyTriage({ priority: 'urgent', tags: ['billing_question'], intentField: { key: '360001', title: 'Intent', value: 'intent_billing', label: 'Billing' } });
    expect(client.calls).toEqual([
      ['set', 'ticket.priority', 'urgent'],
      ['invoke', 'ticket.tags.add', ['billing_question']],
      ['set', 'ticket.customField:custom_field_360001', 'intent_billing'],
    ]);
  });

  it('adds a multi-select\'s option to those the ticket has chosen, and leaves a chosen one as it is', async () => {
    const client = new FakeZafClient();
    client.data['ticket.customField:custom_field_360099'] = ['topic_shipping'];
    const host = new ZafHost(client);
    const write = { tags: [], intentField: { key: '360099', title: 'Topics', value: 'topic_billing', label: 'Billing', addsOption: true } };
    await host.applyTriage(write);
    expect(client.calls).toEqual([
      ['get', 'ticket.customField:custom_field_360099'],
      ['set', 'ticket.customField:custom_field_360099', ['topic_shipping', 'topic_billing']],
    ]);
    client.calls = [];
    client.data['ticket.customField:custom_field_360099'] = ['topic_billing'];
    await host.applyTriage(write);
    expect(client.calls).toEqual([['get', 'ticket.customField:custom_field_360099']]);
    client.calls = [];
    client.data['ticket.customField:custom_field_360099'] = null;
    await host.applyTriage(write);
    expect(client.calls[1]).toEqual(['set', 'ticket.customField:custom_field_360099', ['topic_billing']]);
  });

  it('takes a way-forward step through the workspace: group as assignee, tags added, an internal note', async () => {
    const client = new FakeZafClient();
    const host = new ZafHost(client);
    await host.takeStep({ kind: 'group', groupId: 42 });
    await host.takeStep({ kind: 'tags', tags: ['billing_dispute'] });
    await host.takeStep({ kind: 'note', text: 'Why' });
    expect(client.calls).toEqual([
      ['set', 'ticket.assignee', { groupId: 42 }],
      ['invoke', 'ticket.tags.add', ['billing_dispute']],
      ['set', 'comment.type', 'internalNote'],
      ['invoke', 'comment.appendText', 'Why'],
    ]);
  });

  it('resizes with a pixel height', async () => {
    const client = new FakeZafClient();
    await new ZafHost(client).resize(312.4);
    expect(client.calls).toEqual([['invoke', 'resize', { width: '100%', height: '313px' }]]);
  });

  it('registers a save hook that resolves even when the hook fails, and can remove it', async () => {
    const client = new FakeZafClient();
    const off = new ZafHost(client).onTicketSave(() => { throw new Error('boom'); });
    const [handler] = client.handlers.get('ticket.save')!;
    await expect(handler()).resolves.toBe(true);
    off();
    expect(client.handlers.get('ticket.save')).toEqual([]);
  });

  it('listens for conversation changes', () => {
    const client = new FakeZafClient();
    let seen = 0;
    new ZafHost(client).onConversationChanged(() => seen++);
    client.handlers.get('ticket.conversation.changed')!.forEach((h) => h());
    expect(seen).toBe(1);
  });

  it('passes helpdesk API calls to client.request', async () => {
    const client = new FakeZafClient();
    await new ZafHost(client).request({ url: '/api/v2/users/me.json' });
    expect(client.calls).toEqual([['request', { url: '/api/v2/users/me.json', type: 'GET', headers: undefined, data: undefined, contentType: undefined }]]);
  });
});
