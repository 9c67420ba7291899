import type { MessageKey } from '../i18n/locales';
import type { ColleagueCase, Draft } from './types';

/** The guidance of one source, in the order the draft response lists it. */
export interface GuidanceGroup { sourceId: string; title: string; url: string | null; sentences: string[] }

/** Guidance grouped by the source it came from, so the agent reads each guideline's steps together. */
export function guidanceBySource(draft: Draft): GuidanceGroup[] {
  const groups = new Map<string, GuidanceGroup>();
  for (const note of draft.guidance ?? []) {
    const group = groups.get(note.sourceId) ?? { sourceId: note.sourceId, title: note.title, url: note.url, sentences: [] };
    if (!group.sentences.includes(note.text)) group.sentences.push(note.text);
    groups.set(note.sourceId, group);
  }
  return [...groups.values()];
}

/** Colleagues' cases with something to read (an excerpt), each once. */
export function colleagueCases(draft: Draft): ColleagueCase[] {
  const seen = new Set<string>();
  return (draft.colleagueCases ?? []).filter((c) => c.excerpt.trim().length > 0 && !seen.has(c.sourceId) && seen.add(c.sourceId));
}

/**
 * What the agent should know about the kind of draft before inserting it (its message key): what a holding reply, an
 * acknowledgement or a follow-up is; for an answer, only that its source was found by meaning alone (a paraphrase).
 */
export function draftKindNote(draft: Draft): MessageKey | undefined {
  const kind = draft.draftKind;
  if (kind && kind !== 'answer') return `sidebar.draft.kind.${kind}`;
  return draft.foundByMeaning ? 'sidebar.draft.foundByMeaning' : undefined;
}
