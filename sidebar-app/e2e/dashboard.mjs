// Browser test of the team-lead dashboard against the real backend in demo mode: starts
// `dotnet run` with no tenant configured (the demo helpdesk and its replayed analytics
// history), opens /preview/dashboard in Debian's Chromium, checks that the charts, the agent
// table, the outcomes and the gap list show the analytics API's numbers (rates with their samples
// and 95% intervals, partial weeks marked, cost and time saved per kind with their assumptions, one
// weekly request per view), that an admin edits a time-saved assumption there and the figure follows (a bad value
// is stopped at its field), that the page speaks German with ?locale=de (numbers the German way), that axe-core
// finds no serious or critical violation, and that an agent gets the "team leads only" page.
// Screenshots: artifacts/screenshots/dashboard.png, dashboard-de.png.
// Usage: npm run e2e:dashboard
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { axeScan } from './axe.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const appDir = resolve(here, '..');
const repo = resolve(appDir, '..');
const shots = join(repo, 'artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const cleanups = [];
const step = (msg) => console.log(`e2e:dashboard: ${msg}`);

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function waitForHealth(base, backend, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (backend.exitCode !== null) throw new Error(`the backend exited with ${backend.exitCode}; see artifacts/e2e-dashboard-backend.log`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the backend did not answer /healthz in time; see artifacts/e2e-dashboard-backend.log');
}

function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: the page shows ${a}, the API says ${e}`);
}

// The page writes numbers with Intl for its locale (English here unless a step says otherwise).
const n = (v, locale = 'en') => new Intl.NumberFormat(locale).format(v);
const pct = (rate, locale = 'en') => (rate === null || rate === undefined ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate));
const interval = (r) => (!r || r.of === 0 ? '–' : `${pct(r.value)} (${n(r.count)} of ${n(r.of)}; 95% CI ${pct(r.low)}–${pct(r.high)})`);
const minutes = (m) => (m >= 120
  ? new Intl.NumberFormat('en', { style: 'unit', unit: 'hour', unitDisplay: 'short', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(m / 60)
  : new Intl.NumberFormat('en', { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 0 }).format(Math.round(m)));

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!existsSync(join(appDir, 'dist', 'dashboard.html'))) {
    step('building the app');
    if (spawnSync('npm', ['run', 'build'], { cwd: appDir, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  }
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'copilot-e2e-dashboard-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // No tenant configured: the backend runs its demo helpdesk and replays the demo history.
  const env = {
    ...process.env,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    Copilot__Store__Path: join(work, 'copilot.db'),
    Sidebar__AppDirectory: join(appDir, 'dist'),
  };
  step(`starting the backend in demo mode on ${base}`);
  const log = openSync(join(repo, 'artifacts', 'e2e-dashboard-backend.log'), 'w');
  const backend = spawn('dotnet', ['run', '--project', join(repo, 'src/Copilot.Api'), '--no-launch-profile', '--', '--urls', base],
    { cwd: repo, env, stdio: ['ignore', log, log], detached: true });
  cleanups.push(() => { try { process.kill(-backend.pid, 'SIGTERM'); } catch { /* gone */ } });
  await waitForHealth(base, backend, 300_000);

  const profile = mkdtempSync(join(tmpdir(), 'copilot-e2e-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  const errors = [];
  // Script errors and failed requests fail the run (the agent's deliberate 403 and the favicon aside).
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.status() >= 400 && path !== '/favicon.ico' && path !== '/preview/dashboard') errors.push(`${r.status()} ${path}`);
  });

  step('an agent is turned away');
  const refused = await page.goto(`${base}/preview/dashboard?agent=2001`, { timeout: 180_000 });
  if (refused.status() !== 403) throw new Error(`agent 2001 got ${refused.status()}, expected 403`);
  await page.getByRole('heading', { name: 'Team leads only' }).waitFor({ timeout: 10_000 });

  step('the team lead opens the dashboard (waits for the demo history)');
  const analyticsCalls = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.startsWith('/api/analytics/')) analyticsCalls.push(u.pathname); });
  const opened = await page.goto(`${base}/preview/dashboard`, { timeout: 180_000 });
  if (opened.status() !== 200) throw new Error(`the dashboard preview answered ${opened.status()}`);
  await page.locator('table.agents tbody tr').first().waitFor({ timeout: 60_000 });
  const token = await page.locator('meta[name="copilot-session"]').getAttribute('content');
  const api = async (path) => {
    const r = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!r.ok) throw new Error(`${path} answered ${r.status}`);
    return r.json();
  };
  const { from, to } = await page.evaluate(() => {
    const d = new Date();
    const today = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const iso = (t) => new Date(t).toISOString().slice(0, 10);
    return { from: iso(today - 29 * 86_400_000), to: iso(today + 86_400_000) };
  });
  const q = `from=${from}&to=${to}`;

  step('totals and the agent table match /api/analytics/summary');
  const kind = await api(`/api/analytics/summary?${q}&groupBy=kind`);
  if (kind.total.shown === 0 || kind.total.accepted + kind.total.edited + kind.total.rejected === 0) throw new Error('the demo history left no feedback in the last 30 days');
  const stats = await page.locator('.stat').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.querySelector('.stat-label').textContent, e.querySelector('.stat-value').textContent])));
  expectEqual(stats['Suggestions shown'], n(kind.total.shown), 'suggestions shown');
  expectEqual(stats['Estimated time saved'], minutes(kind.total.timeSavedMinutes), 'time saved in all');
  expectEqual(stats['Used (accepted or edited)'], pct(kind.total.acceptanceRate), 'acceptance');
  const details = await page.locator('.stat').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.querySelector('.stat-label').textContent, e.querySelector('.stat-detail')?.textContent ?? null])));
  expectEqual(details['Used (accepted or edited)'], interval(kind.total.usedRate), 'sample and interval of the used rate');
  expectEqual(details['Ignored (no feedback)'], interval(kind.total.ignoredRate), 'sample and interval of the ignored rate');
  const agents = await api(`/api/analytics/summary?${q}&groupBy=agent`);
  const shownRows = await page.locator('table.agents tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.agent, ...[...r.querySelectorAll('td')].slice(0, 5).map((c) => c.textContent)]));
  const apiRows = agents.rows.filter((r) => r.shown > 0).sort((a, b) => b.shown - a.shown || a.key.localeCompare(b.key))
    .map((r) => [r.key, n(r.shown), n(r.accepted), n(r.edited), n(r.rejected), pct(r.acceptanceRate)]);
  expectEqual(shownRows, apiRows, 'agent table');
  const agentIntervals = await page.locator('table.agents tbody td.interval').evaluateAll((cells) => cells.map((c) => c.textContent));
  expectEqual(agentIntervals, agents.rows.filter((r) => r.shown > 0).sort((a, b) => b.shown - a.shown || a.key.localeCompare(b.key)).map((r) => interval(r.usedRate)), 'agent samples and intervals');
  if (agents.rows.some((r) => r.key === '' && r.shown > 0) && !(await page.locator('table.agents tbody th', { hasText: 'No verified agent' }).count())) {
    throw new Error('calls without a verified agent are not labelled "No verified agent"');
  }
  if (await page.locator('table.agents tbody th', { hasText: 'Unknown agent' }).count()) throw new Error('an agent is labelled "Unknown agent"');
  if (!(await page.locator('table.agents tbody th', { hasText: 'Tomás Ribeiro' }).count())) throw new Error('agent names are missing from the table');

  step('the weekly trend matches the weekly series, partial weeks marked, in one request');
  const weeklyCalls = analyticsCalls.filter((p) => p === '/api/analytics/weekly').length;
  const summaryCalls = analyticsCalls.filter((p) => p === '/api/analytics/summary').length;
  if (weeklyCalls !== 1 || summaryCalls !== 3) throw new Error(`the dashboard made ${weeklyCalls} weekly and ${summaryCalls} summary requests; expected 1 and 3`);
  const trendTable = await page.locator('section[aria-labelledby="trend"] table').evaluate((t) => ({
    head: [...t.querySelectorAll('thead th')].map((c) => c.textContent),
    rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
  }));
  const draftColumn = trendTable.head.indexOf('Drafts');
  if (draftColumn < 0) throw new Error(`no Drafts line in the trend: ${trendTable.head}`);
  const weekly = await api(`/api/analytics/weekly?${q}`);
  expectEqual(trendTable.rows.map((r) => r[0]), weekly.weeks.map((w) => (w.partial ? `${w.week} (partial, ${w.days} ${w.days === 1 ? 'day' : 'days'})` : w.week)), 'week labels');
  if (!weekly.weeks.some((w) => w.partial)) throw new Error('a 30-day period has no partial week');
  if (!(await page.locator('section[aria-labelledby="trend"] .partial-note').count())) throw new Error('partial weeks are not explained under the chart');
  for (const [i, row] of trendTable.rows.entries()) {
    const draftRow = weekly.weeks[i].rows.find((r) => r.key === 'draft' && r.shown > 0);
    expectEqual(row[draftColumn], draftRow ? `${pct(draftRow.acceptanceRate)} (${n(draftRow.used)} of ${n(draftRow.shown)})` : '–', `draft acceptance in ${row[0]}`);
    // Each week of the series is what the summary says for that week's own days.
    const own = await api(`/api/analytics/summary?from=${weekly.weeks[i].from}&to=${weekly.weeks[i].to}&groupBy=kind`);
    expectEqual(weekly.weeks[i].total.shown, own.total.shown, `suggestions shown in ${row[0]}`);
  }

  step('cost and time saved per kind show the API numbers and their assumptions');
  const valueRows = await page.locator('table.value tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.kind, ...[...r.querySelectorAll('td')].map((c) => c.textContent)]));
  const valueKinds = kind.rows.filter((r) => r.shown > 0).map((r) => r.key).sort();
  expectEqual(valueRows.map((r) => r[0]).sort(), valueKinds, 'kinds in the cost and time table');
  for (const r of valueRows) {
    const apiRow = kind.rows.find((k) => k.key === r[0]);
    expectEqual([r[1], r[2], r[5]], [n(apiRow.shown), n(apiRow.used), minutes(apiRow.timeSavedMinutes)], `shown, used and time saved of ${r[0]}`);
    if (!r[4].startsWith(`${kind.assumptions.minutesPerUse[r[0]]} min`)) throw new Error(`minutes per use of ${r[0]}: the page shows ${r[4]}, the API assumed ${kind.assumptions.minutesPerUse[r[0]]}`);
  }
  if (!(await page.locator('.formula').textContent()).includes('minutes per use')) throw new Error('the time-saved estimate is not explained');

  if ((await page.locator('canvas[role="img"]').count()) < 3) throw new Error('fewer than three charts were drawn');

  step('rejection reasons, outcomes and the gap list match the API');
  const reasons = await page.locator('section[aria-labelledby="reasons"] table tbody tr').evaluateAll((rows) => rows.map((r) => r.children[1].textContent));
  expectEqual(reasons, ['wrong-facts', 'wrong-tone', 'outdated-article', 'missing-context', 'policy', 'other'].map((k) => n(kind.total.rejectedByReason[k])), 'rejection reasons');
  const outcomes = await api(`/api/analytics/outcomes?${q}`);
  const outcomeCounts = await page.locator('table.outcomes tbody tr').evaluateAll((rows) => rows.map((r) => r.children[1].textContent));
  expectEqual(outcomeCounts.slice(0, 2), [n(outcomes.assisted.tickets), n(outcomes.unassisted.tickets)], 'solved tickets, assisted and unassisted');
  const reopened = await page.locator('table.outcomes tbody tr').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.children[4].textContent));
  expectEqual(reopened, [interval(outcomes.assisted.reopened), interval(outcomes.unassisted.reopened)], 'reopen rates with samples and intervals');
  if (!(await page.locator('table.outcomes tr.difference').count())) throw new Error('the assisted-vs-unassisted difference row is missing');
  const gaps = await api(`/api/analytics/knowledge-gaps?${q}`);
  const gapLabels = await page.locator('ol.gaps > li h3').evaluateAll((hs) => hs.map((h) => h.childNodes[0].textContent.trim()));
  expectEqual(gapLabels, gaps.topics.map((t) => t.label), 'knowledge-gap topics');
  if (gaps.topics.length === 0) throw new Error('the demo history shows no knowledge gap');

  step(`axe: ${JSON.stringify(await axeScan(page.mainFrame(), 'dashboard'))}`);
  await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
  step('screenshot saved to artifacts/screenshots/dashboard.png');

  step('the admin edits the minutes a draft saves: a bad value is stopped at its field, a good one changes the figure');
  const editor = page.locator('.assumptions-panel');
  const draftField = editor.getByLabel('Minutes saved per use: Drafts');
  await draftField.waitFor({ timeout: 30_000 });
  const draftRow = () => page.locator('table.value tbody tr[data-kind="draft"]');
  const draftBefore = kind.rows.find((r) => r.key === 'draft');
  if (!draftBefore || draftBefore.used === 0) throw new Error('no draft was used in the last 30 days of the demo history');
  const timeSavedBefore = await draftRow().locator('td.time-saved').textContent();
  const summaryField = editor.getByLabel('Minutes saved per use: Summaries');
  await summaryField.fill('a lot');
  await editor.getByRole('button', { name: 'Save assumptions' }).click();
  await editor.locator('input[name="summary"][aria-invalid="true"]').waitFor();
  const fieldError = await page.locator(`[id="${await summaryField.getAttribute('aria-describedby')}"]`).textContent();
  if (fieldError !== 'Enter a number of minutes, such as 2.5.') throw new Error(`the bad value's message at its field: "${fieldError}"`);
  step(`axe: ${JSON.stringify(await axeScan(page.mainFrame(), 'assumptions with an error'))}`);
  await summaryField.fill('');
  const newMinutes = kind.assumptions.minutesPerUse.draft + 3;
  await draftField.fill(String(newMinutes));
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard/time-saved' && r.request().method() === 'PUT');
  await editor.getByRole('button', { name: 'Save assumptions' }).click();
  if ((await saved).status() !== 200) throw new Error(`saving the assumptions answered ${(await saved).status()}`);
  await editor.getByRole('status').filter({ hasText: 'Saved. Time saved is now estimated with these minutes.' }).waitFor();
  const after = await api(`/api/analytics/summary?${q}&groupBy=kind`);
  const draftAfter = after.rows.find((r) => r.key === 'draft');
  if (after.assumptions.minutesPerUse.draft !== newMinutes || !after.assumptions.setByAdmin.includes('draft')) throw new Error(`the API did not take the new minutes: ${JSON.stringify(after.assumptions)}`);
  if (draftAfter.timeSavedMinutes <= draftBefore.timeSavedMinutes) throw new Error(`the time saved by drafts did not grow: ${draftBefore.timeSavedMinutes} → ${draftAfter.timeSavedMinutes}`);
  await page.waitForFunction((v) => document.querySelector('table.value tbody tr[data-kind="draft"] td.time-saved')?.textContent === v, minutes(draftAfter.timeSavedMinutes), { timeout: 30_000 });
  expectEqual(await draftRow().locator('td.per-use').textContent(), `${newMinutes} min (set by admin)`, 'the minutes per use of drafts');
  await page.waitForFunction((v) => [...document.querySelectorAll('.stat')].some((s) => s.querySelector('.stat-label')?.textContent === 'Estimated time saved' && s.querySelector('.stat-value')?.textContent === v), minutes(after.total.timeSavedMinutes), { timeout: 30_000 });
  step(`drafts' time saved ${timeSavedBefore} → ${minutes(draftAfter.timeSavedMinutes)} at ${newMinutes} min per use`);

  step('with ?locale=de the page speaks German and writes numbers the German way');
  await page.goto(`${base}/preview/dashboard?locale=de`, { timeout: 180_000 });
  await page.getByRole('heading', { name: 'Copilot für Ihr Team' }).waitFor({ timeout: 60_000 });
  await page.locator('table.agents tbody tr').first().waitFor({ timeout: 60_000 });
  if ((await page.locator('html').getAttribute('lang')) !== 'de') throw new Error('the page does not say it is in German');
  const deStats = await page.locator('.stat').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.querySelector('.stat-label').textContent, e.querySelector('.stat-value').textContent])));
  expectEqual(deStats['Angezeigte Vorschläge'], n(after.total.shown, 'de'), 'suggestions shown, in German');
  expectEqual(deStats['Verwendet (übernommen oder bearbeitet)'], pct(after.total.acceptanceRate, 'de'), 'acceptance, in German');
  await page.getByText('Letzte 30 Tage').waitFor();
  await page.getByRole('heading', { name: 'Annahmen zur Zeitersparnis' }).waitFor();
  step(`axe: ${JSON.stringify(await axeScan(page.mainFrame(), 'dashboard in German'))}`);
  await page.screenshot({ path: join(shots, 'dashboard-de.png'), fullPage: true });
  step('screenshot saved to artifacts/screenshots/dashboard-de.png');
  await page.goto(`${base}/preview/dashboard`, { timeout: 180_000 });
  await page.locator('table.agents tbody tr').first().waitFor({ timeout: 60_000 });

  step('at 800 px the page does not scroll sideways: the wide tables scroll inside their own region');
  await page.setViewportSize({ width: 800, height: 900 });
  // The charts redraw at their container's new width a frame or two after a resize.
  await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 3_000 }).catch(() => undefined);
  const { sideways, widest } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The outermost elements that reach past the window: what makes the page scroll.
    const past = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1);
    const outermost = past.filter((el) => !past.includes(el.parentElement));
    return {
      sideways: document.documentElement.scrollWidth - width,
      widest: outermost.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).replace(/ /g, '.') : ''} (${Math.round(el.getBoundingClientRect().width)} px)`),
    };
  });
  if (sideways > 0) throw new Error(`at 800 px the page scrolls ${sideways} px sideways: ${widest.join(', ')}`);
  await page.setViewportSize({ width: 1280, height: 900 });

  step('the period picker reloads the numbers');
  await page.getByLabel('Last 7 days').check();
  const last7 = lastDaysFrom(to, 7);
  const kind7 = await api(`/api/analytics/summary?from=${last7}&to=${to}&groupBy=kind`);
  const expected7 = kind7.total.accepted + kind7.total.edited + kind7.total.rejected > 0 ? n(kind7.total.shown) : null;
  if (expected7) {
    await page.waitForFunction((v) => [...document.querySelectorAll('.stat')].some((s) => s.querySelector('.stat-label')?.textContent === 'Suggestions shown' && s.querySelector('.stat-value')?.textContent === v), expected7, { timeout: 30_000 });
  } else {
    await page.getByRole('heading', { name: 'No feedback yet in this period' }).waitFor({ timeout: 30_000 });
  }

  step('the replays section lists the tenant\'s runs as the API does (none in a fresh demo)');
  await page.getByRole('heading', { name: 'Replays before go-live' }).waitFor({ timeout: 10_000 });
  const runs = await api('/api/dashboard/replays');
  if (runs.length === 0) await page.getByText('No replays yet.').waitFor({ timeout: 10_000 });
  else await page.locator('table.replay-runs tbody tr').nth(runs.length - 1).waitFor({ timeout: 10_000 });

  step('the CSV export downloads');
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('link', { name: 'Export feedback (CSV)' }).click();
  const file = await download;
  if (!/\.csv$/.test(file.suggestedFilename())) throw new Error(`the export is named ${file.suggestedFilename()}`);
  if (errors.length) throw new Error(`browser errors: ${errors.join(' | ')}`);
}

function lastDaysFrom(to, days) {
  return new Date(new Date(`${to}T00:00:00Z`).getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`e2e:dashboard: FAILED: ${e.message}`);
} finally {
  for (const c of cleanups.reverse()) { try { await c(); } catch { /* best effort */ } }
}
console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
process.exit(failed ? 1 : 0);
