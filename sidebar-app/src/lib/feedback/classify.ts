import type { Outcome, Reason } from '../api/vocabulary';
import { htmlToText, normalize } from './text';
import { measure, words } from './words';

export interface Classification {
  outcome: Outcome;
  finalText?: string;
  reason?: Reason;
  comment?: string;
}

/** Below this share of the draft's words surviving in the reply, the draft counts as removed. */
export const REMOVED_BELOW = 0.2;

/** Share of the inserted text's words (with repeats) that are still in the reply. */
export function survivingShare(inserted: string, reply: string): number {
  const want = words(inserted);
  if (want.length === 0) return 1;
  const have = new Map<string, number>();
  for (const w of words(reply)) have.set(w, (have.get(w) ?? 0) + 1);
  let kept = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) { kept++; have.set(w, n - 1); }
  }
  return kept / want.length;
}

/**
 * What the agent did with an inserted draft, judged from the reply about to be sent, by the
 * backend's word rule (./words): the same words → accepted; changed → edited (the backend measures
 * how much, from the text it receives); removed before sending → rejected.
 */
export function classify(insertedText: string, replyHtml: string): Classification {
  const inserted = normalize(insertedText);
  const reply = htmlToText(replyHtml);
  // Spacing, line structure and punctuation are not words, so they are not an edit.
  if (measure(inserted, reply).distance === 0 && words(reply).length > 0) return { outcome: 'accepted' };
  if (reply.length === 0 || survivingShare(inserted, reply) < REMOVED_BELOW) {
    return { outcome: 'rejected', reason: 'other', comment: 'removed before sending' };
  }
  return { outcome: 'edited', finalText: reply };
}
