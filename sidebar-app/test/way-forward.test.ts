import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';
import { stepsFor } from '../src/sidebar/WayForwardPanel';
import { warningOf } from './fixtures';

const t = translator('en');
beforeAll(() => loadMessages('de'));

describe('way forward', () => {
  it('offers each step the admin set on the rule, one button each, with what it records', () => {
    const steps = stepsFor(warningOf({ ruleId: 'billing-dispute', name: 'Billing dispute', action: 'handoff', evidence: '…chargeback…',
      wayForward: { groupId: 42, groupName: 'Billing team', tags: ['billing_dispute'], internalNote: true } }), t);
    expect(steps.map((s) => [s.label, s.step, s.how])).toEqual([
      ['Assign to Billing team', { kind: 'group', groupId: 42 }, 'billing-dispute: assigned to group 42'],
      ['Add tags: billing_dispute', { kind: 'tags', tags: ['billing_dispute'] }, 'billing-dispute: added tags'],
      ['Add an internal note with the evidence', { kind: 'note', text: 'Copilot: the rule "Billing dispute" fired. Evidence: …chargeback…' }, 'billing-dispute: added internal note'],
    ]);
    expect(stepsFor(warningOf({ ruleId: 'anger', name: 'Anger', action: 'caution' }), t)).toEqual([]);
  });

  it('speaks the language of the agent, the note included', () => {
    const [note] = stepsFor(warningOf({ ruleId: 'legal-threat', name: 'Rechtliche Drohung', action: 'handoff', evidence: '…Anwalt…', wayForward: { internalNote: true } }), translator('de'));
    expect(note.label).toBe('Interne Notiz mit dem Beleg hinzufügen');
    expect(note.step).toEqual({ kind: 'note', text: 'Copilot: Die Regel „Rechtliche Drohung“ hat angeschlagen. Beleg: …Anwalt…' });
  });
});
