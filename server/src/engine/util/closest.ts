/**
 * Edit distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), case-insensitive, stopping early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2] + 1);
      }
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[t.length];
}

/** All candidates, nearest to `word` first (stable for equal distances). */
export function sortByDistance(word: string, candidates: readonly string[]): string[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: editDistance(word, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map(({ candidate }) => candidate);
}

/** Candidates close enough to `word` to be a plausible typo (a third of its length in edits, at least one), nearest first. */
export function rankByDistance(word: string, candidates: readonly string[]): string[] {
  const limit = Math.max(1, Math.floor(word.length / 3));
  return sortByDistance(word, candidates).filter((candidate) => editDistance(word, candidate, limit) <= limit);
}

/** The plausible typo correction for `word`, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return rankByDistance(word, candidates)[0];
}
