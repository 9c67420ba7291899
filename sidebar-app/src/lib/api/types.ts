/**
 * Wire shapes of the backend (docs/api.md), as the generated types (./generated.ts, from the backend's OpenAPI
 * document) name them. Nothing here is written by hand but the client-side parts: which field of a request the
 * client fills in, and the suggestion id a feedback event travels with in its URL.
 */
import type { Schemas } from './vocabulary';

export type { Outcome, Reason } from './vocabulary';

export type Source = Schemas['SourceDto'];
/** Per kind: matches in the ticket's language, only in another language (labelled), or no good match (nothing shown). */
export type MatchStatus = Schemas['MatchStatus'];
export type Matches = Schemas['MatchesDto'];
/** What the agent can do when a rule fires, as the admin set it: hand to a group, add tags, add an internal note. */
export type WayForward = Schemas['WayForward'];
export type Warning = Schemas['WarningDto'];
export type Provider = Schemas['ProviderDto'];

/** What the copilot worked out for a ticket; `assistId` is what its display is reported under (see Shown). */
export type Assist = Schemas['AssistResponse'];

/** Body of POST …/assist/{assistId}/shown: the kinds are the vocabulary's SuggestionKind (generated). */
export type ShownRequest = Schemas['ShownRequest'];

/** The items of an assist the sidebar displayed: the kinds of the vocabulary an assist holds. */
export type ShownKind = Extract<NonNullable<ShownRequest['kinds']>[number], 'summary' | 'articles' | 'macros' | 'similar-tickets' | 'handoff' | 'procedure'>;

/** The suggestion id of each displayed item: what its feedback (used, thumbs) is recorded against. */
export type Shown = Partial<Schemas['ShownResponse']>;

export type Citation = Schemas['CitationDto'];

/** Body of POST /api/tickets/{id}/draft; both fields optional. */
export type DraftRequest = Schemas['DraftRequest'];

/** A sentence a source addresses to agents (guideline or procedure wording): for the agent, never part of the draft. */
export type GuidanceNote = Schemas['GuidanceDto'];

/** How a colleague solved a similar case: a past reply with its case details replaced by placeholders, and a link to that ticket. */
export type ColleagueCase = Schemas['ColleagueCaseDto'];

export type Draft = Schemas['DraftResponse'];
/** What an offline draft is: an answer, a holding reply that asks for details or says we are looking into it, an acknowledgement (no reply needed), a link to a source in another language, a check-in, an offer of more help, or thanks for a suggestion. */
export type DraftKind = NonNullable<Draft['draftKind']>;

/** A guardrail finding on a draft (`flagDetails`): one per entry of `flags`, in the same order. */
export type DraftFlag = Schemas['DraftFlag'];
export type DraftFlagCode = Schemas['DraftFlagCode'];
export type PromiseKind = Schemas['CommitmentKind'];

/** A procedure the team wrote for the ticket's intent: the steps to follow, with its id and version to cite it. */
export type MatchedProcedure = Schemas['MatchedProcedureDto'];

/** Body of POST /api/tickets/{id}/ask: the question, and the conversation it follows up on (from an earlier answer). */
export type AskRequest = Schemas['AskRequest'];

/** An answer: `answered` (a suggestion, with citations; offline ones quote passages) or `unknown` (nothing in the knowledge covers it). */
export type Answer = Schemas['AskResponse'];

/** A feedback event: the request body, with the suggestion it is about (sent in the URL). */
export type FeedbackEvent = Schemas['FeedbackRequest'] & { eventId: string; suggestionId: string; outcome: Schemas['FeedbackOutcome'] };

export type RewriteAction = NonNullable<Schemas['RewriteRequest']['action']>;

/** `changed: false` means nothing was changed (no suggestion id then); `note` says what the offline provider did or could not do. */
export type Rewrite = Schemas['RewriteResponse'];

/** A problem+json answer; `errors` names each field a validation problem found, with its messages. */
export interface Problem { status: number; title: string; detail?: string; errors?: Record<string, string[]> }

export type Labelled = Schemas['Labelled'];

/** Where applying triage writes on the ticket (the tenant's mapping). */
export type TriageTargets = Schemas['TriageTargetsDto'];

export type Triage = Schemas['TriageResponse'];

/** What a macro does to the ticket, as the backend previewed it (GET …/macros/{id}/preview). */
export type MacroPreview = Schemas['MacroPreviewResponse'];

/** An action proposed for the ticket: what it will change, where it comes from, where it stands (GET …/actions). */
export type SuggestedAction = Schemas['ActionDto'];
export type ActionList = Schemas['ActionsResponse'];
/** What an approved action did: applied, read (a lookup's answer), or failed (nothing changed). */
export type ActionOutcome = Schemas['ActionResult'];
export type ActionDecision = Schemas['ActionDecisionResponse'];
export type ActionsShown = Schemas['ActionsShownResponse'];
