import type { Draft, PromiseKind } from '../lib/api/types';

/** A guardrail finding as the draft panel shows it. `promise` findings need the agent's confirmation before Insert. */
export interface ShownFlag { reason: string; span?: string; promise?: PromiseKind }

const PROMISES: readonly PromiseKind[] = ['refund', 'credit', 'discount', 'date', 'exception'];

/** The draft's findings: the structured ones when the server sends them, else its plain sentences (older servers). */
export function shownFlags(draft: Draft): ShownFlag[] {
  if (draft.flagDetails && draft.flagDetails.length > 0) {
    return draft.flagDetails.map((f) => ({
      reason: f.reason,
      span: f.span ?? undefined,
      promise: f.kind && PROMISES.includes(f.kind) ? f.kind : undefined,
    }));
  }
  return (draft.flags ?? []).map((reason) => ({ reason }));
}

/** The promises (refund, credit, discount, date, exception) the agent must confirm before inserting the draft. */
export function promisesToConfirm(draft: Draft): ShownFlag[] {
  return shownFlags(draft).filter((f) => f.promise);
}
