// The Freshdesk sidebar — the Freshworks app as packaged (dist-freshworks/copilot-freshworks-app.zip) — in Chromium
// under a stand-in for Freshworks: a ticket page (freshworks/workspace.*) gives the app's frame a client as
// `app.initialized()` does (freshworks/appclient.js), and the app's request templates, from the package's own
// config/requests.json, are filled with test installation parameters and sent to the fixture backend
// (mock-backend.mjs) as Freshworks' proxy would send them. The Freshdesk backend tenant is not wired yet, so the
// answers are fixtures. Flows as the Zendesk run's: summary, draft (whole: a request template cannot stream),
// insert (setValue on the editor), edit, Send → an "edited" feedback event for the agent; an axe-core scan in each
// state; the agent's Freshdesk language. Screenshots to artifacts/screenshots/freshworks-*.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { requestOf } from '../scripts/freshworks/templates.mjs';
import { axeScan, sidebarFrame } from './axe.mjs';
import { appDir, CHROMIUM, launchChromium, shots } from './harness.mjs';
import { FRESHWORKS_SECRET, fixtures, startMockBackend } from './mock-backend.mjs';

const ZIP = join(appDir, 'dist-freshworks', 'copilot-freshworks-app.zip');
const IPARAMS = { backend_host: 'copilot.test', tenant_id: 'demo', shared_secret: FRESHWORKS_SECRET };
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml' };
const cleanups = [];
const step = (msg) => console.log(`freshworks: ${msg}`);
const text = (bytes) => new TextDecoder().decode(bytes);
/** The text of the editor HTML the app inserted (one paragraph). */
const plain = (html) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Serves the ticket page, the stand-in client and the package's app/ files ({{{appclient}}} made the stand-in). 127.0.0.1 only. */
async function startFreshdesk(files) {
  const own = (name) => readFileSync(new URL(`./freshworks/${name}`, import.meta.url));
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const send = (type, body) => { res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }); res.end(body); };
    if (path === '/workspace') return send(TYPES['.html'], own('workspace.html'));
    if (path === '/workspace.js') return send(TYPES['.js'], own('workspace.js'));
    if (path === '/fake-appclient.js') return send(TYPES['.js'], own('appclient.js'));
    const file = files[path.slice(1)];
    if (!path.startsWith('/app/') || !file) { res.writeHead(404); return res.end(); }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    return send(type, path.endsWith('.html') ? text(file).replaceAll('{{{appclient}}}', '/fake-appclient.js') : file);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

const until = async (what, ok, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!existsSync(ZIP) && spawnSync('npm', ['run', 'package:freshworks'], { cwd: appDir, stdio: 'inherit' }).status !== 0) throw new Error('npm run package:freshworks failed');
  mkdirSync(shots, { recursive: true });
  const files = unzipSync(readFileSync(ZIP));
  const requests = JSON.parse(text(files['config/requests.json']));
  const backend = await startMockBackend(join(appDir, 'dist'));
  cleanups.push(backend.close);
  const freshdesk = await startFreshdesk(files);
  cleanups.push(freshdesk.close);
  const profile = mkdtempSync(join(tmpdir(), 'copilot-freshworks-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const browser = await launchChromium(profile);
  cleanups.push(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

  // Freshworks' proxy: the package's template, filled with the installation parameters and the call's context,
  // sent to the backend's host (here the fixture backend); a non-2xx answer rejects, as invokeTemplate does.
  const templateCalls = [];
  await page.exposeFunction('copilotInvokeTemplate', async (name, options) => {
    templateCalls.push({ name, options });
    if (!requests[name]) return { ok: false, answer: { status: 400, response: `no request template ${name}` } };
    const { method, url, headers } = requestOf(requests[name], { iparam: IPARAMS, context: options.context ?? {} });
    const response = await fetch(url.replace(`https://${IPARAMS.backend_host}`, backend.url), { method, headers, body: options.body });
    const answer = { status: response.status, headers: Object.fromEntries(response.headers), response: await response.text() };
    return { ok: response.ok, answer };
  });

  await page.goto(`${freshdesk.url}/workspace`);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 30_000 });
  await sidebar.getByText('Offline mode').waitFor();
  await sidebar.getByText('Billing dispute').waitFor();
  await sidebar.getByRole('heading', { name: 'Articles' }).waitFor();
  const frame = await sidebarFrame(page);
  if (await frame.locator('fw-button').count() === 0) throw new Error('no Crayons button in the Freshworks build');
  if (await frame.locator('[class*="StyledButton"]').count() > 0) throw new Error('a Garden button in the Freshworks build');
  await until('the display report', () => templateCalls.some((c) => c.name === 'copilotShown'));
  const names = [...new Set(templateCalls.map((c) => c.name))];
  if (names[0] !== 'copilotAssist' || !names.includes('copilotShown')) throw new Error(`template calls: ${names.join(', ')}`);
  const bad = backend.calls.filter((c) => c.headers['x-copilot-agent'] !== '2001' || c.headers['x-copilot-tenant'] !== 'demo');
  if (backend.calls.length === 0 || bad.length > 0) throw new Error(`backend calls without the agent and tenant: ${JSON.stringify(bad.map((c) => c.path))}`);
  await page.screenshot({ path: join(shots, 'freshworks-01-assist.png') });
  step(`summary, warnings, articles and the offline badge in Crayons; calls by template (${names.join(', ')}), each naming agent 2001 and tenant demo`);
  step(`axe: ${JSON.stringify(await axeScan(frame, 'assist'))}`);

  await sidebar.getByRole('button', { name: 'Draft reply' }).click();
  await sidebar.getByRole('button', { name: 'Insert', exact: true }).waitFor({ timeout: 30_000 });
  const draft = fixtures.draftWords.join(' ');
  if ((await sidebar.getByLabel('Draft text').textContent()) !== draft) throw new Error('the draft shown is not the backend\'s');
  if (backend.drafts.at(-1)?.agentName !== 'Tomás Ribeiro') throw new Error(`the draft was not signed with the Freshdesk agent's name: ${JSON.stringify(backend.drafts)}`);
  const draftCall = backend.calls.find((c) => c.path === '/api/tickets/101/draft');
  if (!draftCall?.headers.accept.startsWith('application/json')) throw new Error('the draft template does not ask for JSON');
  await sidebar.getByText('Promise · date · confirm before inserting').waitFor();
  step('draft written (whole, as a request template answers), signed with the agent\'s Freshdesk name, its flags shown');
  step(`axe: ${JSON.stringify(await axeScan(frame, 'draft'))}`);

  await sidebar.getByRole('button', { name: 'Insert', exact: true }).click();
  await sidebar.getByRole('button', { name: 'Confirm and insert' }).click();
  await page.waitForFunction(() => (document.getElementById('reply-box')?.textContent ?? '').includes('Hi Emily'));
  const inserted = await page.evaluate(() => window.fwCalls.filter((c) => c.action === 'setValue' && c.options.id === 'editor'));
  if (inserted.length !== 1 || plain(inserted[0].options.text) !== draft || inserted[0].options.replace !== false) throw new Error(`setValue on the editor: ${JSON.stringify(inserted)}`);
  step('Insert (after confirming the promise) put the draft into the reply editor with setValue');

  await page.locator('#reply-box').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' I have also sent you a return label.');
  await page.locator('#send').click();
  await page.getByText('Reply sent').waitFor();
  await until('the feedback event', () => backend.feedback.length > 0);
  const event = backend.feedback[0];
  if (backend.feedback.length !== 1 || event.outcome !== 'edited' || event.suggestionId !== 'draft-1' || !event.finalText?.endsWith('I have also sent you a return label.') || !event.eventId) {
    throw new Error(`expected one "edited" feedback event, got ${JSON.stringify(backend.feedback)}`);
  }
  const feedbackCall = backend.calls.find((c) => c.path === '/api/suggestions/draft-1/feedback');
  if (feedbackCall?.headers['x-copilot-agent'] !== '2001') throw new Error('the feedback did not name the agent');
  await page.screenshot({ path: join(shots, 'freshworks-02-sent.png') });
  step(`edited and sent: the intercepted ticket.sendReply gave the reply, feedback ${event.outcome} by agent 2001: "${event.finalText.slice(-40)}"`);

  await sidebar.getByRole('group', { name: 'Rate this draft' }).getByRole('button', { name: /Not helpful/ }).click();
  await sidebar.getByRole('button', { name: 'Wrong tone' }).click();
  await sidebar.getByText('Feedback saved. Thank you.').waitFor();
  step('thumbs down → Wrong tone → "Feedback saved" once the backend has it');

  await page.goto(`${freshdesk.url}/workspace?lang=de`);
  await sidebar.getByRole('heading', { name: 'Zusammenfassung' }).waitFor({ timeout: 30_000 });
  await sidebar.getByRole('button', { name: 'Antwort entwerfen' }).waitFor();
  if (await (await sidebarFrame(page)).evaluate(() => document.documentElement.lang) !== 'de') throw new Error('<html lang> does not follow the agent');
  await page.screenshot({ path: join(shots, 'freshworks-03-de.png') });
  step('an agent whose Freshdesk language is German gets the sidebar in German');
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`freshworks: FAILED: ${e.message}`);
} finally {
  for (const c of cleanups.reverse()) { try { await c(); } catch { /* best effort */ } }
}
console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
process.exit(failed ? 1 : 0);
