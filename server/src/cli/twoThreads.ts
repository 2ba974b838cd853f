import { on } from 'node:events';
import { closeSync, existsSync, fstatSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../engine/catalog';
import { hasContent } from '../engine/ldif/lines';
import type { TextPart } from '../engine/partsCheck';
import { QuietRecords } from '../engine/rules/quietRecords';
import { filePiecesSync, firstBlankLineEnd, openRegular, quietParts } from './pieces';

/** Files from this size on are scanned by two threads, on a machine with two cores or more. */
const TWO_THREADS_FROM = 16 << 20;

/**
 * The share of the file this thread scans. It starts first but also checks what both threads
 * keep; with two cores, 0.45 gave the shortest runs (0.55 and 0.40 were slower).
 */
const MAIN_SHARE = 0.45;

/** Characters the worker may have sent ahead of this thread's reading: past them it waits, so memory stays flat. */
export const SENT_AHEAD = 8 << 20;

/**
 * The worker (scanWorker.ts), bundled on its own beside the CLI's bundle: a fifth of its size, it
 * starts scanning 40–60 ms sooner than a worker that loads the whole CLI.
 */
const SCAN_WORKER = join(__dirname, 'scanWorker.js');

/** The worker's young generation: 16 gave a 1 GiB file a peak RSS of 166 MiB, 4 of 130 MiB, in the same time. */
const YOUNG_GENERATION_MB = 4;

/** Bytes read at most to find a blank line after the split point; without one, one thread reads the file. */
const BOUNDARY_WINDOW = 1 << 20;

/** What the worker is given: a descriptor of the file (shared by the threads of a process) and where to start. */
export interface QuietScanJob {
  readonly fd: number;
  readonly start: number;
  /** One Int32: the characters sent and not yet taken. */
  readonly ahead: SharedArrayBuffer;
}

export type ScanMessage =
  { readonly part: TextPart } | { readonly done: true } | { readonly error: string; readonly code?: string };

/**
 * Whether a file of `size` bytes is scanned by two threads. Only from the bundles: node cannot
 * start a worker from TypeScript sources.
 */
export function twoThreadsPay(size: number): boolean {
  return size >= TWO_THREADS_FROM && availableParallelism() >= 2 && existsSync(SCAN_WORKER);
}

/**
 * The parts of a file that `check` reads (see `partsToCheck`), the file split at a blank line:
 * this thread scans the first part for quiet records while a worker scans the second; the
 * worker's parts follow this thread's, numbered from the file's first line. Nothing but the scan
 * moves: every kept part is checked here, in file order, as with one thread.
 */
export async function* quietPartsOnTwoThreads(path: string, catalog: Catalog): AsyncGenerator<TextPart> {
  const fd = openRegular(path);
  try {
    const quiet = new QuietRecords(catalog);
    const split = blankLineAfter(fd, MAIN_SHARE);
    if (split === undefined) {
      for (const piece of filePiecesSync(fd)) yield* quietParts(quiet, piece);
      return;
    }
    const ahead = new SharedArrayBuffer(4);
    const job: QuietScanJob = { fd, start: split, ahead };
    // A small young generation: the scan keeps nothing, and the worker's heap counts in peak RSS.
    const worker = new Worker(SCAN_WORKER, {
      workerData: { quietScan: job },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    try {
      // Opened at once: the worker's messages wait here while this thread scans its part. Its
      // error rejects, and its exit ends the iteration (after every message it sent).
      const messages = on(worker, 'message', { close: ['exit'] }) as AsyncIterable<[ScanMessage]>;
      let atFileStart = true;
      for (const piece of filePiecesSync(fd, 0, split)) {
        yield* quietParts(quiet, piece);
        atFileStart = piece.atFileStart && !hasContent(piece.bytes.toString('utf8'));
      }
      const lines = quiet.linesRead;
      const sent = new Int32Array(ahead);
      for await (const [message] of messages) {
        if ('error' in message) throw Object.assign(new Error(message.error), { code: message.code });
        if ('done' in message) return;
        const { part } = message;
        Atomics.sub(sent, 0, part.text.length);
        Atomics.notify(sent, 0);
        yield { text: part.text, firstLine: lines + part.firstLine, atFileStart: atFileStart && part.atFileStart };
      }
      throw new Error('the thread scanning the second part of the file stopped before its end');
    } finally {
      // A worker waiting for this thread to catch up is woken first: termination does not wake it.
      Atomics.store(new Int32Array(ahead), 0, 0);
      Atomics.notify(new Int32Array(ahead), 0);
      await worker.terminate();
    }
  } finally {
    closeSync(fd);
  }
}

/** The offset just after the first blank line after `share` of the file, if one is within `BOUNDARY_WINDOW`. */
function blankLineAfter(fd: number, share: number): number | undefined {
  const size = fstatSync(fd).size;
  const from = Math.floor(size * share);
  const bytes = Buffer.allocUnsafe(Math.min(BOUNDARY_WINDOW, size - from));
  const end = firstBlankLineEnd(bytes, 0, readSync(fd, bytes, 0, bytes.length, from));
  return end > 0 ? from + end : undefined;
}
