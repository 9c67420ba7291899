import { describe, expect, it } from 'vitest';
import { readSse, SseParser } from '../src/lib/api/sse';

const stream = 'event: sources\ndata: [{"sourceId":"4400001","title":"Bridge setup"}]\n\n'
  + 'event: delta\ndata: {"text":"Hi "}\n\n'
  + ': keep-alive\n\n'
  + 'event: delta\r\ndata: {"text":"Anna"}\r\n\r\n'
  + 'event: done\ndata: {"suggestionId":"s1",\ndata: "citations":[]}\n\n';

function parseInChunks(text: string, size: number) {
  const parser = new SseParser();
  const events = [];
  for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
  return events;
}

describe('SSE parser', () => {
  it('reads every event of a whole stream', () => {
    const events = new SseParser().push(stream);
    expect(events.map((e) => e.event)).toEqual(['sources', 'delta', 'delta', 'done']);
    expect(JSON.parse(events[3].data)).toEqual({ suggestionId: 's1', citations: [] });
  });

  it('gives the same events whatever the chunk boundaries, even mid-line and mid-CRLF', () => {
    const whole = new SseParser().push(stream);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) {
      expect(parseInChunks(stream, size)).toEqual(whole);
    }
  });

  it('holds back an event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: delta\ndata: {"text":"Hi"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'delta', data: '{"text":"Hi"}', id: undefined }]);
  });

  it('decodes a byte stream split inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"Grüße"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1;
    const body = new ReadableStream<Uint8Array>({
      start(c) { c.enqueue(bytes.slice(0, cut)); c.enqueue(bytes.slice(cut)); c.close(); },
    });
    const seen: string[] = [];
    await readSse(body, (e) => seen.push(JSON.parse(e.data).text));
    expect(seen).toEqual(['Grüße']);
  });
});
