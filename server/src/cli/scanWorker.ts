/**
 * The worker of `quietPartsOnTwoThreads` (twoThreads.ts): scans a file from `start` for quiet
 * records, sends each part it keeps, then says it is done. Built as a bundle of its own
 * (dist/scanWorker.js): this module is the thread's whole task.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../engine/catalog';
import { QuietRecords } from '../engine/rules/quietRecords';
import { filePiecesSync, quietParts } from './pieces';
import { SENT_AHEAD, type QuietScanJob, type ScanMessage } from './twoThreads';

function runQuietScan({ fd, start, ahead }: QuietScanJob): void {
  const port = parentPort as NonNullable<typeof parentPort>;
  const sent = new Int32Array(ahead);
  try {
    const quiet = new QuietRecords(loadCatalog());
    for (const piece of filePiecesSync(fd, start)) {
      for (const part of quietParts(quiet, piece)) {
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

runQuietScan((workerData as { quietScan: QuietScanJob }).quietScan);
