// The exact-ledger scenario of the browser run (run.mjs): on tickets no other scenario touches, the agent opens a
// ticket, applies a macro, opens a similar ticket, applies triage with a changed priority, follows a way forward, judges
// the summary, and sees, confirms and rates a draft that promises what the customer asked for. The analytics API
// (read with the admin key) must then show exactly those events per kind — shown, used as is, edited, rejected —
// and nothing more; a signed comment webhook for the ticket and a reopened sidebar add no "shown" rows.
import { createHmac } from 'node:crypto';
import { ADMIN_KEY, check, poll, sleep, sql, WEBHOOK_SECRET } from './harness.mjs';
import { overrideTriagePriority } from './steps.mjs';

export const KINDS = ['summary', 'draft', 'articles', 'macros', 'similar-tickets', 'handoff', 'procedure', 'rewrite', 'triage', 'answer', 'action'];
export const COUNTS = ['shown', 'accepted', 'edited', 'rejected'];
const PROMISES = ['refund', 'credit', 'discount', 'date', 'exception'];

/** What the sidebar displays of an assist, as it reports it (src/sidebar/displayed.ts, every section open). */
function displayedKinds(a) {
  const s = a.summary;
  return [
    s && (s.customerWants || s.tried || s.status || s.nextStep) ? 'summary' : null,
    a.articles.length > 0 ? 'articles' : null,
    a.macros.length > 0 ? 'macros' : null,
    a.similarTickets.length > 0 ? 'similar-tickets' : null,
    a.warnings.some((w) => w.wayForward) ? 'handoff' : null,
    (a.procedures ?? []).length > 0 ? 'procedure' : null,
  ].filter(Boolean);
}

/** Per kind, the counts the analytics API reports for the demo tenant over a fixed window around today. */
export async function ledger(base) {
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const r = await fetch(`${base}/api/analytics/summary?tenant=demo&groupBy=kind&from=${day(-300)}&to=${day(2)}`, { headers: { 'X-Admin-Key': ADMIN_KEY } });
  check(r.ok, `the analytics API answered ${r.status}`);
  const body = await r.json();
  return Object.fromEntries(KINDS.map((k) => {
    const row = body.rows.find((x) => x.key === k);
    return [k, Object.fromEntries(COUNTS.map((c) => [c, row?.[c] ?? 0]))];
  }));
}

export function delta(after, before) {
  return Object.fromEntries(KINDS.map((k) => [k, Object.fromEntries(COUNTS.map((c) => [c, after[k][c] - before[k][c]]))]));
}

export function expected(events) {
  const e = Object.fromEntries(KINDS.map((k) => [k, Object.fromEntries(COUNTS.map((c) => [c, 0]))]));
  for (const [kind, count] of events) e[kind][count] += 1;
  return e;
}

/** A Zendesk comment webhook for the ticket, signed as Zendesk signs it (HMAC-SHA256 of timestamp + body). */
async function commentWebhook(base, ticket) {
  const body = JSON.stringify({
    type: 'zen:event-type:ticket.comment_added', id: `e2e-${ticket}-${Date.now()}`, time: new Date().toISOString(),
    subject: `zen:ticket:${ticket}`, detail: { id: String(ticket) },
  });
  const timestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const signature = createHmac('sha256', WEBHOOK_SECRET).update(timestamp + body).digest('base64');
  return fetch(`${base}/api/webhooks/zendesk/demo`, {
    method: 'POST', body,
    headers: { 'Content-Type': 'application/json', 'X-Zendesk-Webhook-Signature': signature, 'X-Zendesk-Webhook-Signature-Timestamp': timestamp },
  });
}

/**
 * Tickets no other scenario touches, for three roles: `main` has a summary, macros and similar tickets (no handoff);
 * `way` has a warning with a way forward; `promise` gets an offline draft that promises what the customer asked for
 * (no handoff). One ticket may fill several roles. Tickets are looked at one by one until every role is filled (each
 * one asked about goes into `looked`, so the benchmark leaves it alone); the draft probes run before the ledger is
 * read, so they are not part of what is counted.
 */
async function chooseLedgerTickets(base, session, taken, looked) {
  const auth = { Authorization: `Bearer ${session}` };
  const listed = (await (await fetch(`${base}/preview/api/tickets`)).json()).map((t) => String(t.id)).filter((t) => !taken.has(t));
  // Customers who ask for their money back first: their drafts are the likeliest to promise it.
  const asks = (await Promise.all(listed.map(async (id) => [id, /refund|money back|rembourse|reembolso|erstatt|rimborso|terugbetal/i.test(JSON.stringify(await (await fetch(`${base}/preview/api/tickets/${id}`)).json()))])))
    .filter(([, yes]) => yes).map(([id]) => id);
  const promises = async (id) => {
    const r = await fetch(`${base}/api/tickets/${id}/draft`, { method: 'POST', headers: { ...auth, Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{}' });
    return r.ok && ((await r.json()).flagDetails ?? []).some((f) => PROMISES.includes(f.kind));
  };
  const assists = new Map();
  const roles = { main: null, way: null, promise: null };
  for (const id of [...asks, ...listed.filter((t) => !asks.includes(t))]) {
    const r = await fetch(`${base}/api/tickets/${id}/assist`, { headers: auth });
    looked.add(id);
    if (!r.ok) continue;
    const a = await r.json();
    assists.set(id, a);
    if (!a.handoff && displayedKinds(a).includes('summary') && a.macros.length > 0 && a.similarTickets.length > 0) roles.main ??= id;
    if (a.warnings.some((w) => w.wayForward?.tags?.length)) roles.way ??= id;
    if (!a.handoff && !roles.promise && await promises(id)) roles.promise = id;
    if (roles.main && roles.way && roles.promise) return { ...roles, assists };
  }
  throw new Error(`no untouched demo ticket for ${Object.entries(roles).filter(([, v]) => !v).map(([k]) => k).join(', ')}: ${JSON.stringify(roles)}`);
}

/** `looked` gets every ticket this scenario asked the backend about. */
export async function exactLedger({ page, sidebar, panel, openTicket, backend, taken, looked, step }) {
  const session = await sidebar.locator('meta[name="copilot-session"]').getAttribute('content');
  const { main, way, promise, assists } = await chooseLedgerTickets(backend.base, session, taken, looked);
  step(`exact ledger: macro, similar ticket, triage and summary on #${main}, a way forward on #${way}, a promise on #${promise}`);
  const events = [];
  const reports = [];
  page.on('request', (r) => { if (/\/assist\/[^/]+\/shown$/.test(new URL(r.url()).pathname)) reports.push({ path: new URL(r.url()).pathname, kinds: r.postDataJSON().kinds }); });
  const before = await ledger(backend.base);
  let current = null;

  // Open a ticket: what its panels display counts as shown, once (and the sidebar reports exactly that).
  async function open(ticket) {
    if (current === ticket) return;
    await openTicket(ticket);
    await sidebar.getByRole('heading', { name: 'Summary' }).waitFor();
    current = ticket;
    const shownKinds = displayedKinds(assists.get(ticket));
    for (const kind of shownKinds) events.push([kind, 'shown']);
    await poll(() => reports.some((r) => r.path.includes(`/tickets/${ticket}/`)));
    const report = reports.find((r) => r.path.includes(`/tickets/${ticket}/`));
    check(report && [...report.kinds].sort().join() === [...shownKinds].sort().join(), `the sidebar reported ${JSON.stringify(report?.kinds)} for #${ticket}, its panels show ${JSON.stringify(shownKinds)}`);
  }

  await open(main);
  // Apply a macro: the macro list was used.
  const macro = panel('Macros').getByRole('button', { name: /^Preview macro / }).first();
  const title = (await macro.getAttribute('aria-label')).replace(/^Preview macro /, '');
  await macro.click();
  await sidebar.getByRole('group', { name: `What ${title} changes` }).waitFor({ timeout: 30_000 });
  const fields = await page.getByLabel('Ticket fields').innerText();
  await sidebar.getByRole('button', { name: `Apply macro ${title}` }).click();
  await page.waitForFunction((b) => document.querySelector('[aria-label="Ticket fields"]')?.textContent !== b, fields);
  events.push(['macros', 'accepted']);

  // Open a similar ticket: the similar-ticket list was used.
  const popup = page.context().waitForEvent('page');
  await panel('Similar tickets').getByRole('link', { name: /^Open ticket / }).first().click();
  await (await popup).close();
  events.push(['similar-tickets', 'accepted']);

  // Triage: shown when suggested; applied with another priority, it was overridden (edited).
  await overrideTriagePriority({ page, sidebar });
  events.push(['triage', 'shown'], ['triage', 'edited']);

  // Judge the summary.
  await sidebar.getByRole('group', { name: 'Rate this summary' }).getByRole('button', { name: 'Helpful', exact: true }).click();
  await sidebar.getByRole('group', { name: 'Rate this summary' }).locator('..').getByText('Feedback saved. Thank you.').waitFor();
  events.push(['summary', 'accepted']);

  // Follow one step of a way forward.
  await open(way);
  const tags = sidebar.getByRole('button', { name: /^Add tags: / }).first();
  const tag = (await tags.innerText()).replace(/^Add tags: /, '').split(',')[0].trim();
  await tags.click();
  await page.getByLabel('Ticket fields').filter({ hasText: tag }).waitFor();
  events.push(['handoff', 'accepted']);

  // A draft that promises what the customer asked for: flagged, confirmed, inserted, rated helpful.
  await open(promise);
  await sidebar.getByRole('button', { name: 'Draft reply' }).click();
  await sidebar.getByRole('button', { name: 'Insert', exact: true }).waitFor({ timeout: 60_000 });
  events.push(['draft', 'shown']);
  await sidebar.getByRole('region', { name: 'Check before inserting' }).getByText(/^Promise · \w+ · confirm before inserting$/).first().waitFor();
  await sidebar.getByRole('button', { name: 'Insert', exact: true }).click();
  await sidebar.getByRole('button', { name: 'Confirm and insert' }).click();
  await page.waitForFunction(() => (document.getElementById('reply-box')?.textContent ?? '').trim().length > 0);
  await sidebar.getByRole('group', { name: 'Rate this draft' }).getByRole('button', { name: 'Helpful', exact: true }).click();
  await sidebar.getByRole('group', { name: 'Rate this draft' }).locator('..').getByText('Feedback saved. Thank you.').waitFor();
  events.push(['draft', 'accepted']);

  // The analytics API shows exactly those events (feedback arrives through the app's queue: wait for it, then for stragglers).
  const want = expected(events);
  let got = await poll(async () => delta(await ledger(backend.base), before), (g) => JSON.stringify(g) === JSON.stringify(want));
  await sleep(1500);
  got = delta(await ledger(backend.base), before);
  const differ = KINDS.filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]));
  check(differ.length === 0, `the analytics API does not show exactly what was done: ${differ.map((k) => `${k} ${JSON.stringify(got[k])}, expected ${JSON.stringify(want[k])}`).join('; ')}`);
  step(`analytics per kind changed by exactly: ${KINDS.filter((k) => COUNTS.some((c) => want[k][c])).map((k) => `${k} ${COUNTS.filter((c) => want[k][c]).map((c) => `${c} +${want[k][c]}`).join(' ')}`).join('; ')}`);
  await page.locator('#reply-box').evaluate((box) => { box.innerHTML = ''; });

  // A comment webhook refreshes the ticket's assist in the background, and the agent reopens the sidebar: nothing is shown anew.
  const ticket = current;
  const rows = () => Number(sql(backend.db, `SELECT COUNT(*) FROM suggestions WHERE tenant = 'demo' AND ticket_id = ${Number(ticket)};`));
  const rowsBefore = rows();
  const shownBefore = await ledger(backend.base);
  const delivered = await commentWebhook(backend.base, ticket);
  check(delivered.status === 200, `the signed comment webhook answered ${delivered.status}: ${await delivered.text()}`);
  const reported = page.waitForResponse((r) => /\/assist\/[^/]+\/shown$/.test(new URL(r.url()).pathname) && r.url().includes(`/tickets/${ticket}/`), { timeout: 60_000 });
  const lastReport = reports.filter((r) => r.path.includes(`/tickets/${ticket}/`)).at(-1).path;
  await page.locator('#sidebar').evaluate((frame) => frame.contentWindow.location.reload());
  await sidebar.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 60_000 });
  const again = await reported;
  check(again.status() === 200 && new URL(again.url()).pathname === lastReport, `the reopened sidebar reported another assist: ${new URL(again.url()).pathname} (${again.status()}), before ${lastReport}`);
  await sleep(1500);
  const shownAfter = delta(await ledger(backend.base), shownBefore);
  check(KINDS.every((k) => shownAfter[k].shown === 0), `the webhook refresh and the reopen added shown rows: ${JSON.stringify(shownAfter)}`);
  check(rows() === rowsBefore, `the webhook refresh and the reopen recorded ${rows() - rowsBefore} suggestion(s) for ticket #${ticket}`);
  step(`webhook refresh and reopen of #${ticket}: the same assist reported again, no shown rows added`);
}
