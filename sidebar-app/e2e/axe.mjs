// The accessibility scan of the browser runs: axe-core (the npm package, injected into the page; nothing is
// downloaded) over the sidebar frame's document, WCAG 2.x A and AA rules. Serious and critical violations fail.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The sidebar frame (a playwright Frame) of the preview page. */
export async function sidebarFrame(page) {
  const frame = await (await page.waitForSelector('#sidebar')).contentFrame();
  if (!frame) throw new Error('the sidebar frame has no document');
  return frame;
}

/** Runs axe on the frame as it is now; throws listing every serious or critical violation with its elements. */
export async function axeScan(frame, state) {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  const result = await frame.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    throw new Error(`axe (${state}): ${bad.length} serious/critical violation(s):\n  ${lines.join('\n  ')}`);
  }
  return { state, lesser: result.violations.map((v) => `${v.impact} ${v.id}`) };
}

/** How far below the frame's top an element ends (px): "above the fold" at 600 px means at most 600. */
export function bottomOf(locator) {
  return locator.evaluate((el) => el.getBoundingClientRect().bottom + (el.ownerDocument.defaultView?.scrollY ?? 0));
}

/** True when nothing in the frame is wider than the frame (long words and links wrap). */
export function fitsWidth(frame) {
  return frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}
