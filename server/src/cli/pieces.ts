import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { hasContent } from '../engine/ldif/lines';
import { fileKind } from '../apply/localFiles';
import type { TextPart } from '../engine/partsCheck';
import type { QuietRecords } from '../engine/rules/quietRecords';

/** A run of whole records from a larger text, and whether only comments came before it. */
export interface PieceText {
  readonly text: string;
  readonly atFileStart: boolean;
}

/** A piece as its UTF-8 bytes, valid until the next piece is read. */
export interface PieceBytes {
  readonly bytes: Buffer;
  readonly atFileStart: boolean;
}

/**
 * About one read-stream chunk: a piece's records all die before the next piece is read, so
 * they never leave V8's young generation. With 1 MiB pieces every record was promoted to the
 * old generation first, and garbage collection took half the time of `check`.
 */
const PIECE_SIZE = 1 << 16;

/** Pieces as text, each with the line it starts on. */
export async function* numbered(pieces: Iterable<PieceBytes> | AsyncIterable<PieceBytes>): AsyncGenerator<TextPart> {
  const lines = new LineCounter();
  for await (const piece of pieces) yield lines.number(decoded(piece));
}

/**
 * Cuts a stream into pieces of about 64 KiB that end after a blank line, so no record is split
 * and memory stays flat whatever the file size. As bytes and without line numbers (`numbered`
 * adds them), for a reader that counts the lines itself as it reads them (`check`): counting them
 * here too cost a twentieth of checking a large file.
 */
export async function* readBytes(stream: Readable, pieceSize = PIECE_SIZE): AsyncGenerator<PieceBytes> {
  const cutter = new PieceCutter(pieceSize);
  for await (const chunk of stream) {
    const piece = cutter.push(chunk as Buffer | string);
    if (piece) yield piece;
  }
  yield* cutter.end();
}

/** `readBytes` over chunks at hand (a file read synchronously), without the cost of a stream. */
export function* readBytesSync(chunks: Iterable<Buffer | string>, pieceSize = PIECE_SIZE): Generator<PieceBytes> {
  const cutter = new PieceCutter(pieceSize);
  for (const chunk of chunks) {
    const piece = cutter.push(chunk);
    if (piece) yield piece;
  }
  yield* cutter.end();
}

/**
 * The pieces of an open file from `start` to `end`, read synchronously with positioned reads (two
 * threads may read one descriptor at once) straight into the bytes pending: a batch command has
 * nothing else to do while it waits, and no buffer is made per read and copied from.
 */
export function* filePiecesSync(fd: number, start = 0, end = Number.POSITIVE_INFINITY): Generator<PieceBytes> {
  const cutter = new PieceCutter(PIECE_SIZE);
  for (let at = start; at < end;) {
    const { read, piece } = cutter.read(fd, at, Math.min(CHUNK_SIZE, end - at));
    if (read === 0) break;
    at += read;
    if (piece) yield piece;
  }
  yield* cutter.end();
}

/** `readBytesSync` decoded. */
export function* readTextsSync(chunks: Iterable<Buffer | string>, pieceSize = PIECE_SIZE): Generator<PieceText> {
  for (const piece of readBytesSync(chunks, pieceSize)) yield decoded(piece);
}

/**
 * The piece's text. A blank line ends in an ASCII line break, so a cut never splits a UTF-8
 * sequence: each piece decodes as it would within the whole file.
 */
export function decoded(piece: PieceBytes): PieceText {
  return { text: piece.bytes.toString('utf8'), atFileStart: piece.atFileStart };
}

/** The parts of a piece the full check reads; only they are decoded. */
export function quietParts(quiet: QuietRecords, { bytes, atFileStart }: PieceBytes): TextPart[] {
  return quiet.partsOfBytes(bytes, atFileStart, (start, end) => bytes.toString('utf8', start, end));
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
 * Cuts the bytes read into pieces after blank lines. A piece is the start of the bytes pending,
 * left in place until the next chunk comes: no byte is copied out, and the scan for quiet
 * records decodes only what it keeps.
 */
class PieceCutter {
  /** The bytes read since the last piece (the first `length`); the piece given out, the first `given`. */
  private pending = Buffer.allocUnsafe(0);
  private length = 0;
  private given = 0;
  /** End of the last blank line in the pending bytes (0: none). */
  private cut = 0;
  private atFileStart = true;
  private emitted = false;

  constructor(private readonly pieceSize: number) {}

  /** Takes the next chunk; returns a piece when enough whole records are pending. */
  push(chunk: Buffer | string): PieceBytes | undefined {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length === 0) return undefined;
    this.makeRoom(bytes.length);
    bytes.copy(this.pending, this.length);
    return this.appended(bytes.length);
  }

  /**
   * Reads up to `size` bytes of the file `fd` at `position` straight into the pending bytes: how
   * many it read (0 at the end of the file), and the piece they complete, if any.
   */
  read(fd: number, position: number, size: number): { read: number; piece: PieceBytes | undefined } {
    this.makeRoom(size);
    const read = readSync(fd, this.pending, this.length, size, position);
    return { read, piece: read === 0 ? undefined : this.appended(read) };
  }

  /** Counts `count` bytes written after the pending ones; a piece when enough whole records are pending. */
  private appended(count: number): PieceBytes | undefined {
    const from = this.length;
    this.length += count;
    // Only the new bytes can end a blank line; its first break may be in the bytes before them.
    const blank = lastBlankLineEnd(this.pending, from, this.length);
    if (blank > 0) this.cut = blank;
    if (this.length < this.pieceSize || this.cut === 0) return undefined;
    this.given = this.cut;
    this.cut = 0;
    return this.emit(this.pending.subarray(0, this.given));
  }

  /** The rest of the bytes, once the input has ended (one empty piece for an empty input). */
  end(): PieceBytes[] {
    this.dropGiven();
    return this.length > 0 || !this.emitted ? [this.emit(this.pending.subarray(0, this.length))] : [];
  }

  /** Moves the bytes after the piece given out to the start. */
  private dropGiven(): void {
    if (this.given === 0) return;
    const rest = this.length - this.given;
    // After a very long record, the bytes it needed are let go rather than held to the end.
    const keep =
      this.pending.length > 4 * PENDING_BYTES && rest < PENDING_BYTES
        ? Buffer.allocUnsafe(PENDING_BYTES)
        : this.pending;
    this.pending.copy(keep, 0, this.given, this.length);
    this.pending = keep;
    this.length = rest;
    this.given = 0;
  }

  /** Drops the piece given out, and makes room for `size` more bytes after the pending ones. */
  private makeRoom(size: number): void {
    this.dropGiven();
    if (this.length + size > this.pending.length) {
      // Doubling keeps a record of any size read in linear time.
      const grown = Buffer.allocUnsafe(Math.max(2 * this.pending.length, this.length + size, PENDING_BYTES));
      this.pending.copy(grown, 0, 0, this.length);
      this.pending = grown;
    }
  }

  private emit(bytes: Buffer): PieceBytes {
    const piece = { bytes, atFileStart: this.atFileStart };
    this.emitted = true;
    // version: may follow a first piece of nothing but comments and blank lines.
    this.atFileStart &&= !hasContent(bytes.toString('utf8'));
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
 * A file's pieces, read synchronously (`filePiecesSync`): the asynchronous reads of a file stream
 * cost a sixth of the time of checking a large file. Only a regular file is read: it is opened
 * without blocking (a FIFO would wait forever for a writer) and checked once open.
 */
export function* fileBytesSync(path: string): Generator<PieceBytes> {
  const fd = openRegular(path);
  try {
    yield* filePiecesSync(fd);
  } finally {
    closeSync(fd);
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
  return () => numbered(fileBytesSync(path));
}

/** Why a file cannot be read, in a few words: `no such file`, `it is a FIFO; only regular files are read`. */
export function unreadableReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EACCES') return 'permission denied';
  return error.message;
}
