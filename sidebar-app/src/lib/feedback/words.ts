/**
 * Edit size as the backend defines it (src/Copilot.Api/Vocabulary/EditSize.cs): a word is a maximal
 * run of Unicode letters, marks and digits, compared exactly; the distance is word-level Levenshtein;
 * the ratio is the distance over the longer text's word count, rounded to 4 decimals. The backend
 * measures every edit it stores; the sidebar uses the same rule to classify an edit locally. Both
 * test suites read tests/vectors/edit-size.json.
 */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

export interface EditSize { distance: number; ratio: number }

export function measure(suggested: string, sent: string): EditSize {
  const a = words(suggested);
  const b = words(sent);
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return { distance: 0, ratio: 0 };
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  const distance = previous[b.length];
  return { distance, ratio: Math.round((distance / longer) * 10_000) / 10_000 };
}
