/**
 * The words the sidebar and dashboard share with the backend, from the generated wire types
 * (src/lib/api/generated.ts, made from the backend's OpenAPI document): defined once, in C#
 * (src/Copilot.Api/Vocabulary/). Labels for people live here; the words themselves never do.
 */
import type { components } from './generated';
import { editBucketValues, feedbackOutcomeValues, rejectionReasonValues, suggestionKindValues } from './generated';

export type Schemas = components['schemas'];
export type Outcome = Schemas['FeedbackOutcome'];
export type Reason = Schemas['RejectionReason'];
export type EditBucket = Schemas['EditBucket'];
export type SuggestionKind = Schemas['SuggestionKind'];

export const OUTCOMES: readonly Outcome[] = feedbackOutcomeValues;
export const REASONS: readonly Reason[] = rejectionReasonValues;
export const EDIT_BUCKETS: readonly EditBucket[] = editBucketValues;
export const SUGGESTION_KINDS: readonly SuggestionKind[] = suggestionKindValues;

const REASON_LABELS: Record<Reason, string> = {
  'wrong-facts': 'Wrong facts', 'wrong-tone': 'Wrong tone', 'outdated-article': 'Outdated article',
  'missing-context': 'Missing context', policy: 'Against policy', other: 'Other',
};

export function reasonLabel(reason: string): string {
  return REASON_LABELS[reason as Reason] ?? reason;
}

const BUCKET_LABELS: Record<EditBucket, string> = { '0-10': 'under 10%', '10-25': '10–25%', '25-50': '25–50%', '50+': '50% or more' };

export function editBucketLabel(bucket: string): string {
  return BUCKET_LABELS[bucket as EditBucket] ?? bucket;
}
