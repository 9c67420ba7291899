import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/lib/i18n/i18n';
import { LOCALES, loadMessages } from '../src/lib/i18n/locales';
import { actionText } from '../src/sidebar/actionText';
import { actionOf } from './fixtures';

beforeAll(() => Promise.all(LOCALES.map((l) => loadMessages(l))));

// Descriptions, changes and names as src/Copilot.Api/Actions/ActionBuilder.cs writes them.
const actions = {
  priority: actionOf({ kind: 'set-priority', description: 'Set priority: normal → urgent', changes: [{ field: 'priority', from: 'normal', to: 'urgent' }] }),
  type: actionOf({ kind: 'set-type', description: 'Set type: → problem', changes: [{ field: 'type', from: null, to: 'problem' }] }),
  tags: actionOf({ kind: 'add-tags', description: 'Add tags: damaged, returns-eu', changes: [{ field: 'tags', from: null, to: '+damaged +returns-eu' }] }),
  field: actionOf({ kind: 'set-field', description: 'Set field Intent (360001): → Billing question (billing_question)', changes: [{ field: 'custom_field:360001', from: null, to: 'billing_question' }], name: 'Billing question', fieldTitle: 'Intent' }),
  group: actionOf({ kind: 'assign-group', description: 'Assign to Returns team (group 20)', changes: [{ field: 'group', from: null, to: 'Returns team (group 20)' }] }),
  groupId: actionOf({ kind: 'assign-group', description: 'Assign to group 20', changes: [{ field: 'group', from: null, to: 'group 20' }] }),
  note: actionOf({ kind: 'add-note', description: 'Add an internal note (agents only): “Check the serial number”', changes: [{ field: 'internal_note', from: null, to: 'Check the serial number' }] }),
  macro: actionOf({
    kind: 'apply-macro', description: 'Apply macro “Returns::Label”: status open → pending; tags → +returns; reply → text to insert in your reply (not sent)',
    changes: [{ field: 'status', from: 'open', to: 'pending' }, { field: 'tags', from: null, to: '+returns' }, { field: 'reply', from: null, to: 'text to insert in your reply (not sent)' }],
    name: 'Returns::Label',
  }),
  emptyMacro: actionOf({ kind: 'apply-macro', description: 'Apply macro “Thanks”: changes no field', changes: [], name: 'Thanks' }),
  lookup: actionOf({
    kind: 'lookup', description: 'Look up order-status (the order\'s status in the web shop) for order LUM-2026-48213 on shop.example.com (reads only; changes nothing)',
    changes: [{ field: 'lookup', from: null, to: 'shop.example.com' }],
    name: 'order-status (the order\'s status in the web shop)', lookupParameters: { order: 'LUM-2026-48213' },
  }),
  duplicate: actionOf({
    kind: 'mark-duplicate', description: 'Mark as a likely duplicate of #7001 “Bridge cracked” (score 0.86): adds an internal note naming it; merging stays with you in the helpdesk',
    changes: [{ field: 'internal_note', from: null, to: 'Likely duplicate of #7001 “Bridge cracked” (same requester, similar subject).' }], otherTicketId: 7001, score: 0.86,
    name: 'Bridge cracked',
  }),
};

describe('an action described in the agent\'s language', () => {
  it('says each kind in German from its kind and changes, with the values as they are', () => {
    const t = translator('de');
    expect(Object.fromEntries(Object.entries(actions).map(([k, a]) => [k, actionText(a, t)]))).toEqual({
      priority: 'Priorität ändern: Normal → Dringend',
      type: 'Typ setzen: Problem',
      tags: 'Tags hinzufügen: damaged, returns-eu',
      field: 'Feld Intent setzen: Billing question',
      group: 'Returns team zuweisen',
      groupId: 'Gruppe 20 zuweisen',
      note: 'Interne Notiz hinzufügen (nur für Agenten sichtbar): „Check the serial number“',
      macro: 'Makro „Returns::Label“ anwenden: Status: Offen → Wartend; Fügt 1 Tag hinzu: returns; Ergänzt die Antwort',
      emptyMacro: 'Makro „Thanks“ anwenden: Es ändert kein Feld und kein Tag.',
      lookup: 'order-status (the order\'s status in the web shop) für order LUM-2026-48213 auf shop.example.com abfragen (nur lesend, ändert nichts)',
      duplicate: 'Als wahrscheinliches Duplikat von #7001 „Bridge cracked“ markieren: fügt eine interne Notiz hinzu, die es nennt; das Zusammenführen bleibt Ihnen im Helpdesk überlassen',
    });
  });

  it('says the same in English as the backend does, in the sidebar\'s words', () => {
    const t = translator('en');
    expect(actionText(actions.priority, t)).toBe('Set priority: Normal → Urgent');
    expect(actionText(actions.macro, t)).toBe('Apply macro “Returns::Label”: Status: Open → Pending; Adds 1 tag: returns; Adds to the reply');
    expect(actionText(actions.groupId, t)).toBe('Assign to group 20');
  });

  it('names a field by its title and sets it to the value as agents see it, in each language', () => {
    const said = Object.fromEntries(LOCALES.map((l) => [l, actionText(actions.field, translator(l))]));
    expect(said).toEqual({
      en: 'Set field Intent: Billing question',
      de: 'Feld Intent setzen: Billing question',
      fr: 'Définir le champ Intent : Billing question',
      es: 'Establecer el campo Intent: Billing question',
      'pt-BR': 'Definir o campo Intent: Billing question',
      nl: 'Veld Intent instellen: Billing question',
      it: 'Imposta il campo Intent: Billing question',
    });
  });

  it('says a multi-select\'s option is added to the field, in each language', () => {
    const topics = { ...actions.field, description: 'Add to field Topics (360099): + Billing (topic_billing)', changes: [{ field: 'custom_field:360099', from: null, to: '+topic_billing' }], name: 'Billing', fieldTitle: 'Topics' };
    const said = Object.fromEntries(LOCALES.map((l) => [l, actionText(topics, translator(l))]));
    expect(said).toEqual({
      en: 'Add to field Topics: Billing',
      de: 'Zum Feld Topics hinzufügen: Billing',
      fr: 'Ajouter au champ Topics : Billing',
      es: 'Añadir al campo Topics: Billing',
      'pt-BR': 'Adicionar ao campo Topics: Billing',
      nl: 'Toevoegen aan veld Topics: Billing',
      it: 'Aggiungi al campo Topics: Billing',
    });
  });

  it('names a field proposed before the backend kept its title by its key', () => {
    expect(actionText({ ...actions.field, fieldTitle: null }, translator('en'))).toBe('Set field 360001: Billing question');
    expect(actionText({ ...actions.field, fieldTitle: undefined, changes: [{ field: 'custom_field:cf_intent', from: null, to: 'Billing' }], name: 'Billing' }, translator('de')))
      .toBe('Feld cf_intent setzen: Billing');
  });

  it('leaves the backend\'s English description to what it does not know: another kind, another shape, or an action without its name', () => {
    const t = translator('fr');
    expect(actionText(actionOf({ kind: 'merge-tickets' as never, description: 'Merge into #7001' }), t)).toBeNull();
    expect(actionText(actionOf({ kind: 'set-priority', changes: [] }), t)).toBeNull();
    expect(actionText(actionOf({ kind: 'lookup', description: 'Look up order-status', changes: [] }), t)).toBeNull();
    // Proposed before the backend kept what an action is about: no name to word it with.
    for (const a of [actions.field, actions.macro, actions.lookup, actions.duplicate]) expect(actionText({ ...a, name: null }, t)).toBeNull();
    expect(actionText({ ...actions.lookup, lookupParameters: null }, t)).toBeNull();
  });
});
