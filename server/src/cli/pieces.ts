import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** A run of whole records from a larger text, with the line it starts on. */
export interface Piece {
  readonly text: string;
  readonly firstLine: number;
  readonly atFileStart: boolean;
}

const PIECE_SIZE = 1 << 20;

/**
 * Cuts a stream into pieces of about 1 MiB that end after a blank line, so no
 * record is split and memory stays flat whatever the file size.
 */
export async function* readPieces(stream: Readable, pieceSize = PIECE_SIZE): AsyncGenerator<Piece> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let firstLine = 0;
  let atFileStart = true;
  const emit = (text: string): Piece => {
    const piece = { text, firstLine, atFileStart };
    firstLine += countLines(text);
    atFileStart = false;
    return piece;
  };
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (pending.length < pieceSize) continue;
    const cut = lastBlankLineEnd(pending);
    if (cut <= 0) continue;
    yield emit(pending.slice(0, cut));
    pending = pending.slice(cut);
  }
  pending += decoder.end();
  if (pending.length > 0 || atFileStart) yield emit(pending);
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
