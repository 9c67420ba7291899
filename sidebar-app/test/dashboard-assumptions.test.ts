// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Assumptions } from '../src/dashboard/Assumptions';
import { emptyFields, fieldsOf, readFields, serverErrors } from '../src/dashboard/assumptions';
import { dashboardFormat } from '../src/dashboard/format';
import { LOCALES, loadMessages } from '../src/lib/i18n/locales';
import { dashboardLocale } from '../src/dashboard/locale';
import { AnalyticsApi, type DashboardTimeSaved } from '../src/lib/api/analytics';
import { I18nProvider } from '../src/lib/i18n/i18n';

// Languages load lazily in the app (before the dashboard renders); here, all of them up front.
await Promise.all(LOCALES.map((l) => loadMessages(l)));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const kinds = { draft: 4, summary: 2, articles: 1.5, macros: 1, 'similar-tickets': 1, handoff: 1, rewrite: 1, triage: 0.5, answer: 2, procedure: 0, action: 0.5 };

function saved(over: Partial<DashboardTimeSaved> = {}, minutes: Partial<typeof kinds> = {}, setByAdmin: (keyof typeof kinds)[] = []): DashboardTimeSaved {
  return {
    assumptions: { minutesPerUse: { ...kinds, ...minutes }, editedSavingsFactor: 0.5, setByAdmin },
    defaults: kinds, maxMinutes: 240, canEdit: true, ...over,
  };
}

describe('assumptions form', () => {
  const en = dashboardFormat('en');
  const de = dashboardFormat('de');

  it('fills the kinds the admin set and leaves the others empty, to use their defaults', () => {
    const fields = fieldsOf(saved({}, { draft: 6.5 }, ['draft']), de);
    expect(fields.draft).toBe('6,5');
    expect(fields.summary).toBe('');
    expect(Object.keys(fields)).toHaveLength(11);
  });

  it('reads minutes written with a decimal point or comma, and leaves empty fields out', () => {
    const read = readFields({ ...emptyFields(), draft: ' 6,5 ', summary: '3', triage: '' }, 240, de);
    expect(read).toEqual({ minutes: { draft: 6.5, summary: 3 }, errors: {} });
    expect(readFields({ ...emptyFields(), draft: '0.25' }, 240, en).minutes).toEqual({ draft: 0.25 });
  });

  it('names each field that is not a number of minutes from 0 to the maximum, in the agent\'s language', () => {
    const read = readFields({ ...emptyFields(), draft: 'four', summary: '241', macros: '-1', articles: '1,2.3' }, 240, en);
    expect(read.minutes).toEqual({});
    expect(read.errors).toEqual({
      draft: 'Enter a number of minutes, such as 2.5.',
      summary: 'Enter minutes from 0 to 240.',
      macros: 'Enter minutes from 0 to 240.',
      articles: 'Enter a number of minutes, such as 2.5.',
    });
    expect(readFields({ ...emptyFields(), draft: 'vier' }, 240, de).errors.draft).toBe('Geben Sie eine Anzahl Minuten ein, zum Beispiel 2,5.');
  });

  it('puts the server\'s field errors at their kind, whatever the path, and keeps the rest', () => {
    expect(serverErrors({ 'minutesPerUse.draft': ['Minutes from 0 to 240.'], '$.minutesPerUse.summary': ['Not a number.'], minutesPerUse: ['Required.'], 'minutesPerUse.drafts': ['Unknown kind.'] }))
      .toEqual({ fields: { draft: 'Minutes from 0 to 240.', summary: 'Not a number.' }, other: ['Required.', 'Unknown kind.'] });
    expect(serverErrors(undefined)).toEqual({ fields: {}, other: [] });
  });
});

describe('dashboard language', () => {
  it('follows the Zendesk user\'s locale inside Zendesk', async () => {
    expect(await dashboardLocale({ host: 'zendesk', search: '?locale=fr', browser: 'en-US', zendeskLocale: async () => 'de-CH' })).toBe('de');
    expect(await dashboardLocale({ host: 'zendesk', search: '', browser: 'nl-NL', zendeskLocale: async () => 'pt' })).toBe('pt-BR');
  });

  it('in the preview follows ?locale=, else the browser, else English', async () => {
    const none = async () => { throw new Error('no ZAF in the preview'); };
    expect(await dashboardLocale({ host: 'preview', search: '?locale=it', browser: 'de-DE', zendeskLocale: none })).toBe('it');
    expect(await dashboardLocale({ host: 'preview', search: '', browser: 'es-MX', zendeskLocale: none })).toBe('es');
    expect(await dashboardLocale({ host: 'preview', search: '?locale=ja', browser: 'es', zendeskLocale: none })).toBe('en');
    expect(await dashboardLocale({ host: 'zendesk', search: '', browser: 'fr', zendeskLocale: none })).toBe('fr');
  });
});

/** The editor over a fake backend that answers the dashboard's time-saved routes. */
function backend(first: DashboardTimeSaved, put: (body: { minutesPerUse: Record<string, number> }) => Response) {
  const puts: unknown[] = [];
  const impl = (async (_url: string, init?: RequestInit) => {
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body));
      puts.push(body);
      return put(body);
    }
    return new Response(JSON.stringify(first), { headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { api: new AnalyticsApi(() => 'tok', undefined, impl), puts };
}

describe('assumptions editor', () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => { container = document.createElement('div'); document.body.append(container); root = createRoot(container); });
  afterEach(() => { act(() => root.unmount()); container.remove(); });

  const settle = () => act(async () => { for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0)); });
  const render = async (api: AnalyticsApi, locale = 'en', onSaved: (s: DashboardTimeSaved) => void = () => undefined) => {
    await act(async () => root.render(createElement(I18nProvider, { locale, children: createElement(Assumptions, { api, onSaved }) })));
    await settle();
  };
  const field = (kind: string) => container.querySelector<HTMLInputElement>(`tr[data-kind="${kind}"] input`)!;
  const type = async (kind: string, text: string) => {
    const input = field(kind);
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const submit = async () => {
    await act(async () => { container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await settle();
  };

  it('shows a team lead the minutes assumed, which set by the admin, and no field to change them', async () => {
    const { api } = backend(saved({ canEdit: false }, { draft: 6 }, ['draft']), () => new Response('', { status: 403 }));
    await render(api, 'de');
    expect(container.querySelectorAll('input')).toHaveLength(0);
    expect(container.querySelector('button')).toBeNull();
    expect(container.querySelector('tr[data-kind="draft"] td')!.textContent).toBe('6 Min. (vom Admin festgelegt)');
    expect(container.textContent).toContain('Nur ein Zendesk-Admin kann diese Annahmen ändern.');
  });

  it('lets an admin change a kind\'s minutes: sends only the kinds filled in and reports the saved assumptions', async () => {
    const after = saved({}, { draft: 7.5 }, ['draft']);
    const { api, puts } = backend(saved(), () => new Response(JSON.stringify(after), { headers: { 'Content-Type': 'application/json' } }));
    const savedWith: DashboardTimeSaved[] = [];
    await render(api, 'en', (s) => savedWith.push(s));
    expect(field('draft').placeholder).toBe('4');
    expect(field('draft').getAttribute('aria-label')).toBe('Minutes saved per use: Drafts');

    await type('draft', '7.5');
    await submit();

    expect(puts).toEqual([{ minutesPerUse: { draft: 7.5 } }]);
    expect(savedWith).toEqual([after]);
    expect(field('draft').value).toBe('7.5');
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Saved. Time saved is now estimated with these minutes.');
  });

  it('stops a bad value at its field before sending anything', async () => {
    const { api, puts } = backend(saved(), () => new Response('{}'));
    await render(api);

    await type('summary', '300');
    await submit();

    expect(puts).toEqual([]);
    expect(field('summary').getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(field('summary').getAttribute('aria-describedby')!);
    expect(message!.textContent).toBe('Enter minutes from 0 to 240.');
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('Fix the marked fields; nothing was saved.');
  });

  it('shows the server\'s problem at the field it names, and keeps what the admin typed', async () => {
    const problem = { title: 'The time-saved assumptions were not saved', status: 400, errors: { 'minutesPerUse.triage': ['Minutes from 0 to 240.'] } };
    const { api, puts } = backend(saved({ maxMinutes: 1000 }), () => new Response(JSON.stringify(problem), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
    const savedWith: DashboardTimeSaved[] = [];
    await render(api, 'en', (s) => savedWith.push(s));

    await type('triage', '500');
    await submit();

    expect(puts).toEqual([{ minutesPerUse: { triage: 500 } }]);
    expect(savedWith).toEqual([]);
    expect(field('triage').getAttribute('aria-invalid')).toBe('true');
    expect(field('triage').value).toBe('500');
    expect(document.getElementById(field('triage').getAttribute('aria-describedby')!)!.textContent).toBe('Minutes from 0 to 240.');
    expect(field('draft').getAttribute('aria-invalid')).toBeNull();
  });

  it('returns every kind to its default with one button and a save', async () => {
    const { api, puts } = backend(saved({}, { draft: 6, summary: 3 }, ['draft', 'summary']), () => new Response(JSON.stringify(saved()), { headers: { 'Content-Type': 'application/json' } }));
    await render(api);
    expect(field('draft').value).toBe('6');

    const useDefaults = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Use every default')!;
    await act(async () => { useDefaults.click(); });
    await submit();

    expect(puts).toEqual([{ minutesPerUse: {} }]);
    expect(field('draft').value).toBe('');
  });
});
