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

/**
 * How many letters the two words do not share, in any order (case-insensitive): 0 for `to_da`
 * and `to_ad`, 2 for `to_da` and `to_ds`. Among candidates as many edits away, the one with the
 * same letters is the likelier slip (two keys swapped rather than a wrong key).
 */
function letterDifference(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const letter of a.toLowerCase()) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  for (const letter of b.toLowerCase()) counts.set(letter, (counts.get(letter) ?? 0) - 1);
  let difference = 0;
  for (const count of counts.values()) difference += Math.abs(count);
  return difference;
}

interface Ranked {
  readonly candidate: string;
  readonly distance: number;
  readonly letters: number;
}

function rank(word: string, candidates: readonly string[]): Ranked[] {
  return candidates
    .map((candidate, index) => ({
      candidate,
      index,
      distance: editDistance(word, candidate),
      letters: letterDifference(word, candidate),
    }))
    .sort((a, b) => a.distance - b.distance || a.letters - b.letters || a.index - b.index);
}

/** All candidates, nearest to `word` first: fewest edits, then fewest letters not shared, then their order. */
export function sortByDistance(word: string, candidates: readonly string[]): string[] {
  return rank(word, candidates).map(({ candidate }) => candidate);
}

/**
 * The candidate `word` most likely misspells: a plausible typo (see `rankByDistance`) that no
 * other candidate is as near to. Undefined when none is near, or two are equally near.
 */
export function unambiguousNearest(word: string, candidates: readonly string[]): string | undefined {
  const [first, second] = rank(word, candidates);
  if (!first || first.distance > typoLimit(word)) return undefined;
  const tie = second && second.distance === first.distance && second.letters === first.letters;
  return tie ? undefined : first.candidate;
}

/** The most edits a plausible typo of `word` has: a third of its length, at least one. */
function typoLimit(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

/** Candidates close enough to `word` to be a plausible typo (a third of its length in edits, at least one), nearest first. */
export function rankByDistance(word: string, candidates: readonly string[]): string[] {
  const limit = typoLimit(word);
  return sortByDistance(word, candidates).filter((candidate) => editDistance(word, candidate, limit) <= limit);
}

/** The plausible typo correction for `word`, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return rankByDistance(word, candidates)[0];
}
