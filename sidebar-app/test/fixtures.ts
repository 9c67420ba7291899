// Whole wire shapes for tests, from the few fields a test cares about: the generated types require every field the
// backend always writes, so a fixture is a complete answer with the test's fields over neutral defaults.
import type { Answer, Assist, Draft, Source, SuggestedAction, Triage, Warning } from '../src/lib/api/types';
import type { MacroEffect } from '../src/lib/host/host';

const offline = { name: 'offline', offline: true, modelAvailable: false };

export const sourceOf = (s: Partial<Source> & Pick<Source, 'sourceId' | 'title'>): Source =>
  ({ kind: 'article', url: null, passage: '', score: 1, locale: null, ...s });

export const warningOf = (w: Partial<Warning> & Pick<Warning, 'ruleId' | 'name' | 'action'>): Warning =>
  ({ evidence: '', commentId: null, ...w });

export const assistOf = (a: Partial<Omit<Assist, 'summary'>> & { summary?: Partial<Assist['summary']> } = {}): Assist => ({
  ticketId: 1, assistId: 'as-1', articles: [], macros: [], similarTickets: [], warnings: [], handoff: false,
  matches: { articles: 'found', macros: 'found', similarTickets: 'found' }, language: { code: 'en', confidence: 0.9 },
  provider: offline, cached: false, latestCommentId: 1, generatedAt: '2026-03-02T09:30:00Z',
  ...a,
  summary: { customerWants: '', tried: '', status: '', nextStep: '', ...a.summary },
});

export const draftOf = (d: Partial<Draft> = {}): Draft => ({
  status: 'drafted', suggestionId: 'sg_1', text: 'Hello', citations: [], language: 'en', provider: offline, warnings: [], label: '', ...d,
});

export const answerOf = (a: Partial<Answer> = {}): Answer => ({
  status: 'answered', conversationId: 'cv_1', turn: 1, followUp: false, suggestionId: 'sg_a', text: 'Within 30 days.', citations: [], provider: offline, label: '', ...a,
});

export const triageOf = (t: Partial<Triage> & Pick<Triage, 'intent' | 'sentiment' | 'language' | 'priority'>): Triage =>
  ({ ticketId: 101, suggestionId: 'sg_t', warnings: [], handoff: false, provider: offline, ...t });

export const macroEffectOf = (m: Partial<MacroEffect> = {}): MacroEffect =>
  ({ macroId: 1, comment: null, commentPublic: true, changes: [], tagsAdded: [], tagsRemoved: [], ...m });

/** A proposed action as the backend sends it: by default, set the priority from normal to urgent (a procedure's step). */
export const actionOf = (a: Partial<SuggestedAction> = {}): SuggestedAction => ({
  id: 'ac_000000000000000000000001', kind: 'set-priority', source: 'procedure', description: 'Set priority: normal → urgent',
  changes: [{ field: 'priority', from: 'normal', to: 'urgent' }], state: 'proposed', procedureId: 'damaged-returns', procedureVersion: 2,
  step: 'Set priority to urgent.', ruleId: null, score: null, otherTicketId: null, otherTicketUrl: null, suggestionId: null, result: null, ...a,
});

/** localStorage in memory, for the queue and the tracker. */
export class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
}
