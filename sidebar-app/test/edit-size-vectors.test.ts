import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure, words } from '../src/lib/feedback/words';

interface Vector { name: string; suggested: string; sent: string; suggestedWords: string[]; sentWords: string[]; distance: number; ratio: number }

// The same file the backend's tests read (tests/Copilot.Tests/Vocabulary/EditSizeVectorTests.cs).
const { cases } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../tests/vectors/edit-size.json'), 'utf8')) as { cases: Vector[] };

describe('edit size, shared with the backend', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(words(c.suggested)).toEqual(c.suggestedWords);
    expect(words(c.sent)).toEqual(c.sentWords);
    expect(measure(c.suggested, c.sent)).toEqual({ distance: c.distance, ratio: c.ratio });
  });
});
