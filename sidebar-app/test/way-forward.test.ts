import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/lib/i18n/i18n';
import { loadMessages } from '../src/lib/i18n/locales';
import { sameEvidence } from '../src/sidebar/WarningsPanel';
import { stepsForAll } from '../src/sidebar/WayForwardPanel';
import { warningOf } from './fixtures';

const t = translator('en');
beforeAll(() => loadMessages('de'));

describe('way forward', () => {
  it('offers each step the admin set on the rule, one button each, with what it records', () => {
    const steps = stepsForAll([warningOf({ ruleId: 'billing-dispute', name: 'Billing dispute', action: 'handoff', evidence: '…chargeback…',
      wayForward: { groupId: 42, groupName: 'Billing team', tags: ['billing_dispute'], internalNote: true } })], t);
    expect(steps.map((s) => [s.label, s.step, s.how])).toEqual([
      ['Assign to Billing team', { kind: 'group', groupId: 42 }, 'billing-dispute: assigned to group 42'],
      ['Add tags: billing_dispute', { kind: 'tags', tags: ['billing_dispute'] }, 'billing-dispute: added tags'],
      ['Add an internal note with the evidence', { kind: 'note', text: 'Copilot: the rule "Billing dispute" fired. Evidence: …chargeback…' }, 'billing-dispute: added internal note'],
    ]);
    expect(stepsForAll([warningOf({ ruleId: 'anger', name: 'Anger', action: 'caution' })], t)).toEqual([]);
  });

  it('speaks the language of the agent, the note included', () => {
    const [note] = stepsForAll([warningOf({ ruleId: 'legal-threat', name: 'Rechtliche Drohung', action: 'handoff', evidence: '…Anwalt…', wayForward: { internalNote: true } })], translator('de'));
    expect(note.label).toBe('Interne Notiz mit dem Beleg hinzufügen');
    expect(note.step).toEqual({ kind: 'note', text: 'Copilot: Die Regel „Rechtliche Drohung“ hat angeschlagen. Beleg: …Anwalt…' });
  });

  it('takes the steps of rules that fired together in one click each: the tags together, one note quoting the words once', () => {
    const evidence = 'This is the THIRD time I\'m writing to you about this';
    const warnings = [
      warningOf({ ruleId: 'anger', name: 'Angry customer', action: 'caution', evidence, commentId: 7, wayForward: { tags: ['anger'], internalNote: true } }),
      warningOf({ ruleId: 'repeated-contact', name: 'Repeated contact', action: 'caution', evidence, commentId: 7, wayForward: { tags: ['repeated_contact', 'anger'], internalNote: true } }),
      warningOf({ ruleId: 'legal-threat', name: 'Legal threat', action: 'handoff', evidence: '…my lawyer…', commentId: 9, wayForward: { groupId: 5, groupName: 'Legal', internalNote: true } }),
    ];
    expect(stepsForAll(warnings, t).map((s) => [s.label, s.step, s.how])).toEqual([
      ['Assign to Legal', { kind: 'group', groupId: 5 }, 'legal-threat: assigned to group 5'],
      ['Add tags: anger, repeated_contact', { kind: 'tags', tags: ['anger', 'repeated_contact'] }, 'anger+repeated-contact: added tags'],
      ['Add an internal note with the evidence', {
        kind: 'note',
        text: `Copilot: the rule "Legal threat" fired. Evidence: …my lawyer…\nCopilot: these rules fired: Angry customer, Repeated contact. Evidence: ${evidence}`,
      }, 'anger+repeated-contact+legal-threat: added internal note'],
    ]);
  });

  it('shows rules that fired on the same words as one warning, a handoff first', () => {
    const same = { evidence: 'THIRD time', commentId: 7 };
    const items = sameEvidence([
      warningOf({ ruleId: 'anger', name: 'Angry customer', action: 'caution', ...same }),
      warningOf({ ruleId: 'asks-for-human', name: 'Asks for a human', action: 'handoff', evidence: 'a real person', commentId: 7 }),
      warningOf({ ruleId: 'repeated-contact', name: 'Repeated contact', action: 'caution', ...same }),
      warningOf({ ruleId: 'other', name: 'Other', action: 'caution', evidence: 'THIRD time', commentId: 8 }),
    ]);
    expect(items.map((i) => i.map((w) => w.ruleId))).toEqual([['asks-for-human'], ['anger', 'repeated-contact'], ['other']]);
  });
});
