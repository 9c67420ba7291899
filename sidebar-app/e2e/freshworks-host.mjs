// Freshworks as the Freshdesk browser test (freshworks.mjs) plays it, around the packaged app: a ticket page
// (freshworks/workspace.*) whose data objects are Spokewise's (the sample account the backend's demo mode serves from
// its fake Freshdesk), and Freshworks' proxy, which fills the package's request templates with the installation
// parameters and the call's context and sends them to the real backend. 127.0.0.1 only.
import { hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { requestOf } from '../scripts/freshworks/templates.mjs';
import { DEMO_SHARED_SECRET, repo } from './harness.mjs';

export const TENANT = 'demo-freshdesk';
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };
const text = (bytes) => new TextDecoder().decode(bytes);

/** The Spokewise sample account, as the fake Freshdesk serves it. */
export const spokewise = JSON.parse(readFileSync(join(repo, 'src/Copilot.Fakes/DemoData/spokewise.json'), 'utf8'));
export const agentNamed = (name) => spokewise.agents.find((a) => a.name === name) ?? (() => { throw new Error(`no Spokewise agent ${name}`); })();

/**
 * The demo tenant's shared secret, derived as demo mode derives it (DemoHelpdesk.SecretFor: HKDF-SHA256 of
 * Copilot:Demo:SharedSecret, no salt, info "copilot demo tenant {id}", 32 bytes, base64), so the installation
 * parameters hold what an admin would paste in. A wrong derivation fails every call with 401.
 */
export const demoSecret = (tenant) => Buffer.from(hkdfSync('sha256', DEMO_SHARED_SECRET, Buffer.alloc(0), `copilot demo tenant ${tenant}`, 32)).toString('base64');

/** Freshdesk's data objects for a ticket page: the ticket, its requester, and the signed-in user (an agent, or whoever the test names). */
function objectsFor(ticketId, userId) {
  const ticket = spokewise.tickets.find((t) => t.id === ticketId);
  const person = (id) => spokewise.agents.find((a) => a.id === id) ?? spokewise.contacts.find((c) => c.id === id);
  const requester = ticket && person(ticket.requester_id);
  const user = person(userId);
  if (!ticket || !requester || !user) return null;
  const { id, subject, requester_id, status, priority } = ticket;
  return {
    ticket: { id, subject, requester_id, status, priority },
    requester: { id: requester.id, name: requester.name, email: requester.email, language: requester.language },
    loggedInUser: { id: user.id, contact: { name: user.name, email: user.email, language: user.language }, signature: null },
  };
}

/**
 * Serves the ticket page (/workspace?ticket=&user=), its data objects, the stand-in client and the package's app/
 * files ({{{appclient}}} made the stand-in).
 */
export async function startFreshdesk(files) {
  const own = (name) => readFileSync(new URL(`./freshworks/${name}`, import.meta.url));
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname;
    const send = (type, body, status = 200) => { res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }); res.end(body); };
    if (path === '/workspace') return send(TYPES['.html'], own('workspace.html'));
    if (path === '/workspace.js') return send(TYPES['.js'], own('workspace.js'));
    if (path === '/fake-appclient.js') return send(TYPES['.js'], own('appclient.js'));
    if (path === '/objects.json') {
      const objects = objectsFor(Number(url.searchParams.get('ticket')), Number(url.searchParams.get('user')));
      return objects ? send(TYPES['.json'], JSON.stringify(objects)) : send(TYPES['.json'], '{}', 404);
    }
    const file = files[path.slice(1)];
    if (!path.startsWith('/app/') || !file) { res.writeHead(404); return res.end(); }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    return send(type, path.endsWith('.html') ? text(file).replaceAll('{{{appclient}}}', '/fake-appclient.js') : file);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

/**
 * Freshworks' proxy for the page (window.copilotInvokeTemplate): the package's template filled with the installation
 * parameters and the call's context, sent to the backend; a non-2xx answer rejects, as invokeTemplate does. The
 * templates say https; the backend here listens on plain http on 127.0.0.1, so only the scheme is changed. Every
 * call is kept in `calls` ({ name, context, request, status, body }).
 */
export async function proxyTemplates(page, requests, backendBase) {
  const iparam = { backend_host: new URL(backendBase).host, tenant_id: TENANT, shared_secret: demoSecret(TENANT) };
  const calls = [];
  await page.exposeFunction('copilotInvokeTemplate', async (name, options) => {
    if (!requests[name]) return { ok: false, answer: { status: 400, response: `no request template ${name}` } };
    const request = requestOf(requests[name], { iparam, context: options.context ?? {} });
    const response = await fetch(request.url.replace(/^https:/, 'http:'), { method: request.method, headers: request.headers, body: options.body });
    const answer = { status: response.status, headers: Object.fromEntries(response.headers), response: await response.text() };
    calls.push({ name, context: options.context ?? {}, request, status: answer.status, body: options.body, answer });
    return { ok: response.ok, answer };
  });
  return calls;
}
