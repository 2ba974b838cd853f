/**
 * Where each line of an editor's document starts, kept in chunks of a few thousand lines whose
 * starts are stored relative to the chunk. An edit rewrites the chunks it touches and moves the
 * chunks after it by changing one number each: with one flat list, a paste near the top of a
 * 100k-line document moved 100k numbers and copied the list to make room for the new lines.
 */

/** Chunks are cut at this many lines. */
const CHUNK_LINES = 1 << 11;

interface Chunk {
  /** Where the chunk's first line starts. */
  base: number;
  /** Each line's start minus `base`. */
  readonly starts: readonly number[];
}

export class LineStarts {
  #chunks: Chunk[];
  /** The index of each chunk's first line. */
  #firstLines: number[] = [];
  #count = 0;

  /** `starts`: the start of every line, in order, the first being 0. `chunkLines`: tests make chunks small to get many. */
  constructor(
    starts: readonly number[],
    private readonly chunkLines = CHUNK_LINES,
  ) {
    this.#chunks = chunked(starts, chunkLines);
    this.countFrom(0);
  }

  get length(): number {
    return this.#count;
  }

  /** Where line `line` (0 ≤ line < length) starts. */
  at(line: number): number {
    const chunk = this.chunkOfLine(line);
    const { base, starts } = this.#chunks[chunk];
    return base + starts[line - this.#firstLines[chunk]];
  }

  /** The last line that starts at or before `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.#chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#chunks[middle].base <= offset) low = middle;
      else high = middle - 1;
    }
    const { base, starts } = this.#chunks[low];
    let first = 0;
    let last = starts.length;
    while (first < last) {
      const middle = (first + last) >> 1;
      if (base + starts[middle] > offset) last = middle;
      else first = middle + 1;
    }
    return this.#firstLines[low] + first - 1;
  }

  /**
   * The lines after `startLine` up to `endLine` are replaced by lines starting at `added` (offsets
   * in the new text), and every line after them moves by `shift` characters.
   */
  replace(startLine: number, endLine: number, added: readonly number[], shift: number): void {
    const first = this.chunkOfLine(startLine);
    const last = this.chunkOfLine(endLine);
    const lines: number[] = [];
    const firstChunk = this.#chunks[first];
    for (let line = this.#firstLines[first]; line <= startLine; line++)
      lines.push(firstChunk.base + firstChunk.starts[line - this.#firstLines[first]]);
    for (const start of added) lines.push(start);
    const lastChunk = this.#chunks[last];
    for (let line = endLine + 1; line < this.#firstLines[last] + lastChunk.starts.length; line++)
      lines.push(lastChunk.base + lastChunk.starts[line - this.#firstLines[last]] + shift);
    for (let i = last + 1; i < this.#chunks.length; i++) this.#chunks[i].base += shift;
    this.#chunks.splice(first, last - first + 1, ...chunked(lines, this.chunkLines));
    this.countFrom(first);
  }

  /** Every start, in order (tests compare it with a fresh count). */
  toArray(): number[] {
    return this.#chunks.flatMap(({ base, starts }) => starts.map((start) => base + start));
  }

  private chunkOfLine(line: number): number {
    let low = 0;
    let high = this.#chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#firstLines[middle] <= line) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private countFrom(chunk: number): void {
    this.#firstLines.length = this.#chunks.length;
    let line = chunk === 0 ? 0 : this.#firstLines[chunk - 1] + this.#chunks[chunk - 1].starts.length;
    for (let i = chunk; i < this.#chunks.length; i++) {
      this.#firstLines[i] = line;
      line += this.#chunks[i].starts.length;
    }
    this.#count = line;
  }
}

function chunked(starts: readonly number[], size: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let at = 0; at < starts.length; at += size) {
    const base = starts[at];
    const own: number[] = [];
    for (let i = at; i < Math.min(at + size, starts.length); i++) own.push(starts[i] - base);
    chunks.push({ base, starts: own });
  }
  return chunks;
}
