/**
 * `check` of a large file on several threads. The main thread reads the file and cuts it into
 * pieces, exactly as it does alone (so every diagnostic and every line number is the same);
 * worker threads parse and check batches of pieces; the main thread takes their findings back in
 * file order. Only the few records the checks across pieces need (winsync records, the first
 * content and change record) come back, as the text of their block, and are parsed again here.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnostic, LdifRecord } from '../engine/ldif/ast';
import { ParsedDocument, type BlockSource } from '../engine/document';
import { loadCatalog, type Catalog } from '../engine/catalog';
import type { EntryView } from '../engine/model/entryView';
import { checkPiece, type PieceFindings } from './checkPiece';
import type { Piece } from './pieces';

/** Marks a worker thread started by `checkInParallel`. */
const ROLE = 'winsync-ldif check';

/** About 1 MiB of text per message: few enough messages, small enough to keep memory flat. */
const PIECES_PER_BATCH = 16;

/** What a worker sends back for one piece: plain data, which crosses threads. */
interface FoundInWorker {
  readonly diagnostics: readonly Diagnostic[];
  /** The blocks of the records below, each once. */
  readonly sources: readonly BlockSource[];
  /** Indexes into `sources`. */
  readonly views: readonly number[];
  readonly firsts: readonly number[];
}

type Reply = { readonly id: number; readonly found: FoundInWorker[] } | { readonly id: number; readonly error: string };

/**
 * Hands the pieces, in batches, to `jobs` worker threads and `take`s what they found, piece by
 * piece in file order; at most two batches per thread are pending, so memory stays flat.
 */
export async function checkInParallel(
  pieces: Iterable<Piece>,
  jobs: number,
  catalog: Catalog,
  take: (found: PieceFindings) => Promise<void>,
): Promise<void> {
  const workers = Array.from({ length: jobs }, () => new CheckWorker());
  try {
    const pending: Promise<FoundInWorker[]>[] = [];
    const takeOldest = async () => {
      for (const found of await pending.shift()!) await take(rebuild(found, catalog));
    };
    let batch: Piece[] = [];
    let sent = 0;
    for (const piece of pieces) {
      batch.push(piece);
      if (batch.length < PIECES_PER_BATCH) continue;
      pending.push(workers[sent++ % jobs].check(batch));
      batch = [];
      if (pending.length >= 2 * jobs) await takeOldest();
    }
    if (batch.length > 0) pending.push(workers[sent % jobs].check(batch));
    while (pending.length > 0) await takeOldest();
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/** The findings of a piece as `checkPiece` gives them, its records parsed again from their blocks. */
function rebuild(found: FoundInWorker, catalog: Catalog): PieceFindings {
  const parsed = found.sources.map((source) =>
    ParsedDocument.parse(source.text, catalog, undefined, {
      firstLine: source.firstLine,
      atFileStart: source.versionAllowed,
      once: true,
    }),
  );
  const views: EntryView[] = found.views.map((index) => parsed[index].views[0]);
  const firsts: LdifRecord[] = found.firsts.map((index) => parsed[index].ldif.records[0]);
  return { diagnostics: found.diagnostics, views, firsts };
}

/** One worker thread and the batches it has not answered yet. */
class CheckWorker {
  private readonly thread: Worker;
  private readonly waiting = new Map<
    number,
    { resolve: (found: FoundInWorker[]) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;

  constructor() {
    // The bundle (or, under a TypeScript loader, this module) serves checks when it starts as a worker.
    this.thread = new Worker(__filename, {
      workerData: ROLE,
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--test')),
    });
    this.thread.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.found);
    });
    const fail = (error: Error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.thread.on('error', fail);
    this.thread.on('exit', (code) => fail(new Error(`a checking thread stopped (exit code ${code})`)));
  }

  check(pieces: readonly Piece[]): Promise<FoundInWorker[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.thread.postMessage({ id, pieces });
    });
  }

  async stop(): Promise<void> {
    await this.thread.terminate();
  }
}

/** In a worker thread: checks each batch of pieces it is sent. */
function serveChecks(): void {
  const catalog = loadCatalog();
  parentPort!.on('message', ({ id, pieces }: { id: number; pieces: readonly Piece[] }) => {
    try {
      parentPort!.postMessage({ id, found: pieces.map((piece) => checkForMain(piece, catalog)) } satisfies Reply);
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies Reply);
    }
  });
}

function checkForMain(piece: Piece, catalog: Catalog): FoundInWorker {
  const { diagnostics, views, firsts, document } = checkPiece(piece, catalog);
  const sources: BlockSource[] = [];
  const indexes = new Map<LdifRecord, number>();
  const indexOf = (record: LdifRecord) => {
    let index = indexes.get(record);
    if (index === undefined) {
      indexes.set(record, (index = sources.length));
      sources.push(document.sourceOf(record)!);
    }
    return index;
  };
  return {
    diagnostics,
    sources,
    views: views.map((view) => indexOf(view.record)),
    firsts: firsts.map(indexOf),
  };
}

if (!isMainThread && workerData === ROLE) serveChecks();
