// The actions scenario of the browser run (run.mjs): on an open ticket the agent asks Copilot a question and inserts
// the answer (ask.mjs), then asks for suggested actions, approves the first and declines the second. The approved one
// changes the demo helpdesk's ticket, the declined one nothing; the analytics API must then show exactly those events:
// the answer shown and used, the actions displayed, one approved (accepted) and one declined (rejected), and the
// per-source counts of /api/analytics/actions one approval and one decline.
import { axeScan, sidebarFrame } from './axe.mjs';
import { askAndInsert } from './ask.mjs';
import { ADMIN_KEY, check, poll, sleep, sql } from './harness.mjs';
import { delta, expected, KINDS, ledger } from './ledger.mjs';

export async function askThenDecideActions({ page, sidebar, backend, ticket, step, shot }) {
  await sidebar.locator('section[aria-labelledby="ask-h"]').getByRole('textbox', { name: 'Your question' }).waitFor();
  await sleep(1500);
  const before = await ledger(backend.base);
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const counts = async () => {
    const r = await fetch(`${backend.base}/api/analytics/actions?tenant=demo&from=${day(-1)}&to=${day(2)}`, { headers: { 'X-Admin-Key': ADMIN_KEY } });
    check(r.ok, `the actions analytics answered ${r.status}`);
    const rows = (await r.json()).rows;
    return { approved: rows.reduce((n, x) => n + x.approved, 0), declined: rows.reduce((n, x) => n + x.declined, 0) };
  };
  const decidedBefore = await counts();

  await askAndInsert({ page, sidebar, backend, ticket, step, shot });

  const panel = sidebar.locator('section[aria-labelledby="actions-h"]');
  await panel.getByRole('button', { name: 'Suggest actions' }).click();
  const items = panel.locator('li.action');
  await items.first().waitFor({ timeout: 60_000 });
  const proposed = await panel.locator('li.action[data-state="proposed"]').count();
  check(proposed >= 2, `only ${proposed} action(s) proposed for ticket ${ticket}; the scenario needs two`);
  const first = panel.locator('li.action[data-state="proposed"]').nth(0);
  const second = panel.locator('li.action[data-state="proposed"]').nth(1);
  const [approvedText, declinedText] = [await first.locator('.passage').first().textContent(), await second.locator('.passage').first().textContent()];
  step(`axe (actions): ${JSON.stringify(await axeScan(await sidebarFrame(page), 'actions'))}`);
  await panel.screenshot({ path: shot('panel-actions') });

  const writesBefore = Number(sql(backend.db, `SELECT COUNT(*) FROM actions WHERE tenant = 'demo' AND ticket_id = ${Number(ticket)} AND state = 'approved';`));
  await first.getByRole('button', { name: 'Approve' }).click();
  await panel.locator('li.action[data-state="approved"]').first().waitFor({ timeout: 30_000 });
  await panel.locator('li.action[data-state="proposed"]').first().getByRole('button', { name: 'Decline' }).click();
  await panel.locator('li.action[data-state="declined"]').first().waitFor({ timeout: 30_000 });
  check(Number(sql(backend.db, `SELECT COUNT(*) FROM actions WHERE tenant = 'demo' AND ticket_id = ${Number(ticket)} AND state = 'approved';`)) === writesBefore + 1, 'the approval was not stored once');
  step(`approved "${approvedText}", declined "${declinedText}"`);
  await panel.screenshot({ path: shot('panel-actions-decided') });

  const want = expected([['answer', 'shown'], ['answer', 'accepted'], ...Array.from({ length: proposed }, () => ['action', 'shown']), ['action', 'accepted'], ['action', 'rejected']]);
  let got = await poll(async () => delta(await ledger(backend.base), before), (g) => JSON.stringify(g) === JSON.stringify(want));
  const differ = KINDS.filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]));
  check(differ.length === 0, `the analytics API does not show exactly the ask and the two decisions: ${differ.map((k) => `${k} ${JSON.stringify(got[k])}`).join('; ')}`);
  const decided = await counts();
  check(decided.approved - decidedBefore.approved === 1 && decided.declined - decidedBefore.declined === 1,
    `the actions analytics changed by ${JSON.stringify({ approved: decided.approved - decidedBefore.approved, declined: decided.declined - decidedBefore.declined })}`);
  step(`analytics changed by exactly: answer shown +1 accepted +1; action shown +${proposed} accepted +1 rejected +1`);
}
