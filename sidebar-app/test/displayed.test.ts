import { describe, expect, it } from 'vitest';
import type { Assist } from '../src/lib/api/types';
import { displayedKinds } from '../src/sidebar/displayed';

const base: Assist = { ticketId: 1, assistId: 'as-1', articles: [], macros: [], similarTickets: [], warnings: [], handoff: false };
const source = { sourceId: '1', title: 'A' };

describe('displayed kinds', () => {
  it('reports only what the panels show: a summary that says something and lists with something in them', () => {
    expect(displayedKinds(base)).toEqual([]);
    expect(displayedKinds({ ...base, summary: { customerWants: '' } })).toEqual([]);
    expect(displayedKinds({ ...base, summary: { nextStep: 'Reply' }, macros: [source], similarTickets: [source] }))
      .toEqual(['summary', 'macros', 'similar-tickets']);
    expect(displayedKinds({ ...base, articles: [source] })).toEqual(['articles']);
  });
});
