import { describe, expect, it } from 'vitest';
import { displayedKinds } from '../src/sidebar/displayed';
import { promisesToConfirm, shownFlags } from '../src/sidebar/draftFlags';
import { loadCollapsed, panelsKey, saveCollapsed } from '../src/sidebar/panels';
import { providerState } from '../src/sidebar/provider';
import { assistOf, draftOf, sourceOf } from './fixtures';

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

describe('provider state', () => {
  it('is a calm offline badge without a configured model, a warning only when a configured model fails', () => {
    expect(providerState(undefined)).toBe('model');
    expect(providerState({ name: 'azure-openai', offline: false, modelAvailable: true })).toBe('model');
    expect(providerState({ name: 'offline', offline: true, modelAvailable: false })).toBe('offline');
    // Kept from the model by a boundary rule: the model works, this ticket was not sent to it.
    expect(providerState({ name: 'openai', offline: true, modelAvailable: true })).toBe('offline');
    expect(providerState({ name: 'openai', offline: true, modelAvailable: false, detail: 'model unavailable — offline suggestion (unreachable).' })).toBe('failing');
  });
});

describe('draft flags', () => {
  const draft = draftOf({
    flags: ['Promises a refund the customer asked for: "refund". Confirm it against the policy before sending.', 'Link https://x.example is not in the sources and was removed.'],
    flagDetails: [
      { code: 'requested-promise', kind: 'refund', span: 'refund', reason: 'Promises a refund the customer asked for: "refund". Confirm it against the policy before sending.' },
      { code: 'link-removed', kind: null, span: 'https://x.example', reason: 'Link https://x.example is not in the sources and was removed.' },
    ],
  });

  it('shows each finding with its reason and span; only promises need a confirmation', () => {
    expect(shownFlags(draft)).toEqual([
      { code: 'requested-promise', reason: draft.flagDetails![0].reason, span: 'refund', promise: 'refund' },
      { code: 'link-removed', reason: draft.flagDetails![1].reason, span: 'https://x.example', promise: undefined },
    ]);
    expect(promisesToConfirm(draft).map((f) => f.promise)).toEqual(['refund']);
  });

  it('falls back to the plain sentences of an older server, which ask for no confirmation', () => {
    const older = draftOf({ flags: draft.flags });
    expect(shownFlags(older).map((f) => f.reason)).toEqual(draft.flags);
    expect(promisesToConfirm(older)).toEqual([]);
    expect(shownFlags(draftOf())).toEqual([]);
  });
});

describe('collapsed sections', () => {
  it('are remembered per agent', () => {
    const storage = new MemoryStorage();
    saveCollapsed(storage, '2001', new Set(['macros', 'similar-tickets']));
    expect([...loadCollapsed(storage, '2001')]).toEqual(['macros', 'similar-tickets']);
    expect([...loadCollapsed(storage, '2003')]).toEqual([]);
  });

  it('read as none when the stored value is not a list', () => {
    const storage = new MemoryStorage();
    storage.setItem(panelsKey('2001'), '{"macros":true}');
    expect(loadCollapsed(storage, '2001').size).toBe(0);
    storage.setItem(panelsKey('2001'), 'not json');
    expect(loadCollapsed(storage, '2001').size).toBe(0);
  });

  it('display nothing: a collapsed list is not reported as shown', () => {
    const source = sourceOf({ sourceId: '1', title: 'A' });
    const assist = assistOf({ summary: { nextStep: 'Reply' }, articles: [source], macros: [source], similarTickets: [source] });
    expect(displayedKinds(assist, (p) => p !== 'macros' && p !== 'summary')).toEqual(['articles', 'similar-tickets']);
  });
});
