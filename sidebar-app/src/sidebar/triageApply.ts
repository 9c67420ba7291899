import type { Outcome, Triage } from '../lib/api/types';
import type { HostAbilities, TriageWrite } from '../lib/host/host';

/** What the agent applies: triage's intent and priority, or the ones they picked instead. */
export interface TriageChoice { intent: string; priority: string }

/**
 * Where the choice goes on the ticket, by the tenant's mapping (`applyTo`): the intent's field only with the value the
 * backend read the helpdesk's field takes for that intent (a dropdown's option); an intent it has none for sets no field.
 */
export function triageWrite(triage: Triage, choice: TriageChoice): TriageWrite {
  const to = triage.applyTo;
  const tag = to?.intentTags[choice.intent];
  const field = to?.intentField;
  const value = field?.values[choice.intent];
  return {
    priority: to?.priority ? choice.priority : undefined,
    tags: tag ? [tag] : [],
    intentField: field && value
      ? { key: field.key, title: field.title, value: value.value, label: value.label, ...(value.addsOption ? { addsOption: true } : {}) }
      : undefined,
  };
}

/** What of a write the helpdesk lets the app make, and what it does not (for the agent to copy and set by hand: a field's value as agents pick it). */
export function splitWrite(write: TriageWrite, can?: HostAbilities): { write: TriageWrite; copyTags: string[]; copyField?: string } {
  const tags = can?.tags === false ? [] : write.tags;
  const field = can?.intentField === false ? undefined : write.intentField;
  return {
    write: { ...write, tags, intentField: field },
    copyTags: write.tags.filter((t) => !tags.includes(t)),
    copyField: write.intentField && !field ? write.intentField.label : undefined,
  };
}

/**
 * The verdict recorded for the triage suggestion: applied as suggested → accepted; changed before applying →
 * edited, with the values applied (`finalText`, in the suggestion's own `key=value` form) and what was overridden.
 */
export function triageVerdict(triage: Triage, choice: TriageChoice): { outcome: Outcome; finalText?: string; comment: string } {
  const changed = [
    choice.intent !== triage.intent.value ? `intent ${triage.intent.value}→${choice.intent}` : null,
    choice.priority !== triage.priority.value ? `priority ${triage.priority.value}→${choice.priority}` : null,
  ].filter((c): c is string => c !== null);
  if (changed.length === 0) return { outcome: 'accepted', comment: 'applied to the ticket' };
  return {
    outcome: 'edited',
    finalText: `intent=${choice.intent} sentiment=${triage.sentiment.value} language=${triage.language.value} priority=${choice.priority}`,
    comment: `overridden: ${changed.join(', ')}`,
  };
}
