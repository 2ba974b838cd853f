import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const REPORT_MAX_RSS = join(__dirname, 'report-max-rss.cjs');

export interface MeasuredRun {
  /** Exit code; null when the process was killed (timeout or signal). */
  readonly code: number | null;
  /** The first 64 KiB of standard output. */
  readonly stdout: string;
  readonly stdoutBytes: number;
  readonly stderr: string;
  /** Peak resident set size of the CLI process itself. */
  readonly maxRssMiB: number;
  readonly seconds: number;
}

/** Runs the built CLI (`node dist/cli.js …`) with a file piped to standard input, measuring time and peak memory. */
export async function runCli(
  args: readonly string[],
  options: { stdinFile?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-r', REPORT_MAX_RSS, CLI, ...args], {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const out: Buffer[] = [];
  let stdoutBytes = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    if (stdoutBytes < 65_536) out.push(chunk);
    stdoutBytes += chunk.length;
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let rss = '';
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (rss += chunk.toString()));
  child.stdin.on('error', () => {}); // the CLI may finish before reading all of its input
  if (options.stdinFile) createReadStream(options.stdinFile).pipe(child.stdin);
  else child.stdin.end();
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return {
    code,
    stdout: Buffer.concat(out).toString().slice(0, 65_536),
    stdoutBytes,
    stderr,
    maxRssMiB: Number(rss) / 1024,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A temporary folder, removed by `cleanup`. */
export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'winsync-hostile-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a large file from chunks without holding it in memory. */
export async function writeChunks(path: string, chunks: Iterable<string | Buffer>): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await finished(out);
}

/** `count` small records (dn + one attribute), 1000 to a chunk. */
export function* smallRecords(
  count: number,
  record = (i: number) => `dn: cn=user${i},dc=example,dc=com\ncn: user${i}\n\n`,
): Generator<string> {
  for (let i = 0; i < count; i += 1000) {
    const parts: string[] = [];
    for (let k = i; k < Math.min(count, i + 1000); k++) parts.push(record(k));
    yield parts.join('');
  }
}
