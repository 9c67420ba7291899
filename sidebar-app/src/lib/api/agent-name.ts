import { withDeadline, type Host } from '../host/host';

/** The backend's rule for `agentName` (docs/api.md): letters of any script with their marks, spaces, hyphens, apostrophes and dots. */
const NAME = /^(?:\p{L}[\p{Mn}\p{Mc}\u200C\u200D]*|[ .'\u2019\u2010-])+$/u;
const MAX_LENGTH = 100;
const HOST_WAIT_MS = 2000;

/**
 * The helpdesk's name for the agent as the draft request carries it, or undefined when it is not
 * one the backend signs with ("Support Team (EU)", an e-mail address): the draft is then signed
 * without a name rather than refused.
 */
export function signatureName(name: string | null | undefined): string | undefined {
  const trimmed = (name ?? '').normalize('NFC').trim();
  if (!trimmed || [...trimmed].length > MAX_LENGTH || !NAME.test(trimmed) || !/\p{L}/u.test(trimmed)) return undefined;
  return trimmed.replace(/ {2,}/g, ' ');
}

/**
 * The signed-in agent's name from the host (ZAF `currentUser`, or the preview's agent); undefined when the
 * host does not say in time, or when the agent has a helpdesk signature of their own: Zendesk appends it to
 * the public reply, and a draft signed by us too would end with two signatures.
 */
export async function currentAgentName(host: Pick<Host, 'getCurrentUser'>, ms = HOST_WAIT_MS): Promise<string | undefined> {
  const user = await withDeadline(host.getCurrentUser(), ms);
  return user?.signature?.trim() ? undefined : signatureName(user?.name);
}
