// The helpdesk switch of the browser run (run.mjs): the preview is switched to the Freshdesk demo (Spokewise, on the
// in-process fake Freshdesk); its tickets and agents replace Lumora's, and a Spokewise ticket opens in the sidebar with
// a session for the Freshdesk demo tenant — started from the agent as the fake's agents API reports it, since
// Freshdesk signs no page loads — and gets its summary and articles. The backend records the display for that tenant.
// Afterwards the preview is back on the Zendesk demo, as the scenarios that follow expect.
import { join } from 'node:path';
import { axeScan, sidebarFrame } from './axe.mjs';
import { check, poll, shots, sleep, sql } from './harness.mjs';

const TENANT = 'demo-freshdesk';
// "Bike wouldn't unlock at Westerpark": English, and Spokewise's solutions have an article for it.
const TICKET = '102';

/** The claims of a session token (its payload, unverified: the backend verified it). */
const claims = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

/** Waits for the sidebar frame of `ticket` on the Freshdesk demo (not a frame of the Zendesk one still unloading). */
async function frameOf(page, ticket) {
  await page.waitForFunction((t) => {
    const doc = document.getElementById('sidebar')?.contentDocument;
    const href = doc?.location.href ?? '';
    return href.includes('helpdesk=freshdesk') && href.includes(`ticket=${t}`) && doc.readyState !== 'loading';
  }, ticket, { timeout: 60_000 });
}

export async function freshdeskDemo({ page, sidebar, backend, step }) {
  const options = await page.locator('#helpdesk-picker option').evaluateAll((o) => o.map((x) => [x.value, x.textContent]));
  check(JSON.stringify(options) === JSON.stringify([['zendesk', 'Zendesk demo: Lumora Home'], ['freshdesk', 'Freshdesk demo: Spokewise']]),
    `the helpdesk switch offers ${JSON.stringify(options)}`);
  const listed = (await (await fetch(`${backend.base}/preview/api/tickets?helpdesk=freshdesk`)).json()).map((t) => String(t.id));
  check(listed.includes(TICKET), `the Freshdesk demo lists no ticket ${TICKET}`);
  try {
    await page.selectOption('#helpdesk-picker', 'freshdesk');
    await page.getByText("A stand-in for Freshdesk's agent workspace, with demo data (Spokewise).").waitFor();
    check(new URL(page.url()).searchParams.get('helpdesk') === 'freshdesk', 'the page address does not keep the chosen helpdesk');
    await page.waitForFunction((n) => document.querySelectorAll('#ticket-picker option').length === n, listed.length);
    const agents = await page.locator('#agent-picker option').evaluateAll((o) => o.map((x) => x.textContent));
    check(agents.includes('Ana Lima (agent)') && !agents.some((a) => a.startsWith('Tomás Ribeiro')), `the agents are not Spokewise's: ${agents.join(', ')}`);
    await page.selectOption('#agent-picker', { label: 'Ana Lima (agent)' });
    const agent = await page.locator('#agent-picker').inputValue();
    const shownBefore = Number(sql(backend.db, `SELECT count(*) FROM suggestions WHERE tenant = '${TENANT}' AND ticket_id = ${TICKET} AND kind = 'summary' AND agent_id = '${agent}';`));

    await page.selectOption('#ticket-picker', TICKET);
    await frameOf(page, TICKET);
    await page.locator('#ticket-subject').filter({ hasText: `#${TICKET} Bike wouldn't unlock at Westerpark` }).waitFor();
    const session = await sidebar.locator('meta[name="copilot-session"]').getAttribute('content');
    const who = claims(session);
    check(who.aud === TENANT && who.sub === agent && who.role === 'agent', `the sidebar's session is not Ana's on the Freshdesk demo: ${JSON.stringify(who)}`);

    const summary = sidebar.locator('section[aria-labelledby="summary-h"]');
    await sidebar.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 60_000 });
    const text = (await summary.innerText()).replace(/\s+/g, ' ');
    check(/Customer wants.*Westerpark/.test(text), `the summary does not say what the rider wants: ${text}`);
    await sidebar.getByRole('heading', { name: 'Articles' }).waitFor();
    const links = await sidebar.getByRole('button', { name: /^Insert link to / }).evaluateAll((b) => b.map((x) => x.getAttribute('aria-label') ?? x.textContent));
    check(links.length > 0, 'no Spokewise article is offered');
    step(`Freshdesk demo: ticket #${TICKET} summarised for ${who.name}; articles: ${links.slice(0, 3).join('; ')}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'preview-freshdesk.png') });
    step(`axe: ${JSON.stringify(await axeScan(await sidebarFrame(page), 'assist, Freshdesk demo'))}`);

    const shown = await poll(() => Number(sql(backend.db, `SELECT count(*) FROM suggestions WHERE tenant = '${TENANT}' AND ticket_id = ${TICKET} AND kind = 'summary' AND agent_id = '${agent}';`)),
      (n) => n !== shownBefore);
    check(shown === shownBefore + 1, `the displayed summary was recorded ${shown - shownBefore} times for ${TENANT}, not once`);
  } finally {
    await page.selectOption('#helpdesk-picker', 'zendesk');
    await page.getByText("A stand-in for Zendesk's agent workspace, with demo data (Lumora Home).").waitFor();
    // The Spokewise sidebar may still be in the frame for a moment: wait for one whose session is the Zendesk demo's.
    for (let i = 0; i < 600 && (await sessionTenant(sidebar)) !== 'demo'; i++) await sleep(100);
    check((await sessionTenant(sidebar)) === 'demo', 'the sidebar did not come back to the Zendesk demo');
    await sidebar.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 60_000 });
  }
}

/** The tenant the sidebar's session is for (its token's audience), or null while none is there. */
async function sessionTenant(sidebar) {
  const token = await sidebar.locator('meta[name="copilot-session"]').getAttribute('content', { timeout: 1_000 }).catch(() => null);
  if (!token) return null;
  try {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).aud ?? null;
  } catch {
    return null;
  }
}
