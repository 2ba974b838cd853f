import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { hasContent } from '../engine/ldif/lines';
import { fileKind } from '../apply/localFiles';

/** A run of whole records from a larger text, and whether only comments came before it. */
export interface PieceText {
  readonly text: string;
  readonly atFileStart: boolean;
}

/** A run of whole records with the line it starts on. */
export interface Piece extends PieceText {
  readonly firstLine: number;
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
export async function* readPieces(stream: Readable, pieceSize = PIECE_SIZE): AsyncGenerator<Piece> {
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

  number(piece: PieceText): Piece {
    const numbered = { text: piece.text, firstLine: this.#next, atFileStart: piece.atFileStart };
    this.#next += countLines(piece.text);
    return numbered;
  }
}

/** Decodes chunks as they come and cuts the text into pieces after blank lines. */
class PieceCutter {
  private readonly decoder = new StringDecoder('utf8');
  // The text read since the last piece, as chunks: joined only when a piece is cut, so a
  // record of 100 MB without a blank line is neither copied nor searched more than once.
  private parts: string[] = [];
  private length = 0;
  /** End of the last blank line seen in the pending text (0 or less: none). */
  private cut = 0;
  /** The last two characters read, for a blank line whose line breaks straddle two chunks. */
  private tail = '';
  private atFileStart = true;
  private emitted = false;

  constructor(private readonly pieceSize: number) {}

  /** Takes the next chunk; returns a piece when enough whole records are pending. */
  push(chunk: Buffer | string): PieceText | undefined {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (text.length === 0) return undefined;
    // Search the chunk itself, and the tail joined to its first characters only for a blank line
    // across the two: joining the whole chunk to the tail copied every chunk once more.
    const blank = lastBlankLineEnd(text);
    if (blank > 0) this.cut = this.length + blank;
    else {
      const joint = lastBlankLineEnd(this.tail + text.slice(0, 2));
      if (joint > 0) this.cut = this.length - this.tail.length + joint;
    }
    this.parts.push(text);
    this.length += text.length;
    this.tail = text.length >= 2 ? text.slice(-2) : (this.tail + text).slice(-2);
    if (this.length < this.pieceSize || this.cut <= 0) return undefined;
    const pending = this.parts.join('');
    const piece = this.emit(pending.slice(0, this.cut));
    const rest = pending.slice(this.cut);
    this.parts = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    this.cut = 0;
    return piece;
  }

  /** The rest of the text, once the input has ended (one empty piece for an empty input). */
  end(): PieceText[] {
    const pending = this.parts.join('') + this.decoder.end();
    return pending.length > 0 || !this.emitted ? [this.emit(pending)] : [];
  }

  private emit(text: string): PieceText {
    const piece = { text, atFileStart: this.atFileStart };
    this.emitted = true;
    // version: may follow a first piece of nothing but comments and blank lines.
    this.atFileStart &&= !hasContent(text);
    return piece;
  }
}

/** Offset just after the last blank line (a line break followed by an empty line), or -1. */
function lastBlankLineEnd(text: string): number {
  for (let at = text.lastIndexOf('\n'); at > 0; at = text.lastIndexOf('\n', at - 1)) {
    const before = text.charCodeAt(at - 1) === 13 ? at - 2 : at - 1;
    if (before >= 0 && text.charCodeAt(before) === 10) return at + 1;
  }
  return -1;
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
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_SIZE);
      const read = readSync(fd, chunk, 0, CHUNK_SIZE, null);
      if (read === 0) return;
      yield read === CHUNK_SIZE ? chunk : chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** Opens a regular file for reading; anything else (a FIFO, a device, a folder) is an error naming what it is. */
function openRegular(path: string): number {
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
export function filePieces(path: string): () => AsyncIterable<Piece> {
  return () => readPieces(Readable.from(fileChunks(path)));
}

/** Why a file cannot be read, in a few words: `no such file`, `it is a FIFO; only regular files are read`. */
export function unreadableReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EACCES') return 'permission denied';
  return error.message;
}
