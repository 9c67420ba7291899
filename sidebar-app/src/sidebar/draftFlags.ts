import { commitmentKindValues } from '../lib/api/generated';
import type { Draft, DraftFlagCode, PromiseKind } from '../lib/api/types';

/**
 * A guardrail finding as the draft panel shows it: by its code (said in the agent's language), with the words it is
 * about; `reason` is the backend's own sentence. `promise` findings need the agent's confirmation before Insert.
 */
export interface ShownFlag { code?: DraftFlagCode; reason: string; span?: string; promise?: PromiseKind }

const PROMISES: readonly PromiseKind[] = commitmentKindValues;

/** The draft's findings: the structured ones when the server sends them, else its plain sentences (older servers). */
export function shownFlags(draft: Draft): ShownFlag[] {
  if (draft.flagDetails && draft.flagDetails.length > 0) {
    return draft.flagDetails.map((f) => ({
      code: f.code,
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
