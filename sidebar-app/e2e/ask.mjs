// The ask scenario of the browser run (run.mjs): on an open ticket the agent asks Copilot a question its knowledge
// answers, reads the offline answer (labelled, quoting its source, with the source to open), inserts it into the reply;
// a question nothing covers gets "I don't know" with nothing to insert. The analytics API must then show exactly one
// answer shown and used, and nothing else changed; axe-core finds no serious or critical violation in the Ask box.
import { axeScan, sidebarFrame } from './axe.mjs';
import { check, poll, sleep, sql } from './harness.mjs';
import { delta, expected, KINDS, ledger } from './ledger.mjs';

export const QUESTION = 'How long do customers have to return hardware they bought in the web shop?';

export async function askAndInsert({ page, sidebar, backend, ticket, step, shot }) {
  const ask = sidebar.locator('section[aria-labelledby="ask-h"]');
  await ask.getByRole('textbox', { name: 'Your question' }).waitFor();
  // The ticket's display has been reported by now; what follows is the ask alone.
  await sleep(1500);
  const before = await ledger(backend.base);
  const answers = () => Number(sql(backend.db, `SELECT COUNT(*) FROM suggestions WHERE tenant = 'demo' AND kind = 'answer' AND ticket_id = ${Number(ticket)};`));
  const answersBefore = answers();

  await ask.getByRole('textbox', { name: 'Your question' }).fill(QUESTION);
  await ask.getByRole('button', { name: 'Ask', exact: true }).click();
  await ask.getByRole('button', { name: 'Insert', exact: true }).waitFor({ timeout: 60_000 });
  await ask.getByText('Offline: passages quoted from your knowledge base').waitFor();
  const text = (await ask.getByLabel('Answer', { exact: true }).textContent()) ?? '';
  check(text.includes('30 days of delivery'), `the answer does not quote the return window: ${text}`);
  check(await ask.getByRole('link', { name: 'Open Return hardware within 30 days' }).count() === 1, 'the cited article cannot be opened');
  step(`axe (answer): ${JSON.stringify(await axeScan(await sidebarFrame(page), 'ask-answer'))}`);
  await ask.screenshot({ path: shot('ask-answer') });

  await ask.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.waitForFunction((t) => (document.getElementById('reply-box')?.textContent ?? '').includes(t), '30 days of delivery');
  check(answers() === answersBefore + 1, `the answer was recorded ${answers() - answersBefore} times`);

  // The analytics API shows exactly that answer, shown and used (the use arrives through the app's queue: wait for it).
  const want = expected([['answer', 'shown'], ['answer', 'accepted']]);
  let got = await poll(async () => delta(await ledger(backend.base), before), (g) => JSON.stringify(g) === JSON.stringify(want));
  await sleep(1500);
  got = delta(await ledger(backend.base), before);
  const differ = KINDS.filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]));
  check(differ.length === 0, `the analytics API does not show exactly the answer: ${differ.map((k) => `${k} ${JSON.stringify(got[k])}`).join('; ')}`);
  step('analytics per kind changed by exactly: answer shown +1 accepted +1');
  await page.locator('#reply-box').evaluate((box) => { box.innerHTML = ''; });

  // A question nothing covers: said as it is, nothing to insert, nothing recorded.
  await ask.getByRole('button', { name: 'New conversation' }).click();
  await ask.getByRole('textbox', { name: 'Your question' }).fill('What is the airspeed velocity of an unladen swallow?');
  await ask.getByRole('button', { name: 'Ask', exact: true }).click();
  await ask.getByText("I don't know — nothing in your knowledge covers this.").first().waitFor({ timeout: 60_000 });
  check(await ask.getByRole('button', { name: 'Insert', exact: true }).count() === 0, '"I don\'t know" offers an Insert');
  check(answers() === answersBefore + 1, '"I don\'t know" was recorded as an answer');
  step(`axe (I don't know): ${JSON.stringify(await axeScan(await sidebarFrame(page), 'ask-unknown'))}`);
}
