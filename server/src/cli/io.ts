import type { Readable, Writable } from 'node:stream';

/** The process streams and environment a command uses; tests pass their own. */
export interface CommandIO {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function processIO(): CommandIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Writes and waits for the stream to take it, so large outputs do not pile up in memory. */
export function write(stream: Writable, text: string): Promise<void> | void {
  if (stream.write(text)) return;
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/**
 * Output written in batches: text gathered while the program works goes out when it next waits
 * (a turn of the event loop, e.g. for the server's answer) or once 64 KiB have gathered, so a
 * line per record costs no write of its own. `flush()` before anything that must follow it.
 */
export class BatchedOutput {
  private parts: string[] = [];
  private length = 0;
  private scheduled = false;

  constructor(private readonly stream: Writable) {}

  write(text: string): Promise<void> | void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= BATCH_BYTES) return this.flush();
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
  }

  flush(): Promise<void> | void {
    if (this.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return write(this.stream, text);
  }
}

const BATCH_BYTES = 1 << 16;
