// @vitest-environment jsdom
import './dom-setup';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';
import { ProceduresTable } from '../src/dashboard/procedures';
import type { ProcedureFigures } from '../src/lib/api/analytics';

beforeAll(() => loadMessages('de'));

let root: Root | null = null;
let container: HTMLElement;
afterEach(() => { act(() => root?.unmount()); root = null; container.remove(); });

async function render(figures: ProcedureFigures, locale = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(<I18nProvider locale={locale}><ProceduresTable figures={figures} /></I18nProvider>);
  });
}

const row = (id: string, title: string | null, n: number[]) => ({
  id, title, shown: n[0], drafts: n[1], draftsAccepted: n[2], draftsEdited: n[3], draftsRejected: n[4], actionsApproved: n[5], actionsDeclined: n[6],
});

const cells = () => [...container.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));

describe('the dashboard\'s procedures table', () => {
  it('shows each procedure\'s figures as the API gives them, one row each', async () => {
    await render({ from: '2026-11-01', to: '2026-12-01', rows: [row('damaged-item', 'Damaged item', [1204, 310, 120, 95, 40, 88, 12]), row('old-returns', null, [3, 1, 0, 0, 1, 0, 2])] });

    expect(cells()).toEqual([
      ['Damaged item', '1,204', '310', '120 / 95 / 40', '88 / 12'],
      ['old-returns (retired)', '3', '1', '0 / 0 / 1', '0 / 2'],
    ]);
    expect([...container.querySelectorAll('thead th')].map((h) => h.textContent)).toEqual(['Procedure', 'Shown', 'Drafts', 'Drafts accepted / edited / rejected', 'Actions approved / declined']);
    expect(container.querySelector('.note')!.textContent).toContain('on the day the agent decided');
  });

  it('speaks the page\'s language and writes its numbers', async () => {
    await render({ from: '2026-11-01', to: '2026-12-01', rows: [row('damaged-item', 'Beschädigter Artikel', [1204, 0, 0, 0, 0, 0, 0])] }, 'de');

    expect(cells()[0].slice(0, 2)).toEqual(['Beschädigter Artikel', '1.204']);
    expect(container.querySelector('thead th')!.textContent).toBe('Ablauf');
  });
});
