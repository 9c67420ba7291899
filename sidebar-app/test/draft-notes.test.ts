import { describe, expect, it } from 'vitest';
import { colleagueCases, draftKindNote, guidanceBySource } from '../src/lib/api/draft-notes';
import { draftResponseDraftKindValues } from '../src/lib/api/generated';
import { translator } from '../src/lib/i18n/i18n';
import { LOCALES, loadMessages } from '../src/lib/i18n/locales';
import { draftOf } from './fixtures';

const draft = draftOf({
  suggestionId: 'sg_1',
  text: 'Hi Emily,\n\nThanks for your message.\n\nBest regards,',
  draftKind: 'holding',
  guidance: [
    { text: 'Ask the customer for the order number.', sourceId: '7000005', kind: 'article', title: 'Refund a broken bulb', url: 'https://acme.example/hc/7000005' },
    { text: 'If the customer is a Gold member, offer a refund.', sourceId: '7000005', kind: 'article', title: 'Refund a broken bulb', url: 'https://acme.example/hc/7000005' },
    { text: 'Use when a bulb arrives broken.', sourceId: '900010', kind: 'macro', title: 'Broken bulb', url: null },
  ],
  colleagueCases: [
    { sourceId: '117', title: 'Refund for a broken bulb', url: 'https://acme.zendesk.com/agent/tickets/117', excerpt: "Hi [name], I've refunded [amount]." },
    { sourceId: '117', title: 'Refund for a broken bulb', url: null, excerpt: 'duplicate' },
    { sourceId: '118', title: 'Empty', url: null, excerpt: '  ' },
  ],
});

describe('draft notes', () => {
  it('groups guidance by the source it came from, in order', () => {
    expect(guidanceBySource(draft)).toEqual([
      { sourceId: '7000005', title: 'Refund a broken bulb', url: 'https://acme.example/hc/7000005', sentences: ['Ask the customer for the order number.', 'If the customer is a Gold member, offer a refund.'] },
      { sourceId: '900010', title: 'Broken bulb', url: null, sentences: ['Use when a bulb arrives broken.'] },
    ]);
  });

  it("lists each colleague's case once, with its link, and skips empty ones", () => {
    expect(colleagueCases(draft)).toEqual([draft.colleagueCases![0]]);
  });

  it('says what a holding reply, an acknowledgement or a follow-up is, and nothing for an answer', () => {
    const t = translator('en');
    expect(t(draftKindNote(draft)!)).toMatch(/^Holding reply/);
    expect(t(draftKindNote({ ...draft, draftKind: 'acknowledgement' })!)).toMatch(/^No reply needed/);
    expect(t(draftKindNote({ ...draft, draftKind: 'follow-up' })!)).toMatch(/^No reply is due: our answer is the last message/);
    expect(t(draftKindNote({ ...draft, draftKind: 'closed' })!)).toMatch(/^No reply needed: the conversation is over/);
    expect(draftKindNote({ ...draft, draftKind: 'answer' })).toBeUndefined();
    expect(t(draftKindNote({ ...draft, draftKind: 'answer', foundByMeaning: true })!)).toMatch(/^Answered from a source that shares few of the customer's words/);
    expect(draftKindNote({ ...draft, draftKind: 'holding', foundByMeaning: true })).toBe('sidebar.draft.kind.holding');
    expect(draftKindNote(draftOf())).toBeUndefined();
  });

  it('has a note for every kind the server names but an answer, in every language', async () => {
    for (const locale of LOCALES) {
      const messages = await loadMessages(locale);
      for (const kind of draftResponseDraftKindValues.filter((k) => k !== 'answer')) {
        expect(messages[draftKindNote({ ...draft, draftKind: kind })!], `${locale}: ${kind}`).toBeTruthy();
      }
    }
  });

  it('has nothing to show for a draft from an older server', () => {
    expect(guidanceBySource(draftOf())).toEqual([]);
    expect(colleagueCases(draftOf())).toEqual([]);
  });
});
