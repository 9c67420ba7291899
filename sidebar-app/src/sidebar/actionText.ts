import type { SuggestedAction } from '../lib/api/types';
import { labelOf, type Translate } from '../lib/i18n/i18n';

type Change = SuggestedAction['changes'][number];

/** A ticket field's value in the agent's words where it is one of the helpdesk's own (a priority, a status, a type). */
const valueOf = (t: Translate, field: string, value: string | null) => (value === null ? '–' : labelOf(t, `sidebar.ticket.${field}.${value}`, value));

/** The backend writes added tags as "+a +b". */
const tagsOf = (to: string) => to.replace(/^\+/, '').split(' +');

/** The action's one change, when it is to `field`. */
const only = (a: SuggestedAction, field: string): Change | undefined => (a.changes.length === 1 && a.changes[0].field === field ? a.changes[0] : undefined);

/** "Returns (group 360001)" or "group 360001", as the backend names a group. */
function groupOf(to: string, t: Translate): string {
  const named = /^(.+) \(group \d+\)$/.exec(to);
  const id = /^group (\d+)$/.exec(to);
  return named ? named[1] : id ? t('way.groupId', { id: id[1] }) : to;
}

/** One change of a macro, as the macro preview shows it. */
function macroChange(c: Change, t: Translate): string {
  if (c.field === 'tags') {
    const tags = tagsOf(c.to);
    return t('macro.tagsAdded', { count: tags.length, tags: tags.join(', ') });
  }
  if (c.field === 'reply') return t('macro.reply');
  return `${labelOf(t, `sidebar.ticket.field.${c.field}`, c.field)}: ${valueOf(t, c.field, c.from)} → ${valueOf(t, c.field, c.to)}`;
}

/** A lookup's parameters as the backend lists them: "order LUM-1, zip 1011", by name. */
const valuesOf = (parameters: Record<string, string>) =>
  Object.keys(parameters).sort().map((k) => `${k} ${parameters[k]}`).join(', ');

/**
 * Each kind's words; nothing (a falsy value) when the action lacks what its kind needs (an action proposed before the
 * backend sent its `name`, or a shape this does not know).
 */
const DESCRIBE: Record<SuggestedAction['kind'], (a: SuggestedAction, t: Translate) => string | false | null | undefined> = {
  'set-priority': (a, t) => {
    const c = only(a, 'priority');
    return c && t('sidebar.actions.text.setPriority', { from: valueOf(t, 'priority', c.from), to: valueOf(t, 'priority', c.to) });
  },
  'set-type': (a, t) => { const c = only(a, 'type'); return c && t('sidebar.actions.text.setType', { value: valueOf(t, 'type', c.to) }); },
  'add-tags': (a, t) => { const c = only(a, 'tags'); return c && t('way.tags', { tags: tagsOf(c.to).join(', ') }); },
  'assign-group': (a, t) => { const c = only(a, 'group'); return c && t('way.group', { name: groupOf(c.to, t) }); },
  'add-note': (a, t) => { const c = only(a, 'internal_note'); return c && t('sidebar.actions.text.addNote', { value: c.to }); },
  // The field by its title as agents see it (proposed before the backend kept it: by its key, Zendesk's id or
  // Freshdesk's cf_ name); the value as agents see it: `name`, a dropdown option's label. A multi-select's option is
  // added beside those chosen: the backend writes that change as "+tag", as it writes added tags.
  'set-field': (a, t) => {
    const c = a.changes.length === 1 && a.changes[0].field.startsWith('custom_field:') ? a.changes[0] : undefined;
    if (!c || !a.name) return null;
    const key = c.to.startsWith('+') ? 'sidebar.actions.text.addFieldOption' : 'sidebar.actions.text.setField';
    return t(key, { name: a.fieldTitle || c.field.slice('custom_field:'.length), value: a.name });
  },
  'lookup': (a, t) => {
    const host = only(a, 'lookup')?.to;
    return host && a.name && a.lookupParameters && t('sidebar.actions.text.lookup', { name: a.name, values: valuesOf(a.lookupParameters), host });
  },
  'mark-duplicate': (a, t) =>
    only(a, 'internal_note') && a.otherTicketId != null && a.name && t('sidebar.actions.text.markDuplicate', { id: String(a.otherTicketId), title: a.name }),
  'apply-macro': (a, t) =>
    a.name && t('sidebar.actions.text.applyMacro', { title: a.name, value: a.changes.map((c) => macroChange(c, t)).join('; ') || t('macro.nothing') }),
};

/**
 * An action's description in the agent's language, from its kind and changes; the values (tags, group names, notes,
 * titles) as they are. Null when the kind or the shape is not one this knows: the backend's English description is
 * shown then.
 */
export function actionText(a: SuggestedAction, t: Translate): string | null {
  return DESCRIBE[a.kind]?.(a, t) || null;
}
