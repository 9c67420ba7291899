import { describe, expect, it } from 'vitest';
import { PreviewHost } from '../src/lib/host/preview-host';
import { PREVIEW_SOURCE, SIDEBAR_SOURCE } from '../src/lib/host/preview-protocol';

const ORIGIN = 'http://127.0.0.1:5000';

function setup() {
  const posted: { message: any; origin: string }[] = [];
  let listener: (e: MessageEvent) => void = () => {};
  const host = new PreviewHost(
    { postMessage: (message, origin) => posted.push({ message, origin }) },
    ORIGIN,
    { addEventListener: ((_: string, l: (e: MessageEvent) => void) => { listener = l; }) as Window['addEventListener'] },
  );
  const deliver = (data: unknown, origin = ORIGIN) => listener({ data, origin } as MessageEvent);
  return { host, posted, deliver };
}

describe('PreviewHost', () => {
  it('asks the preview page and resolves with its answer', async () => {
    const { host, posted, deliver } = setup();
    const ticket = host.getTicket();
    expect(posted[0]).toEqual({ message: { source: SIDEBAR_SOURCE, id: 1, method: 'getTicket', args: [] }, origin: ORIGIN });
    deliver({ source: PREVIEW_SOURCE, replyTo: 1, result: { id: 101, subject: 'S', requester: { name: 'A', email: null, locale: null } } });
    await expect(ticket).resolves.toMatchObject({ id: 101 });
  });

  it('ignores answers from another origin', async () => {
    const { host, deliver } = setup();
    const text = host.getCommentText();
    deliver({ source: PREVIEW_SOURCE, replyTo: 1, result: 'forged' }, 'http://evil.example');
    deliver({ source: PREVIEW_SOURCE, replyTo: 1, result: '<p>real</p>' });
    await expect(text).resolves.toBe('<p>real</p>');
  });

  it('runs the save hooks and then tells the page the save may go on', async () => {
    const { host, posted, deliver } = setup();
    let ran = false;
    host.onTicketSave(async () => { ran = true; });
    host.onTicketSave(() => { throw new Error('a failing hook does not block the save'); });
    deliver({ source: PREVIEW_SOURCE, event: 'ticket.save', id: 7 });
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toBe(true);
    expect(posted.at(-1)).toEqual({ message: { source: SIDEBAR_SOURCE, replyTo: 7 }, origin: ORIGIN });
  });
});
