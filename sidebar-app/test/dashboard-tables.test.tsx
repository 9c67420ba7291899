// @vitest-environment jsdom
import '../src/dashboard/messages';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProceduresTable } from '../src/dashboard/procedures';
import { Replays } from '../src/dashboard/Replays';
import { AgentsTable, OutcomesTable, ValueTable } from '../src/dashboard/tables';
import { AnalyticsApi, type OutcomeGroup, type Outcomes, type ProcedureFigures, type ReplayRun, type Summary } from '../src/lib/api/analytics';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';

// jsdom lays nothing out, so whether the page scrolls sideways at 800 px is not measured here: what is checked is
// that each wide table sits in its own named, focusable region, and that the stylesheet lets that region scroll.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
beforeAll(() => loadMessages('de'));

let root: Root;
let container: HTMLDivElement;
afterEach(() => { act(() => root?.unmount()); container?.remove(); });

async function render(node: ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => { root.render(<I18nProvider locale="de">{node}</I18nProvider>); });
  await act(async () => { await Promise.resolve(); });
}

/** The region a table scrolls in: its name, and whether the keyboard can reach it. */
function regionOf(table: string) {
  const region = container.querySelector(`table.${table}`)!.parentElement!;
  return { className: region.className, role: region.getAttribute('role'), name: region.getAttribute('aria-label'), tabIndex: region.tabIndex };
}

describe('the dashboard\'s wide tables', () => {
  it('scroll inside their own region, which the stylesheet lets scroll sideways', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../src/dashboard/dashboard.css'), 'utf8');
    expect(css).toMatch(/\.table-region \{[^}]*overflow-x: auto/);
  });

  it('put the agents table in a region named for it, reachable by keyboard', async () => {
    const summary = { tenant: 'demo', from: '2026-11-01', to: '2026-11-08', groupBy: 'agent', rows: [] } as unknown as Summary;
    await render(<AgentsTable summary={summary} names={{}} />);
    expect(regionOf('agents')).toEqual({ className: 'table-region', role: 'region', name: 'Tabelle: Nach Agent', tabIndex: 0 });
  });

  it('put the value and outcomes tables each in a region named for it, reachable by keyboard', async () => {
    const summary = { tenant: 'demo', from: '2026-11-01', to: '2026-11-08', groupBy: 'kind', rows: [] } as unknown as Summary;
    const group = { tickets: 3, rated: 0, medianResolutionHours: 2, meanResolutionHours: 3, reopenRate: null, satisfaction: null } as OutcomeGroup;
    const outcomes = { tenant: 'demo', from: '2026-11-01', to: '2026-11-08', assisted: group, unassisted: group, difference: {} } as Outcomes;
    await render(<><ValueTable summary={summary} /><OutcomesTable outcomes={outcomes} /></>);
    expect(regionOf('value')).toEqual({ className: 'table-region', role: 'region', name: 'Tabelle: Kosten und Zeitersparnis nach Art', tabIndex: 0 });
    expect(regionOf('outcomes')).toEqual({ className: 'table-region', role: 'region', name: 'Tabelle: Tickets mit und ohne Unterstützung', tabIndex: 0 });
  });

  it('put the procedures table in a region named for it, reachable by keyboard', async () => {
    const row = { id: 'return-30-days', title: 'Return within 30 days', shown: 4, drafts: 2, draftsAccepted: 1, draftsEdited: 1, draftsRejected: 0, actionsApproved: 3, actionsDeclined: 1 };
    await render(<ProceduresTable figures={{ rows: [row] } as unknown as ProcedureFigures} />);
    expect(regionOf('procedures')).toEqual({ className: 'table-region', role: 'region', name: 'Tabelle: Abläufe', tabIndex: 0 });
  });

  it('put the replays table in a region named for it, reachable by keyboard', async () => {
    const run = { id: 'rp_1', tenant: 'acme', label: 'before', source: 'helpdesk', status: 'done', createdAt: '2026-11-30T10:00:00Z', done: 4, planned: 4 } as ReplayRun;
    const api = new AnalyticsApi(() => 'session', async () => false, async () => new Response(JSON.stringify([run]), { status: 200, headers: { 'content-type': 'application/json' } }));
    await render(<Replays api={api} />);
    expect(regionOf('replay-runs')).toEqual({ className: 'table-region', role: 'region', name: 'Tabelle: Probeläufe vor dem Start', tabIndex: 0 });
  });
});
