// The sidebar's whole agent flow in Chromium against fixture answers (mock-backend.mjs):
// summary, warnings, articles, streamed draft, rewrite, insert, edit, submit → an "edited"
// feedback event with the sent text. Runs without the backend; screenshots to artifacts/screenshots/mocked-*.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startMockBackend } from './mock-backend.mjs';

const appDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const shots = join(appDir, '..', 'artifacts', 'screenshots');
const cleanups = [];
const step = (msg) => console.log(`mocked: ${msg}`);

async function main() {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: apt-get install -y chromium');
  if (!existsSync(join(appDir, 'dist', 'sidebar.html')) && spawnSync('npm', ['run', 'build'], { cwd: appDir, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  mkdirSync(shots, { recursive: true });
  const backend = await startMockBackend(join(appDir, 'dist'));
  cleanups.push(backend.close);
  const profile = mkdtempSync(join(tmpdir(), 'copilot-mocked-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

  await page.goto(`${backend.url}/preview`);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 30_000 });
  await sidebar.getByText('Model unavailable — offline suggestions').waitFor();
  await sidebar.getByText('Billing dispute').waitFor();
  await sidebar.getByRole('heading', { name: 'Articles' }).waitFor();
  await page.screenshot({ path: join(shots, 'mocked-01-assist.png') });
  step('summary, caution warning, articles, macros, similar tickets and the offline notice shown');

  await sidebar.getByRole('button', { name: 'Draft reply' }).click();
  await sidebar.getByRole('button', { name: 'Insert', exact: true }).waitFor({ timeout: 30_000 });
  const text = await sidebar.getByLabel('Draft text').textContent();
  if (!text?.startsWith('Hi Emily') || !text.endsWith('Tomás')) throw new Error(`the streamed draft is incomplete: ${text}`);
  await sidebar.getByText('Draft — written offline').waitFor();
  await page.screenshot({ path: join(shots, 'mocked-02-draft.png') });
  step('draft streamed and labelled as written offline');

  await sidebar.getByRole('button', { name: 'Rewrite ▾' }).click();
  await sidebar.getByRole('button', { name: 'Shorten' }).click();
  await sidebar.getByLabel('Draft text').filter({ hasText: /^Hi Emily, thanks for the clear description\.$/ }).waitFor();
  step('rewrite (shorten) applied');

  await sidebar.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.waitForFunction(() => (document.getElementById('reply-box')?.textContent ?? '').includes('Hi Emily'));
  await page.locator('#reply-box').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' I have also sent you a return label.');
  await page.screenshot({ path: join(shots, 'mocked-03-edited.png') });
  await page.locator('#submit').click();
  await page.getByText('Reply submitted').waitFor();
  const deadline = Date.now() + 10_000;
  while (backend.feedback.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const event = backend.feedback[0];
  if (!event || event.outcome !== 'edited' || event.suggestionId !== 'rewrite-1' || !event.finalText?.includes('return label') || !event.eventId) {
    throw new Error(`expected one "edited" feedback event, got ${JSON.stringify(backend.feedback)}`);
  }
  await page.screenshot({ path: join(shots, 'mocked-04-submitted.png') });
  step(`feedback sent on save: ${event.outcome}, "${event.finalText}"`);

  await sidebar.getByRole('group', { name: 'Rate this draft' }).getByRole('button', { name: /Not helpful/ }).click();
  await sidebar.getByRole('button', { name: 'Wrong tone' }).click();
  while (backend.feedback.length < 2 && Date.now() < deadline + 10_000) await new Promise((r) => setTimeout(r, 100));
  const down = backend.feedback[1];
  if (!down || down.outcome !== 'rejected' || down.reason !== 'wrong-tone') throw new Error(`thumbs down not recorded: ${JSON.stringify(backend.feedback)}`);
  step('thumbs down with one reason recorded');

  // The display was reported once, with every item on screen; judging the summary and using a macro are recorded against those ids.
  const reported = backend.shown.map((r) => r.kinds.join(','));
  if (reported.length !== 1 || reported[0] !== 'summary,articles,macros,similar-tickets') throw new Error(`display reports: ${JSON.stringify(backend.shown)}`);
  await sidebar.getByRole('group', { name: 'Rate this summary' }).getByRole('button', { name: 'Helpful', exact: true }).click();
  await sidebar.getByRole('button', { name: 'Preview macro Firmware::Update a bulb' }).click();
  await sidebar.getByRole('group', { name: 'What Firmware::Update a bulb changes' }).getByText('open → pending').waitFor();
  await sidebar.getByRole('button', { name: 'Apply macro Firmware::Update a bulb' }).click();
  await page.getByLabel('Ticket fields').filter({ hasText: 'Status: pending' }).filter({ hasText: 'firmware' }).waitFor();
  while (backend.feedback.length < 4 && Date.now() < deadline + 20_000) await new Promise((r) => setTimeout(r, 100));
  const judged = backend.feedback.slice(2).map((f) => `${f.suggestionId}:${f.outcome}`).sort().join(' ');
  if (judged !== 'mac-1:accepted sum-1:accepted') throw new Error(`summary thumbs and macro use not recorded: ${JSON.stringify(backend.feedback)}`);
  step('display reported once; summary rated; macro previewed, applied to the ticket (status, tags) and its use recorded');

  await page.selectOption('#ticket-picker', '117');
  await sidebar.getByText('Hand off to a human').waitFor({ timeout: 30_000 });
  if (!(await sidebar.getByRole('button', { name: 'Draft reply' }).isDisabled())) throw new Error('a handoff ticket must not offer a draft');
  await page.screenshot({ path: join(shots, 'mocked-05-handoff.png') });
  step('handoff warning shown before the caution, no draft offered');
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`mocked: FAILED: ${e.message}`);
} finally {
  for (const c of cleanups.reverse()) { try { await c(); } catch { /* best effort */ } }
}
console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
process.exit(failed ? 1 : 0);
