// @vitest-environment jsdom
import './dom-setup';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { UiProvider } from '@ui';
import { I18nProvider } from '../src/lib/i18n/i18n';
import { ProcedurePanel } from '../src/sidebar/ProcedurePanel';
import type { MatchedProcedure } from '../src/lib/api/types';
import { assistOf } from './fixtures';

let root: Root | null = null;
let container: HTMLElement;
afterEach(() => { act(() => root?.unmount()); root = null; container.remove(); });

async function render(procedures: MatchedProcedure[], locale = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(<UiProvider><I18nProvider locale={locale}><ProcedurePanel assist={assistOf({ procedures })} open onToggle={() => undefined} /></I18nProvider></UiProvider>);
  });
}

describe('the procedure for the ticket', () => {
  it('lists its steps in order, with the intent and version it is', async () => {
    await render([{ id: 'damaged-item', version: 3, intent: 'returns', title: 'Damaged item', steps: ['Ask for a photo.', 'Offer a replacement under €50.'] }]);

    expect(container.querySelector('h2')!.textContent).toContain('Steps to follow');
    expect([...container.querySelectorAll('ol.steps li')].map((li) => li.textContent)).toEqual(['Ask for a photo.', 'Offer a replacement under €50.']);
    expect(container.textContent).toContain('Your team\'s procedure for “returns” tickets (version 3)');
  });

  it('shows nothing when the team wrote none for the intent', async () => {
    await render([]);

    expect(container.innerHTML).toBe('');
  });
});
