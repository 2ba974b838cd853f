import { on } from 'node:events';
import { closeSync, fstatSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadCatalog, type Catalog } from '../engine/catalog';
import { hasContent } from '../engine/ldif/lines';
import type { TextPart } from '../engine/partsCheck';
import { QuietRecords } from '../engine/rules/quietRecords';
import { chunksAt, firstBlankLineEnd, openRegular, readTextsSync } from './pieces';

/** Files from this size on are scanned by two threads, on a machine with two cores or more. */
const TWO_THREADS_FROM = 16 << 20;

/**
 * The share of the file this thread scans. It starts first but also checks what both threads
 * keep; with two cores, 0.45 gave the shortest runs (0.55 and 0.40 were slower).
 */
const MAIN_SHARE = 0.45;

/** Characters the worker may have sent ahead of this thread's reading: past them it waits, so memory stays flat. */
const SENT_AHEAD = 8 << 20;

/** The worker's young generation: 16 gave a 1 GiB file a peak RSS of 166 MiB, 4 of 130 MiB, in the same time. */
const YOUNG_GENERATION_MB = 4;

/** Bytes read at most to find a blank line after the split point; without one, one thread reads the file. */
const BOUNDARY_WINDOW = 1 << 20;

/** What the worker is given: a descriptor of the file (shared by the threads of a process) and where to start. */
interface QuietScanJob {
  readonly fd: number;
  readonly start: number;
  /** One Int32: the characters sent and not yet taken. */
  readonly ahead: SharedArrayBuffer;
}

type ScanMessage =
  { readonly part: TextPart } | { readonly done: true } | { readonly error: string; readonly code?: string };

/**
 * Whether a file of `size` bytes is scanned by two threads. Only in the bundle: a worker runs
 * the file it is started from, and node cannot start one from TypeScript sources.
 */
export function twoThreadsPay(size: number): boolean {
  return size >= TWO_THREADS_FROM && availableParallelism() >= 2 && __filename.endsWith('.js');
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
      for (const piece of readTextsSync(chunksAt(fd))) yield* quiet.parts(piece);
      return;
    }
    const ahead = new SharedArrayBuffer(4);
    const job: QuietScanJob = { fd, start: split, ahead };
    // A small young generation: the scan keeps nothing, and the worker's heap counts in peak RSS.
    const worker = new Worker(__filename, {
      workerData: { quietScan: job },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    try {
      // Opened at once: the worker's messages wait here while this thread scans its part. Its
      // error rejects, and its exit ends the iteration (after every message it sent).
      const messages = on(worker, 'message', { close: ['exit'] }) as AsyncIterable<[ScanMessage]>;
      let atFileStart = true;
      for (const piece of readTextsSync(chunksAt(fd, 0, split))) {
        yield* quiet.parts(piece);
        atFileStart = piece.atFileStart && !hasContent(piece.text);
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

/** The worker's side: scans the file from `start`, sends each kept part, then says it is done. */
function runQuietScan({ fd, start, ahead }: QuietScanJob): void {
  const port = parentPort as NonNullable<typeof parentPort>;
  const sent = new Int32Array(ahead);
  try {
    const quiet = new QuietRecords(loadCatalog());
    for (const piece of readTextsSync(chunksAt(fd, start))) {
      for (const part of quiet.parts(piece)) {
        for (let waiting = Atomics.load(sent, 0); waiting > SENT_AHEAD; waiting = Atomics.load(sent, 0))
          Atomics.wait(sent, 0, waiting);
        Atomics.add(sent, 0, part.text.length);
        port.postMessage({ part } satisfies ScanMessage);
      }
    }
    port.postMessage({ done: true } satisfies ScanMessage);
  } catch (error) {
    const { message, code } = error as NodeJS.ErrnoException;
    port.postMessage({ error: message, code } satisfies ScanMessage);
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

// Started as the worker of `quietPartsOnTwoThreads`: this module is the thread's whole task.
const job = isMainThread ? undefined : (workerData as { quietScan?: QuietScanJob } | null)?.quietScan;
if (job) runQuietScan(job);
