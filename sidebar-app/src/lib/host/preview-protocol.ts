/** Messages between the sidebar frame and the local preview page (same origin, postMessage). */
export const SIDEBAR_SOURCE = 'copilot-sidebar';
export const PREVIEW_SOURCE = 'copilot-preview';

export type PreviewMethod =
  | 'getTicket' | 'getCurrentUser' | 'getCommentText' | 'appendText' | 'setCommentText' | 'applyMacro' | 'applyTriage' | 'takeStep' | 'resize' | 'request';

/** Sidebar → page: a call, or the answer to an event that waits (the save hook). */
export type SidebarMessage =
  | { source: typeof SIDEBAR_SOURCE; id: number; method: PreviewMethod; args: unknown[] }
  | { source: typeof SIDEBAR_SOURCE; replyTo: number };

/** Page → sidebar: the answer to a call, or an event. */
export type PreviewMessage =
  | { source: typeof PREVIEW_SOURCE; replyTo: number; result?: unknown; error?: string }
  | { source: typeof PREVIEW_SOURCE; event: 'ticket.save' | 'ticket.conversation.changed'; id: number };
