// The Freshdesk sidebar — the Freshworks app as packaged (dist-freshworks/copilot-freshworks-app.zip) — in Debian's
// Chromium against the REAL backend in demo mode (`dotnet run`, no tenant: the fake Freshdesk with Spokewise is tenant
// "demo-freshdesk"). A stand-in for Freshworks (freshworks-host.mjs) gives the app's frame a client as
// `app.initialized()` does, Spokewise's ticket and agent as Freshdesk's data objects, and fills the package's own
// request templates (config/requests.json) with the installation parameters an admin would enter (the backend's
// host, the tenant id, the demo tenant's secret) as Freshworks' proxy does. The backend checks each agent id with the
// fake Freshdesk's agents API. Each flow is checked in the backend's SQLite store:
//   1. an English agent opens a Spokewise ticket: summary and articles in Crayons; the display recorded once for the
//      tenant and that agent
//   2. Draft: the whole draft (a request template cannot stream: docs/freshworks.md), signed with the agent's
//      Freshdesk name; Insert → setValue on the editor; the agent edits and sends (the intercepted ticket.sendReply)
//      → one "edited" row with the text sent, for that agent
//   3. thumbs down with a reason on another ticket's draft → one "rejected" row with that reason
//   4. an agent whose Freshdesk language is German sees the sidebar in German
//   5. a contact's id as the signed-in user → refused (403): the sidebar says Copilot is not available to them and to ask
//      their admin, with no retry that cannot help; nothing recorded
// axe-core scans every state. Screenshots to artifacts/screenshots/freshworks-*.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { axeScan, sidebarFrame } from './axe.mjs';
import { agentNamed, proxyTemplates, spokewise, startFreshdesk, TENANT } from './freshworks-host.mjs';
import { appDir, Backend, check, CHROMIUM, freePort, launchChromium, poll, repo, shots, sleep, sql } from './harness.mjs';

const ZIP = join(appDir, 'dist-freshworks', 'copilot-freshworks-app.zip');
// Spokewise: 101 (an overcharged ride) and 110, English and not handed to a human; 103 is in German.
const TICKETS = { main: 101, reject: 110, german: 103 };
const AGENT = agentNamed('Grace Mensah'); // Freshdesk language en
const GERMAN = agentNamed('Jonas Krüger'); // Freshdesk language de
const CONTACT = spokewise.contacts.find((c) => c.id === spokewise.tickets.find((t) => t.id === TICKETS.main).requester_id);
const ADDED = ' I have also refunded the ride.';
const cleanups = [];
const step = (msg) => console.log(`freshworks: ${msg}`);
/** The text of editor HTML, without its markup and whitespace (the app makes paragraphs of lines). */
const bare = (html) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, '');

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!existsSync(join(appDir, 'dist', 'sidebar.html')) && spawnSync('npm', ['run', 'build'], { cwd: appDir, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  if (!existsSync(ZIP) && spawnSync('npm', ['run', 'package:freshworks'], { cwd: appDir, stdio: 'inherit' }).status !== 0) throw new Error('npm run package:freshworks failed');
  step('building the backend');
  if (spawnSync('dotnet', ['build', join(repo, 'src/Copilot.Api'), '-v', 'q', '--nologo'], { cwd: repo, stdio: 'inherit' }).status !== 0) throw new Error('dotnet build failed');
  mkdirSync(shots, { recursive: true });
  const files = unzipSync(readFileSync(ZIP));
  const requests = JSON.parse(new TextDecoder().decode(files['config/requests.json']));
  const work = mkdtempSync(join(tmpdir(), 'copilot-freshworks-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const backend = new Backend(await freePort(), join(work, 'copilot.db'));
  cleanups.push(() => backend.stop());
  step(`starting the backend (demo mode) on ${backend.base}`);
  await backend.start();
  const db = backend.db;
  const freshdesk = await startFreshdesk(files);
  cleanups.push(freshdesk.close);
  const browser = await launchChromium(join(work, 'chromium'));
  cleanups.push(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  const calls = await proxyTemplates(page, requests, backend.base);
  const sidebar = page.frameLocator('#sidebar');
  const open = (ticket, user) => page.goto(`${freshdesk.url}/workspace?ticket=${ticket}&user=${user}`);
  const where = (ticket, agent, kind) => `tenant = '${TENANT}' AND ticket_id = ${ticket} AND agent_id = '${agent}' AND kind = '${kind}'`;
  const count = (query) => Number(sql(db, `SELECT count(*) FROM ${query};`));

  // 1. Open a ticket: the backend's summary and articles, the display recorded once.
  const shownBefore = count(`suggestions WHERE ${where(TICKETS.main, AGENT.id, 'summary')} AND assist_id IS NOT NULL`);
  await open(TICKETS.main, AGENT.id);
  await sidebar.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 60_000 });
  await sidebar.getByRole('heading', { name: 'Articles' }).waitFor();
  await sidebar.getByText('Offline mode').waitFor();
  const assist = JSON.parse(calls.find((c) => c.name === 'copilotAssist').answer.response);
  const summary = (await sidebar.locator('section[aria-labelledby="summary-h"]').innerText()).replace(/\s+/g, ' ');
  check(summary.includes(assist.summary.customerWants.replace(/\s+/g, ' ').slice(0, 40)), `the summary shown is not the backend's: ${summary}`);
  await sidebar.getByRole('button', { name: `Insert link to ${assist.articles[0].title}` }).waitFor();
  const links = await sidebar.locator('section[aria-labelledby="article-h"] li strong').allInnerTexts();
  check(JSON.stringify(links) === JSON.stringify(assist.articles.map((a) => a.title)), `the articles shown are not the backend's: ${links.join('; ')}`);
  const frame = await sidebarFrame(page);
  check(await frame.locator('fw-button').count() > 0, 'no Crayons button in the Freshworks build');
  check(await frame.locator('[class*="StyledButton"]').count() === 0, 'a Garden button in the Freshworks build');
  const shown = await poll(() => count(`suggestions WHERE ${where(TICKETS.main, AGENT.id, 'summary')} AND assist_id IS NOT NULL`), (n) => n !== shownBefore);
  await sleep(500); // a second report would land by now
  check(shown === shownBefore + 1 && count(`suggestions WHERE ${where(TICKETS.main, AGENT.id, 'summary')} AND assist_id IS NOT NULL`) === shown,
    `the displayed summary was recorded ${shown - shownBefore} times for ${TENANT} and agent ${AGENT.id}, not once`);
  const names = [...new Set(calls.map((c) => c.name))];
  check(names[0] === 'copilotAssist' && names.includes('copilotShown') && calls.every((c) => c.status < 300), `template calls: ${calls.map((c) => `${c.name} ${c.status}`).join(', ')}`);
  await page.screenshot({ path: join(shots, 'freshworks-01-assist.png') });
  step(`ticket #${TICKETS.main} for ${AGENT.name}: the backend's summary and ${links.length} articles in Crayons; the display recorded once for ${TENANT}/${AGENT.id} (templates: ${names.join(', ')})`);
  step(`axe: ${JSON.stringify(await axeScan(frame, 'assist'))}`);

  // 2. Draft (whole), signed with the agent's Freshdesk name; insert; edit; send → "edited".
  await sidebar.getByRole('button', { name: 'Draft reply' }).click();
  await sidebar.getByRole('button', { name: 'Insert', exact: true }).waitFor({ timeout: 60_000 });
  const draftCall = calls.findLast((c) => c.name === 'copilotDraft');
  check(draftCall.request.headers.Accept === 'application/json' && draftCall.answer.headers['content-type'].startsWith('application/json'), 'the draft did not come whole, as JSON');
  const draft = JSON.parse(draftCall.answer.response);
  const drafted = (await sidebar.getByLabel('Draft text').textContent()) ?? '';
  check(drafted.replace(/\s+/g, ' ').trim() === draft.text.replace(/\s+/g, ' ').trim(), `the draft shown is not the backend's: ${drafted}`);
  check(JSON.parse(draftCall.body).agentName === AGENT.name, `the draft request did not carry the agent's Freshdesk name: ${draftCall.body}`);
  const signature = draft.text.trimEnd().split('\n').slice(-3).map((l) => l.trim());
  check(signature.some((l) => l === AGENT.name || l === AGENT.name.split(' ')[0]), `the draft is not signed by ${AGENT.name}: …${JSON.stringify(draft.text.slice(-60))}`);
  check(sql(db, `SELECT agent_id FROM suggestions WHERE id = '${draft.suggestionId}' AND tenant = '${TENANT}' AND kind = 'draft';`) === String(AGENT.id), 'the draft was not recorded for the tenant and agent');
  step(`draft ${draft.suggestionId} whole (application/json), signed "${signature.at(-1)}"`);
  step(`axe: ${JSON.stringify(await axeScan(frame, 'draft'))}`);

  await sidebar.getByRole('button', { name: 'Insert', exact: true }).click();
  // A draft with a flag that needs a look (a promise) asks for a confirmation first.
  const confirm = sidebar.getByRole('button', { name: 'Confirm and insert' });
  const inBox = page.waitForFunction(() => (document.getElementById('reply-box')?.textContent ?? '').trim().length > 0);
  if (await Promise.race([inBox.then(() => false), confirm.waitFor().then(() => true)])) {
    await confirm.click();
    step('the draft has a flag: Insert asked for a confirmation');
  }
  await inBox;
  const inserted = await page.evaluate(() => window.fwCalls.filter((c) => c.action === 'setValue' && c.options.id === 'editor'));
  check(inserted.length === 1 && bare(inserted[0].options.text) === draft.text.replace(/\s+/g, '') && inserted[0].options.replace === false, `setValue on the editor: ${JSON.stringify(inserted)}`);
  step('Insert put the draft into the reply editor with setValue');

  await page.locator('#reply-box').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(ADDED);
  const sent = (await page.locator('#reply-box').innerText()).trim();
  await page.locator('#send').click();
  await page.getByText('Reply sent').waitFor();
  const edited = await poll(() => sql(db, `SELECT outcome, agent_id, final_text FROM feedback WHERE suggestion_id = '${draft.suggestionId}';`));
  await sleep(500);
  const [outcome, who, finalText] = edited.split('|');
  check(count(`feedback WHERE suggestion_id = '${draft.suggestionId}'`) === 1 && outcome === 'edited' && who === String(AGENT.id), `expected one "edited" row by ${AGENT.id}, got ${edited}`);
  check(finalText?.replace(/\s+/g, ' ').trim() === sent.replace(/\s+/g, ' ') && finalText.trimEnd().endsWith(ADDED.trim()), `the stored text is not the one sent: ${JSON.stringify(finalText)}`);
  await page.screenshot({ path: join(shots, 'freshworks-02-sent.png') });
  step(`edited and sent (the intercepted ticket.sendReply): one "edited" row by ${who} with the text sent`);
  step(`axe: ${JSON.stringify(await axeScan(frame, 'sent'))}`);

  // 3. Thumbs down with a reason → "rejected".
  await open(TICKETS.reject, AGENT.id);
  await sidebar.getByRole('button', { name: 'Draft reply' }).click({ timeout: 60_000 });
  const rate = sidebar.getByRole('group', { name: 'Rate this draft' });
  await rate.getByRole('button', { name: /Not helpful/ }).click({ timeout: 60_000 });
  const rejectedId = JSON.parse(calls.findLast((c) => c.name === 'copilotDraft').answer.response).suggestionId;
  step(`axe: ${JSON.stringify(await axeScan(await sidebarFrame(page), 'reasons'))}`);
  await sidebar.getByRole('button', { name: 'Wrong tone' }).click();
  await sidebar.getByText('Feedback saved. Thank you.').waitFor();
  const rejected = await poll(() => sql(db, `SELECT outcome, reason, agent_id FROM feedback WHERE suggestion_id = '${rejectedId}';`));
  check(rejected === `rejected|wrong-tone|${AGENT.id}` && count(`feedback WHERE suggestion_id = '${rejectedId}'`) === 1, `expected one "rejected|wrong-tone|${AGENT.id}" row, got ${rejected}`);
  step(`ticket #${TICKETS.reject}: thumbs down → Wrong tone → one row "${rejected}"`);

  // 4. An agent whose Freshdesk language is German.
  await open(TICKETS.german, GERMAN.id);
  await sidebar.getByRole('heading', { name: 'Zusammenfassung' }).waitFor({ timeout: 60_000 });
  await sidebar.getByRole('button', { name: 'Antwort entwerfen' }).waitFor();
  check(await (await sidebarFrame(page)).evaluate(() => document.documentElement.lang) === 'de', '<html lang> does not follow the agent');
  await page.screenshot({ path: join(shots, 'freshworks-03-de.png') });
  step(`${GERMAN.name} (Freshdesk language ${GERMAN.language}) gets the sidebar in German`);
  step(`axe: ${JSON.stringify(await axeScan(await sidebarFrame(page), 'German'))}`);

  // 5. A contact's id as the signed-in user: the backend's problem, nothing recorded.
  const before = count(`suggestions WHERE tenant = '${TENANT}' AND agent_id = '${CONTACT.id}'`);
  await open(TICKETS.main, CONTACT.id);
  await sidebar.getByText('Copilot is not available to you').waitFor({ timeout: 60_000 });
  await sidebar.getByText('Your helpdesk account may not use Copilot.', { exact: false }).waitFor();
  check(await sidebar.getByRole('button', { name: 'Try again' }).count() === 0, 'a refused user is offered a retry that cannot help');
  const refused = calls.findLast((c) => c.name === 'copilotAssist');
  check(refused.context.agent_id === String(CONTACT.id) && refused.status === 403, `the contact's call was answered ${refused.status}`);
  check(before === 0 && count(`suggestions WHERE tenant = '${TENANT}' AND agent_id = '${CONTACT.id}'`) === 0, 'something was recorded for a contact');
  await page.screenshot({ path: join(shots, 'freshworks-04-not-an-agent.png') });
  step(`contact ${CONTACT.name} (${CONTACT.id}) as the signed-in user: refused (403), told to ask their admin, no retry, nothing recorded`);
  step(`axe: ${JSON.stringify(await axeScan(await sidebarFrame(page), 'not an agent'))}`);
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
