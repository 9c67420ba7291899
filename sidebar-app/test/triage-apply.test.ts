import { describe, expect, it } from 'vitest';
import { splitWrite, triageVerdict, triageWrite } from '../src/sidebar/triageApply';
import { triageOf } from './fixtures';

const label = (value: string, confidence = 0.8) => ({ value, confidence });
const triage = triageOf({
  intent: label('billing'), sentiment: label('negative'), language: label('en', 0.99), priority: label('high'),
  applyTo: {
    // Lumora's Intent dropdown as the backend read it: an option for billing, none for account.
    intentField: { key: '360001', title: 'Intent', values: { billing: { value: 'intent_billing', label: 'Billing', addsOption: false } } },
    intentTags: { billing: 'billing_question', account: 'intent_account' }, priority: true, priorities: ['low', 'normal', 'high', 'urgent'],
  },
});
const billingField = { key: '360001', title: 'Intent', value: 'intent_billing', label: 'Billing' };

describe('applying triage', () => {
  it('writes the intent as its mapped tag and the field\'s value the backend found for it, and the priority, by the tenant mapping', () => {
    expect(triageWrite(triage, { intent: 'billing', priority: 'high' }))
      .toEqual({ priority: 'high', tags: ['billing_question'], intentField: billingField });
    expect(triageWrite({ ...triage, applyTo: { intentField: null, intentTags: {}, priority: false, priorities: [] } }, { intent: 'other', priority: 'low' }))
      .toEqual({ priority: undefined, tags: [], intentField: undefined });
  });

  it('sets no field for an intent the field takes no value for, never the bare intent name', () => {
    expect(triageWrite(triage, { intent: 'account', priority: 'high' })).toEqual({ priority: 'high', tags: ['intent_account'], intentField: undefined });
  });

  it('tells the host a multi-select\'s option is added beside those chosen', () => {
    const topics = { key: '360099', title: 'Topics', values: { billing: { value: 'topic_billing', label: 'Billing', addsOption: true } } };
    expect(triageWrite({ ...triage, applyTo: { ...triage.applyTo!, intentField: topics } }, { intent: 'billing', priority: 'high' }).intentField)
      .toEqual({ key: '360099', title: 'Topics', value: 'topic_billing', label: 'Billing', addsOption: true });
  });

  it('records accepted when applied as suggested, edited with the overridden values otherwise', () => {
    expect(triageVerdict(triage, { intent: 'billing', priority: 'high' })).toEqual({ outcome: 'accepted', comment: 'applied to the ticket' });
    expect(triageVerdict(triage, { intent: 'account', priority: 'urgent' })).toEqual({
      outcome: 'edited',
      finalText: 'intent=account sentiment=negative language=en priority=urgent',
      comment: 'overridden: intent billing→account, priority high→urgent',
    });
  });

  it('leaves to the agent, to copy, what the helpdesk does not let the app write', () => {
    const write = triageWrite(triage, { intent: 'billing', priority: 'high' });
    expect(splitWrite(write, { tags: false, intentField: false })).toEqual({
      write: { priority: 'high', tags: [], intentField: undefined }, copyTags: ['billing_question'], copyField: 'Billing',
    });
    expect(splitWrite(write, undefined)).toEqual({ write, copyTags: [], copyField: undefined });
  });
});
