/** Wire shapes of the backend (docs/api.md). The vocabulary (outcomes, reasons, …) is generated: ./vocabulary. */
import type { Outcome, Reason, Schemas } from './vocabulary';

export type { Outcome, Reason } from './vocabulary';

export interface Source { sourceId: string; title: string; url?: string; passage?: string; score?: number; locale?: string }

/** Per kind: matches in the ticket's language, only in another language (labelled), or no good match (nothing shown). */
export type MatchStatus = 'found' | 'other-language' | 'no-good-match';
export interface Matches { articles: MatchStatus; macros: MatchStatus; similarTickets: MatchStatus }
/** What the agent can do when a rule fires, as the admin set it: hand to a group, add tags, add an internal note. */
export interface WayForward { groupId?: number | null; groupName?: string | null; tags?: string[] | null; internalNote?: boolean }
export interface Warning { ruleId: string; name: string; action: 'handoff' | 'caution' | string; evidence?: string; commentId?: number; wayForward?: WayForward | null }
export interface Provider { name: string; offline: boolean; modelAvailable?: boolean; detail?: string }

export interface Assist {
  ticketId: number;
  /** This computation of the assist: what the sidebar displays of it is reported under this id (see Shown). */
  assistId: string;
  summary?: { customerWants?: string; tried?: string; status?: string; nextStep?: string };
  articles: Source[];
  macros: Source[];
  similarTickets: Source[];
  matches?: Matches;
  language?: { code: string; confidence: number };
  warnings: Warning[];
  handoff: boolean;
  provider?: Provider;
  cached?: boolean;
  latestCommentId?: number;
  generatedAt?: string;
  /** The last assist, shown because the helpdesk failed or was slow; staleReason says why and from when. */
  stale?: boolean;
  staleReason?: string;
}

/** Body of POST …/assist/{assistId}/shown: the kinds are the vocabulary's SuggestionKind (generated). */
export type ShownRequest = Schemas['ShownRequest'];

/** The items of an assist the sidebar displayed: the kinds of the vocabulary an assist holds. */
export type ShownKind = Extract<NonNullable<ShownRequest['kinds']>[number], 'summary' | 'articles' | 'macros' | 'similar-tickets' | 'handoff'>;

/** The suggestion id of each displayed item: what its feedback (used, thumbs) is recorded against. */
export interface Shown { summary?: string | null; articles?: string | null; macros?: string | null; similarTickets?: string | null; handoff?: string | null }

export interface Citation { sourceId: string; kind?: string; title: string; url?: string }

/** Body of POST /api/tickets/{id}/draft; both fields optional. */
export interface DraftRequest {
  instructions?: string;
  /** The signed-in agent's name: it signs the draft and fills agent placeholders in macros. */
  agentName?: string;
}

/** A sentence a source addresses to agents (guideline or procedure wording): for the agent, never part of the draft. */
export interface GuidanceNote { text: string; sourceId: string; kind: string; title: string; url?: string }

/** How a colleague solved a similar case: a past reply with its case details replaced by placeholders, and a link to that ticket. */
export interface ColleagueCase { sourceId: string; title: string; url?: string; excerpt: string }

/** What an offline draft is: an answer, a holding reply that asks for details, an acknowledgement (no reply needed), or a link to a source in another language. */
export type DraftKind = 'answer' | 'holding' | 'acknowledgement' | 'other-language';

/** A guardrail finding on a draft (docs/api.md, `flagDetails`): one per entry of `flags`, in the same order. */
export type DraftFlagCode = 'instructions-removed' | 'citation-removed' | 'link-removed' | 'unbacked-promise' | 'requested-promise'
  | 'no-citation' | 'needs-input' | 'model-interrupted' | 'check-before-sending';
export type PromiseKind = 'refund' | 'credit' | 'discount' | 'date' | 'exception';
export interface DraftFlag { code: DraftFlagCode; reason: string; kind?: PromiseKind | null; span?: string | null }

export interface Draft {
  status: 'drafted' | 'withheld';
  suggestionId?: string;
  text?: string;
  citations?: Citation[];
  language?: string;
  provider?: Provider;
  warnings?: Warning[];
  label?: string;
  reason?: string;
  flags?: string[];
  flagDetails?: DraftFlag[] | null;
  draftKind?: DraftKind;
  guidance?: GuidanceNote[];
  colleagueCases?: ColleagueCase[];
}


export interface FeedbackEvent {
  eventId: string;
  suggestionId: string;
  outcome: Outcome;
  finalText?: string;
  reason?: Reason;
  comment?: string;
}

export type RewriteAction = 'expand' | 'shorten' | 'friendlier' | 'more-formal' | 'fix-grammar' | 'translate';

/** `changed: false` means nothing was changed (no suggestion id then); `note` says what the offline provider did or could not do. */
export interface Rewrite {
  text: string;
  suggestionId?: string | null;
  provider?: Provider;
  flags?: string[];
  changed?: boolean;
  edits?: string[];
  note?: string | null;
}

/** A problem+json answer; `errors` names each field a validation problem found, with its messages. */
export interface Problem { status: number; title: string; detail?: string; errors?: Record<string, string[]> }

export interface Labelled { value: string; confidence: number }

/** Where applying triage writes on the ticket (the tenant's mapping). */
export interface TriageTargets { intentFieldId?: number | null; intentTags: Record<string, string>; priority: boolean; priorities: string[] }

export interface Triage {
  ticketId: number;
  suggestionId: string;
  intent: Labelled;
  sentiment: Labelled;
  language: Labelled;
  priority: Labelled;
  intentCandidates?: Labelled[];
  applyTo?: TriageTargets;
  provider?: Provider;
}
