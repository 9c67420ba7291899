// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Replays, timeLeft } from '../src/dashboard/Replays';
import { AnalyticsApi, type ReplayRun } from '../src/lib/api/analytics';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';

await loadMessages('en');
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const request = { source: 'helpdesk', sample: false } as ReplayRun['request'];

function run(over: Partial<ReplayRun>): ReplayRun {
  return {
    id: 'rp_1', tenant: 'acme', label: null, source: 'helpdesk', status: 'done', createdAt: '2026-11-30T10:00:00Z', finishedAt: null,
    done: 4, planned: 4, share: 1, ratePerMinute: 0, secondsLeft: null, error: null, request, ...over,
  } as ReplayRun;
}

describe('replays on the dashboard', () => {
  let root: Root;
  let container: HTMLDivElement;
  const asked: string[] = [];

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    asked.length = 0;
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  async function render(runs: ReplayRun[]) {
    const api = new AnalyticsApi(() => 'session', async () => false, async (url) => {
      asked.push(String(url));
      return new Response(JSON.stringify(runs), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await act(async () => {
      root.render(createElement(I18nProvider, { locale: 'en', children: createElement(Replays, { api }) }));
    });
    await act(async () => { await Promise.resolve(); });
  }

  it('shows each run with a progress bar, its pace and time left while it runs, and its report links', async () => {
    await render([
      run({ id: 'rp_2', label: 'after the new articles', status: 'running', done: 120, planned: 400, ratePerMinute: 60, secondsLeft: 280 }),
      run({ id: 'rp_1', label: 'before' }),
    ]);
    expect(asked[0]).toBe('/api/dashboard/replays');
    const rows = [...container.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['after the new articles', 'before']);
    const bar = rows[0].querySelector('progress')!;
    expect([bar.value, bar.max]).toEqual([120, 400]);
    expect(rows[0].textContent).toContain('120 of 400 tickets');
    expect(rows[0].textContent).toContain('60 a minute, 4:40 left');
    expect(rows[1].textContent).not.toContain('left');
    expect(rows[1].querySelectorAll('.replay-links a')).toHaveLength(2);
  });

  it('compares only once two runs are picked', async () => {
    await render([run({ id: 'rp_2' }), run({ id: 'rp_1' }), run({ id: 'rp_0' })]);
    const button = container.querySelector('.form-actions button') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const boxes = [...container.querySelectorAll('input[type=checkbox]')] as HTMLInputElement[];
    await act(async () => { boxes[0].click(); });
    expect(button.disabled).toBe(true);
    await act(async () => { boxes[2].click(); });
    expect(button.disabled).toBe(false);
  });

  it('says so when there is no run yet', async () => {
    await render([]);
    expect(container.textContent).toContain('No replays yet.');
    expect(container.querySelector('table')).toBeNull();
  });

  it('writes time left as minutes and seconds, or hours when long', () => {
    expect(timeLeft(280)).toBe('4:40');
    expect(timeLeft(3909)).toBe('1:05:09');
    expect(timeLeft(-3)).toBe('0:00');
  });
});
