import { describe, expect, it } from 'vitest';
import { displayedKinds } from '../src/sidebar/displayed';
import { assistOf, sourceOf } from './fixtures';

const source = sourceOf({ sourceId: '1', title: 'A' });

describe('displayed kinds', () => {
  it('reports only what the panels show: a summary that says something and lists with something in them', () => {
    expect(displayedKinds(assistOf())).toEqual([]);
    expect(displayedKinds(assistOf({ summary: { customerWants: '' } }))).toEqual([]);
    expect(displayedKinds(assistOf({ summary: { nextStep: 'Reply' }, macros: [source], similarTickets: [source] })))
      .toEqual(['summary', 'macros', 'similar-tickets']);
    expect(displayedKinds(assistOf({ articles: [source] }))).toEqual(['articles']);
  });
});
