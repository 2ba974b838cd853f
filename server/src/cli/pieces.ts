import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { hasContent } from '../engine/ldif/lines';
import { fileKind } from '../apply/localFiles';
import type { TextPart } from '../engine/partsCheck';

/** A run of whole records from a larger text, and whether only comments came before it. */
export interface PieceText {
  readonly text: string;
  readonly atFileStart: boolean;
}

/**
 * About one read-stream chunk: a piece's records all die before the next piece is read, so
 * they never leave V8's young generation. With 1 MiB pieces every record was promoted to the
 * old generation first, and garbage collection took half the time of `check`.
 */
const PIECE_SIZE = 1 << 16;

/**
 * Cuts a stream into pieces of about 64 KiB that end after a blank line, so no
 * record is split and memory stays flat whatever the file size.
 */
export async function* readPieces(stream: Readable, pieceSize = PIECE_SIZE): AsyncGenerator<TextPart> {
  const lines = new LineCounter();
  for await (const piece of readTexts(stream, pieceSize)) yield lines.number(piece);
}

/**
 * `readPieces` without line numbers, for a reader that counts the lines itself as it reads them
 * (`check`): counting them here too cost a twentieth of checking a large file.
 */
export async function* readTexts(stream: Readable, pieceSize = PIECE_SIZE): AsyncGenerator<PieceText> {
  const cutter = new PieceCutter(pieceSize);
  for await (const chunk of stream) {
    const piece = cutter.push(chunk as Buffer | string);
    if (piece) yield piece;
  }
  yield* cutter.end();
}

/** `readTexts` over chunks at hand (a file read synchronously), without the cost of a stream. */
export function* readTextsSync(chunks: Iterable<Buffer | string>, pieceSize = PIECE_SIZE): Generator<PieceText> {
  const cutter = new PieceCutter(pieceSize);
  for (const chunk of chunks) {
    const piece = cutter.push(chunk);
    if (piece) yield piece;
  }
  yield* cutter.end();
}

/** Gives each piece of one text, in order, the line it starts on. */
export class LineCounter {
  #next = 0;

  number(piece: PieceText): TextPart {
    const numbered = { text: piece.text, firstLine: this.#next, atFileStart: piece.atFileStart };
    this.#next += countLines(piece.text);
    return numbered;
  }
}

/** What the bytes of pieces not yet cut take at first: a piece and a chunk. */
const PENDING_BYTES = 1 << 17;

/**
 * Cuts the bytes read into pieces after blank lines and decodes each piece whole: a piece is then
 * one flat string, which the scan for quiet records reads faster than a slice of joined chunks,
 * and no text is copied twice. A blank line ends in an ASCII line break, so a cut never splits a
 * UTF-8 sequence: each piece decodes as it would within the whole file.
 */
class PieceCutter {
  /** The bytes read since the last piece (the first `length`). */
  private pending = Buffer.allocUnsafe(0);
  private length = 0;
  /** End of the last blank line in the pending bytes (0: none). */
  private cut = 0;
  private atFileStart = true;
  private emitted = false;

  constructor(private readonly pieceSize: number) {}

  /** Takes the next chunk; returns a piece when enough whole records are pending. */
  push(chunk: Buffer | string): PieceText | undefined {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length === 0) return undefined;
    const from = this.length;
    this.append(bytes);
    // Only the new bytes can end a blank line; its first break may be in the bytes before them.
    const blank = lastBlankLineEnd(this.pending, from, this.length);
    if (blank > 0) this.cut = blank;
    if (this.length < this.pieceSize || this.cut === 0) return undefined;
    const piece = this.emit(this.pending.toString('utf8', 0, this.cut));
    const rest = this.length - this.cut;
    // After a very long record, the bytes it needed are let go rather than held to the end.
    const keep =
      this.pending.length > 4 * PENDING_BYTES && rest < PENDING_BYTES
        ? Buffer.allocUnsafe(PENDING_BYTES)
        : this.pending;
    this.pending.copy(keep, 0, this.cut, this.length);
    this.pending = keep;
    this.length = rest;
    this.cut = 0;
    return piece;
  }

  /** The rest of the text, once the input has ended (one empty piece for an empty input). */
  end(): PieceText[] {
    return this.length > 0 || !this.emitted ? [this.emit(this.pending.toString('utf8', 0, this.length))] : [];
  }

  private append(bytes: Buffer): void {
    if (this.length + bytes.length > this.pending.length) {
      // Doubling keeps a record of any size read in linear time.
      const grown = Buffer.allocUnsafe(Math.max(2 * this.pending.length, this.length + bytes.length, PENDING_BYTES));
      this.pending.copy(grown, 0, 0, this.length);
      this.pending = grown;
    }
    bytes.copy(this.pending, this.length);
    this.length += bytes.length;
  }

  private emit(text: string): PieceText {
    const piece = { text, atFileStart: this.atFileStart };
    this.emitted = true;
    // version: may follow a first piece of nothing but comments and blank lines.
    this.atFileStart &&= !hasContent(text);
    return piece;
  }
}

/**
 * Offset just after the last blank line (a line break followed by an empty line) whose last
 * line break is in bytes[from, to); 0 when there is none.
 */
function lastBlankLineEnd(bytes: Buffer, from: number, to: number): number {
  for (let at = bytes.lastIndexOf(10, to - 1); at >= from && at > 0; at = bytes.lastIndexOf(10, at - 1))
    if (endsBlankLine(bytes, at)) return at + 1;
  return 0;
}

/** Offset just after the first blank line whose last line break is in bytes[from, to); 0 when there is none. */
export function firstBlankLineEnd(bytes: Buffer, from: number, to: number): number {
  for (let at = bytes.indexOf(10, from); at >= 0 && at < to; at = bytes.indexOf(10, at + 1))
    if (endsBlankLine(bytes, at)) return at + 1;
  return 0;
}

/** Whether the line feed at `at` ends an empty line (one that follows another line break). */
function endsBlankLine(bytes: Buffer, at: number): boolean {
  const before = bytes[at - 1] === 13 ? at - 2 : at - 1;
  return before >= 0 && bytes[before] === 10;
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

const CHUNK_SIZE = 1 << 16;

/**
 * A file's bytes in 64 KiB chunks, read synchronously: a batch command has nothing else to do
 * while it waits, and the asynchronous reads of a file stream cost a sixth of the time of
 * checking a large file. Only a regular file is read: it is opened without blocking (a FIFO
 * would wait forever for a writer) and checked once open.
 */
export function* fileChunks(path: string): Generator<Buffer> {
  const fd = openRegular(path);
  try {
    yield* chunksAt(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of an open file from `start` to `end` in 64 KiB chunks, read at their offsets:
 * two threads may read one descriptor at once.
 */
export function* chunksAt(fd: number, start = 0, end = Number.POSITIVE_INFINITY): Generator<Buffer> {
  for (let at = start; at < end;) {
    const chunk = Buffer.allocUnsafe(CHUNK_SIZE);
    const read = readSync(fd, chunk, 0, Math.min(CHUNK_SIZE, end - at), at);
    if (read === 0) return;
    at += read;
    yield read === CHUNK_SIZE ? chunk : chunk.subarray(0, read);
  }
}

/** Opens a regular file for reading; anything else (a FIFO, a device, a folder) is an error naming what it is. */
export function openRegular(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  const info = fstatSync(fd);
  if (info.isFile()) return fd;
  closeSync(fd);
  const kind = fileKind(info);
  throw Object.assign(new Error(`it is ${kind}; only regular files are read`), { code: 'ENOTFILE' });
}

/** Throws (as openRegular) unless `path` is a regular file that can be opened for reading. */
export function assertRegularFile(path: string): void {
  closeSync(openRegular(path));
}

/** The file in pieces of whole records, from its start each time it is called. */
export function filePieces(path: string): () => AsyncIterable<TextPart> {
  return () => readPieces(Readable.from(fileChunks(path)));
}

/** Why a file cannot be read, in a few words: `no such file`, `it is a FIFO; only regular files are read`. */
export function unreadableReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EACCES') return 'permission denied';
  return error.message;
}
