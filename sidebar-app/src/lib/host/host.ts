/**
 * What the sidebar needs from the helpdesk page around it. Everything vendor-specific lives
 * in an implementation (ZafHost for Zendesk, FreshworksHost for Freshdesk, PreviewHost for the
 * local preview), so another helpdesk only needs one more class.
 */
import type { MacroPreview } from '../api/types';

export interface TicketInfo {
  id: number;
  subject: string;
  requester: { name: string; email: string | null; locale: string | null };
}

export interface HostUser {
  id: string;
  name: string;
  locale: string | null;
  /** The agent's own helpdesk signature; Zendesk appends it to public replies itself. */
  signature?: string | null;
}

/** Runs before the ticket is saved. Must settle quickly: the agent is waiting for the save. */
export type SaveHook = () => Promise<void> | void;

export interface HostRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  contentType?: string;
}

/** What a macro does to the ticket, as the backend previewed it (GET …/macros/{id}/preview). */
export type MacroEffect = MacroPreview;

/**
 * Triage as the agent applies it to the ticket: the priority, tags to add, and the intent's ticket field — its `key` as
 * the helpdesk names it (Zendesk's custom field id, Freshdesk's `cf_…` name), the `value` it takes and the `label`
 * agents see for it.
 */
export interface TriageWrite { priority?: string; tags: string[]; intentField?: TriageFieldWrite }

/** The intent's field: set to `value`, or, a multi-select's option (`addsOption`), added beside those already chosen. */
export interface TriageFieldWrite { key: string; title: string; value: string; label: string; addsOption?: boolean }

/** One step of a rule's way forward, as the agent takes it. */
export type HandoffStep = { kind: 'group'; groupId: number } | { kind: 'tags'; tags: string[] } | { kind: 'note'; text: string };

/**
 * What the helpdesk lets an app write on the ticket being edited, where it cannot do all the sidebar offers:
 * for what it cannot, the sidebar says so and offers the value to copy. Absent: it writes everything.
 */
export interface HostAbilities {
  /** Adds tags (triage's intent tag, a way forward's tags, a macro's tags). */
  tags: boolean;
  /** Sets triage's intent in a custom ticket field (Zendesk: by its id; Freshdesk: by its `cf_…` name). */
  intentField: boolean;
}

export interface Host {
  readonly kind: 'zendesk' | 'freshworks' | 'preview';
  readonly abilities?: HostAbilities;
  getTicket(): Promise<TicketInfo>;
  getCurrentUser(): Promise<HostUser>;
  /** The reply the agent is writing, as HTML. */
  getCommentText(): Promise<string>;
  appendText(text: string): Promise<void>;
  setCommentText(html: string): Promise<void>;
  /** Returns a function that removes the hook. */
  onTicketSave(hook: SaveHook): () => void;
  onConversationChanged(handler: () => void): () => void;
  resize(height: number): Promise<void>;
  /** Applies the macro as the helpdesk applies it (text, fields, tags); the preview page plays `effect` instead. */
  applyMacro(effect: MacroEffect): Promise<void>;
  /** Writes triage onto the ticket being edited (saved with the agent's next update, as any field change). */
  applyTriage(write: TriageWrite): Promise<void>;
  /** Takes one step of a rule's way forward on the ticket being edited (saved with the agent's next update). */
  takeStep(step: HandoffStep): Promise<void>;
  /** A call to the helpdesk's own API, made through the host. */
  request<T>(request: HostRequest): Promise<T>;
  /** A message in the helpdesk's own notification area (outside the sidebar). */
  notify?(kind: 'success' | 'info' | 'warning' | 'error', message: string): Promise<void>;
}

/** Resolves with the promise's value, or with undefined once `ms` have passed. */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      () => { clearTimeout(timer); resolve(undefined); },
    );
  });
}
