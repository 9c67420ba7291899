// @vitest-environment jsdom
import './dom-setup';
import { describe, expect, it, vi } from 'vitest';
import type { CopilotApi } from '../src/lib/api/client';
import type { FeedbackTracker } from '../src/lib/feedback/tracker';
import { agentLanguage, I18nProvider } from '../src/lib/i18n/i18n';
import { TriagePanel } from '../src/sidebar/TriagePanel';
import { triageOf } from './fixtures';
import { container, hostIn, press, render } from './sidebar-dom';

const tracker = { inserted: vi.fn(), thumbsUp: vi.fn(), thumbsDown: vi.fn(), used: vi.fn(), judge: vi.fn() } as unknown as FeedbackTracker;
const label = (value: string, confidence: number) => ({ value, confidence });

async function suggested(locale: string, intent: { value: string; confidence: number }, candidates: { value: string; confidence: number }[]) {
  const triage = triageOf({ intent, intentCandidates: candidates, sentiment: label('neutral', 0.6), language: label('de', 0.93), priority: label('normal', 0.5) });
  const api = { triage: vi.fn().mockResolvedValue(triage) } as unknown as CopilotApi;
  await agentLanguage(locale); // the messages load before the panel speaks them
  await render(<I18nProvider locale={locale}><TriagePanel ticketId={103} api={api} host={hostIn(locale)} tracker={tracker} /></I18nProvider>);
  await press(locale === 'de' ? 'Einstufung vorschlagen' : 'Suggest triage');
  return container.querySelector('label.chip')!.textContent!;
}

describe('the intent chip', () => {
  it('says "other" is unsure, with the likeliest intent, not how sure it is of "other"', async () => {
    const chip = await suggested('en', label('other', 0.877), [label('billing', 0.123), label('account', 0.1)]);
    expect(chip).toContain('unsure: likeliest billing (12%)');
    expect(chip).not.toContain('88%');
  });

  it('says unsure alone when no intent is likelier than another, and a learned intent with its confidence', async () => {
    expect(await suggested('en', label('other', 0.6), [])).toContain('unsure');
    expect(await suggested('en', label('billing', 0.97), [label('billing', 0.97)])).toContain('97% confident');
  });

  it('speaks the agent\'s language', async () => {
    expect(await suggested('de', label('other', 0.877), [label('billing', 0.123)])).toContain('unsicher: am ehesten billing');
  });
});
