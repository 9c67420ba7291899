// Serves the built app like the backend does, with the backend's API answered from fixtures
// in the shapes of docs/api.md: lets the browser run exercise the app's own logic (streamed
// draft, insert, edit, save hook, feedback) without the real backend. 127.0.0.1 only.
// Calls carry our session (Bearer); each API call's headers are kept in `calls` for the test to read.
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };

function fakeSession() {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'urn:copilot:sidebar-session', aud: 'demo', sub: '2001', exp: Math.floor(Date.now() / 1000) + 1800 })}.c2ln`;
}

export const fixtures = {
  agents: [{ id: '2001', name: 'Tomás Ribeiro', role: 'agent' }],
  tickets: [
    { id: 101, subject: 'Hallway bulb strobing on night light setting', status: 'open', updatedAt: '2026-09-04T08:00:00Z' },
    { id: 117, subject: 'Charged twice for my Bridge order', status: 'open', updatedAt: '2026-09-05T08:00:00Z' },
  ],
  thread: (id) => ({
    ticket: { id, subject: id === 117 ? 'Charged twice for my Bridge order' : 'Hallway bulb strobing on night light setting', status: 'open', requester: { name: 'Emily Carter', email: 'emily@example.com', locale: 'en-US' } },
    comments: [{ id: 5001011, author: 'Emily Carter', role: 'customer', public: true, text: 'The hallway bulb flickers at 3% brightness. My bank also shows two charges; I will file a chargeback if this is not fixed.', createdAt: '2026-09-03T19:42:00Z' }],
  }),
  assist: (id) => ({
    ticketId: id,
    assistId: `as-${id}`,
    summary: { customerWants: 'A working hallway bulb and one of the two charges refunded.', tried: 'Restarted the bulb; checked the app.', status: 'Waiting on us', nextStep: 'Check the firmware, then pass the double charge to billing.' },
    articles: [{ sourceId: '4400007', title: 'Bulbs flicker at low brightness', url: 'https://lumora.zendesk.com/hc/articles/4400007', passage: 'Firmware 2.8.1 can flicker below 5%; update to 2.8.3.', score: 7.3 }],
    macros: [{ sourceId: '900004', title: 'Firmware::Update a bulb', passage: 'Open the bulb in the app, then Settings > Firmware > Check for updates.', score: 5.1 }],
    similarTickets: [{ sourceId: '88', title: 'Bulb strobes in night mode', url: 'https://lumora.zendesk.com/agent/tickets/88', passage: 'Solved by the 2.8.3 firmware update.', score: 4.2 }],
    matches: { articles: 'found', macros: 'found', similarTickets: 'found' },
    language: { code: 'en', confidence: 0.98 },
    warnings: id === 117
      ? [{ ruleId: 'legal-threat', name: 'Legal threat', action: 'handoff', evidence: '…my lawyer will contact you…', commentId: 5001171 },
        { ruleId: 'billing-dispute', name: 'Billing dispute', action: 'caution', evidence: '…charged twice…', commentId: 5001171 }]
      : [{ ruleId: 'billing-dispute', name: 'Billing dispute', action: 'caution', evidence: '…I will file a chargeback if…', commentId: 5001011 }],
    handoff: id === 117,
    provider: { name: 'offline', offline: true, modelAvailable: false },
    cached: false,
    latestCommentId: 5001011,
    generatedAt: new Date().toISOString(),
  }),
  // A long link and a long German compound: both must wrap inside the frame.
  draftWords: 'Hi Emily, thanks for the clear description. Flickering at very low brightness comes from bulb firmware 2.8.1; please update to 2.8.3 in the app under Settings > Firmware. Anleitung: https://lumora.zendesk.com/hc/de/articles/4400007-Gluehbirnen-flackern-bei-niedriger-Helligkeit-Firmwareaktualisierung-Schritt-fuer-Schritt (Firmwareaktualisierungsanleitungsuebersichtsseite). I have also asked billing to look at the double charge; you will hear from them by Friday. Best regards, Tomás'.split(' '),
  // The guardrail findings of docs/api.md: a promise no source backs (the sidebar asks to confirm it) and a removed link.
  draftFlags: [
    { code: 'unbacked-promise', kind: 'date', span: 'by Friday', reason: 'Promises a date no cited source backs: "by Friday". Check before sending.' },
    { code: 'link-removed', kind: null, span: 'https://pay.example/now', reason: 'Link https://pay.example/now is not in the sources and was removed.' },
  ],
};

export async function startMockBackend(dist, { rewrite = true } = {}) {
  const calls = [];
  const feedback = [];
  const shown = [];
  const drafts = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname;
    const json = (status, body, type = 'application/json') => { res.writeHead(status, { 'Content-Type': type }); res.end(JSON.stringify(body)); };
    const body = async () => { let s = ''; for await (const c of req) s += c; return s ? JSON.parse(s) : {}; };
    const page = (file, session = '', host = '') => {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
      res.end(readFileSync(join(dist, file), 'utf8').replace('%COPILOT_SESSION%', session).replace('%COPILOT_HOST%', host));
    };
    let m;
    if (path === '/preview' || path === '/preview/') return page('preview.html');
    if (path === '/preview/sidebar') return page('sidebar.html', fakeSession(), 'preview');
    if (path === '/preview/api/agents') return json(200, fixtures.agents);
    if (path === '/preview/api/tickets') return json(200, fixtures.tickets);
    if ((m = path.match(/^\/preview\/api\/tickets\/(\d+)$/))) return json(200, fixtures.thread(Number(m[1])));
    if (path.startsWith('/app/')) {
      const file = normalize(join(dist, path.slice(5)));
      if (!file.startsWith(dist) || !existsSync(file)) return json(404, { title: 'No such file', status: 404 }, 'application/problem+json');
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      return res.end(readFileSync(file));
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) return json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json');
    calls.push({ method: req.method, path: req.url, headers: { ...req.headers } });
    if ((m = path.match(/^\/api\/tickets\/(\d+)\/assist$/))) return json(200, fixtures.assist(Number(m[1])));
    if ((m = path.match(/^\/api\/tickets\/(\d+)\/assist\/([^/]+)\/shown$/)) && req.method === 'POST') {
      // The backend's contract (docs/api.md): one id per displayed kind, the same ids for the same assist.
      const { kinds } = await body();
      shown.push({ assistId: m[2], kinds });
      const ids = { summary: 'sum-1', articles: 'art-1', macros: 'mac-1', 'similar-tickets': 'sim-1' };
      const key = { 'similar-tickets': 'similarTickets' };
      return json(200, Object.fromEntries(kinds.map((k) => [key[k] ?? k, ids[k]])));
    }
    if ((m = path.match(/^\/api\/tickets\/(\d+)\/macros\/(\d+)\/preview$/))) {
      return json(200, { macroId: Number(m[2]), comment: 'Hi Emily, open the bulb in the app, then Settings > Firmware > Check for updates.', commentPublic: true,
        changes: [{ field: 'status', from: 'open', to: 'pending' }], tagsAdded: ['firmware'], tagsRemoved: [] });
    }
    if ((m = path.match(/^\/api\/tickets\/(\d+)\/draft$/)) && req.method === 'POST') {
      drafts.push(await body());
      const done = { status: 'drafted', suggestionId: 'draft-1', language: 'en', warnings: [], citations: [{ sourceId: '4400007', kind: 'article', title: 'Bulbs flicker at low brightness' }], usage: { outputTokens: 48 }, flags: fixtures.draftFlags.map((f) => f.reason), flagDetails: fixtures.draftFlags, provider: { name: 'offline', offline: true, modelAvailable: false }, label: 'Draft written offline from your knowledge base (no AI model connected). Review before sending.' };
      // As the backend: a stream only for a caller that takes one (a Freshworks request template cannot).
      if (!(req.headers.accept ?? '').includes('text/event-stream')) return json(200, { ...done, text: fixtures.draftWords.join(' ') });
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(`event: sources\ndata: ${JSON.stringify([{ sourceId: '4400007', kind: 'article', title: 'Bulbs flicker at low brightness', url: 'https://lumora.zendesk.com/hc/articles/4400007' }])}\n\n`);
      for (const [i, w] of fixtures.draftWords.entries()) {
        // Events cut across writes on purpose, as proxies do.
        const event = `event: delta\ndata: ${JSON.stringify({ text: (i ? ' ' : '') + w })}\n\n`;
        res.write(event.slice(0, 9)); res.write(event.slice(9));
        await new Promise((r) => setTimeout(r, 15));
      }
      res.end(`event: done\ndata: ${JSON.stringify(done)}\n\n`);
      return;
    }
    if (path === '/api/rewrite' && req.method === 'POST') {
      if (!rewrite) return json(404, { title: 'Not Found', status: 404 }, 'application/problem+json');
      const { action, text } = await body();
      // The wire shape of the offline provider (docs/api.md): shorten changes the text, other actions change nothing here.
      const changed = action === 'shorten';
      return json(200, {
        text: changed ? text.split('. ')[0] + '.' : text, suggestionId: changed ? 'rewrite-1' : null, changed,
        edits: changed ? ['Removed filler'] : [], flags: [], usage: null,
        note: 'Shortened offline by rules.', provider: { name: 'offline', offline: true, modelAvailable: false },
      });
    }
    if ((m = path.match(/^\/api\/suggestions\/([^/]+)\/feedback$/)) && req.method === 'POST') {
      const event = { suggestionId: decodeURIComponent(m[1]), ...(await body()) };
      const duplicate = feedback.some((f) => f.eventId === event.eventId);
      if (!duplicate) feedback.push(event);
      return json(duplicate ? 200 : 201, { eventId: event.eventId, suggestionId: event.suggestionId, outcome: event.outcome, duplicate });
    }
    return json(404, { title: 'Not Found', status: 404 }, 'application/problem+json');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, calls, feedback, shown, drafts, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}
