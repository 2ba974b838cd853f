/**
 * `npm run bench`: throughput and memory of `winsync-ldif check` beside its peers measured in the
 * same run (a streaming JS floor, OpenLDAP's `ldapmodify -n`, the npm `ldif` package), the
 * language server driven over LSP (cold start, every kind of keystroke, hover and completion
 * while typing), and a sweep of the real-world corpus. Prints the machine, every figure with its
 * peer, ratio and goal, and writes the raw numbers to <tmp>/winsync-ldif-bench/results.json.
 *
 * Every timed program runs as its own child process (peak RSS from /usr/bin/time, else from
 * process.resourceUsage() in the child), several times, alternating with its peers so that a
 * change of load hits all of them alike; figures are medians.
 *
 * Options: --runs N (default 5), --skip-1g, --quick (3 runs, no 1 GB file), --only cli,1g,lsp,corpus,schema
 * (some sections), --clean (delete the generated files and exit).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { LspClient } from '../test/lsp/client';
import { serverEnvironment } from '../server/src/lsp/launch';
import { GENERATOR_VERSION, generateToFile, type GenerateOptions, type GenerateStats } from './generate';
import { benchSchema, handSchema, schemaFigures, type BenchSchema } from './schema';

const ROOT = resolve(__dirname, '..');
const DIR = join(os.tmpdir(), 'winsync-ldif-bench');
const CLI = join(ROOT, 'dist', 'cli.js');
const TIME = '/usr/bin/time';
const MB = 1e6;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const RUNS = Number(valueOf('--runs') ?? (quick ? 3 : 5));
const WITH_1G = !args.includes('--skip-1g') && !quick;
/** --only cli,1g,lsp,corpus,schema: run some sections. */
const ONLY = valueOf('--only')?.split(',');
const wanted = (section: string) => ONLY === undefined || ONLY.includes(section);

function valueOf(name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

// ---------------------------------------------------------------- generated files

interface FileSpec {
  readonly name: string;
  readonly options: GenerateOptions;
}

const FILES = {
  /** The main figure: ~110 MB, 100k change records with a few deliberate errors. */
  change: { name: 'change-100k.ldif', options: { seed: 1, records: 100_000 } },
  /** The same kind of file without errors or extensions, which the npm ldif package accepts. */
  plain: { name: 'change-100k-plain.ldif', options: { seed: 1, records: 100_000, errorRate: 0, extensions: false } },
  huge: { name: 'change-1g.ldif', options: { seed: 2, bytes: 2 ** 30 } },
  editor: { name: 'editor-100k-lines.ldif', options: { seed: 3, lines: 100_000 } },
} satisfies Record<string, FileSpec>;

interface Generated {
  readonly path: string;
  readonly stats: GenerateStats;
}

/** Generates a file, or reuses the one from an earlier run made by the same generator with the same options. */
function ensureFile(spec: FileSpec): Generated {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, spec.name);
  const manifestPath = join(DIR, 'manifest.json');
  const manifest: Record<string, { key: string; stats: GenerateStats }> = existsSync(manifestPath)
    ? JSON.parse(readFileSync(manifestPath, 'utf8'))
    : {};
  const source = createHash('sha256')
    .update(readFileSync(join(__dirname, 'generate.ts')))
    .digest('hex')
    .slice(0, 16);
  const key = `${GENERATOR_VERSION}:${source}:${JSON.stringify(spec.options)}`;
  const cached = manifest[spec.name];
  if (cached?.key === key && existsSync(path) && statSync(path).size === cached.stats.bytes)
    return { path, stats: cached.stats };
  process.stdout.write(`  generating ${spec.name} ... `);
  const started = performance.now();
  const stats = generateToFile(path, spec.options);
  process.stdout.write(
    `${(stats.bytes / MB).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  manifest[spec.name] = { key, stats };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { path, stats };
}

// ---------------------------------------------------------------- measuring child processes

interface Run {
  readonly seconds: number;
  /** Peak resident set size of the child, KiB. */
  readonly maxRssKiB: number;
  /** CPU time of the child (user + system), seconds: what a busy machine inflates less than wall time. */
  readonly cpuSeconds: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const haveTime = existsSync(TIME);

/** Runs `node <args>` once; wall time from spawn to exit, peak RSS from /usr/bin/time or the child itself. */
function runNode(nodeArgs: readonly string[], captureStdout = false, okCodes = [0, 1, 3]): Promise<Run> {
  return runProcess(process.execPath, nodeArgs, { captureStdout, okCodes, preload: true });
}

/**
 * Runs a program once; wall time from spawn to exit, peak RSS and CPU time from /usr/bin/time,
 * else (node programs only, `preload`) from the child itself.
 */
function runProcess(
  program: string,
  programArgs: readonly string[],
  options: { captureStdout?: boolean; okCodes?: readonly number[]; preload?: boolean } = {},
): Promise<Run> {
  const rssFile = join(DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const [command, argv, env] = haveTime
    ? [TIME, ['-f', '%M %U %S', '-o', rssFile, program, ...programArgs], process.env]
    : options.preload
      ? [
          program,
          ['--require', join(__dirname, 'peers', 'maxrss.cjs'), ...programArgs],
          { ...process.env, BENCH_RSS_FILE: rssFile },
        ]
      : [program, [...programArgs], process.env];
  const okCodes = options.okCodes ?? [0, 1, 3];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, {
      cwd: ROOT,
      env,
      stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    // Only the start is kept: ldapmodify -c reports every bad record there.
    child.stderr?.on('data', (chunk) => (stderr = stderr.length < 1000 ? stderr + chunk : stderr));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      // "<peak RSS KiB> <user s> <system s>" (/usr/bin/time may put a note about the exit status before it).
      const fields = existsSync(rssFile)
        ? (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number)
        : [];
      const [rss = NaN, user = NaN, system = NaN] = fields;
      rmSync(rssFile, { force: true });
      if (code === null || !okCodes.includes(code))
        reject(new Error(`${program} ${programArgs.join(' ')} exited with ${code}: ${stderr.slice(0, 500)}`));
      else resolvePromise({ seconds, maxRssKiB: rss, cpuSeconds: user + system, code, stdout, stderr });
    });
  });
}

async function repeat(times: number, nodeArgs: readonly string[], captureStdout = false): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) runs.push(await runNode(nodeArgs, captureStdout));
  return runs;
}

/** Runs each program `times` times, taking turns, so that a change of load hits all of them alike. */
async function alternate(times: number, programs: readonly (() => Promise<Run>)[]): Promise<Run[][]> {
  const runs: Run[][] = programs.map(() => []);
  for (let i = 0; i < times; i++) for (const [at, program] of programs.entries()) runs[at].push(await program());
  return runs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function spread(values: readonly number[], digits = 2): string {
  return `min ${Math.min(...values).toFixed(digits)}, max ${Math.max(...values).toFixed(digits)}, n=${values.length}`;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

// ---------------------------------------------------------------- the table

interface Row {
  readonly figure: string;
  readonly measured: string;
  readonly goal: string;
  /** undefined: information only, no goal. */
  readonly pass: boolean | undefined;
  readonly detail: string;
}

const rows: Row[] = [];
const results: Record<string, unknown> = {};

function row(figure: string, measured: string, goal: string, pass: boolean | undefined, detail: string): void {
  rows.push({ figure, measured, goal, pass, detail });
  const verdict = pass === undefined ? '' : pass ? '  [pass]' : '  [FAIL]';
  console.log(`  ${figure}: ${measured}${goal ? ` (goal ${goal})` : ''}${verdict}  — ${detail}`);
}

function printTable(): void {
  const header = ['Figure', 'Measured', 'Goal', 'Result'];
  const body = rows.map((r) => [
    r.figure,
    r.measured,
    r.goal || '–',
    r.pass === undefined ? 'info' : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const cells of body) console.log(line(cells));
}

// ---------------------------------------------------------------- sections

/** ldapmodify -c exits with the code of the last error in the file. */
const ANY_EXIT_CODE = Array.from({ length: 256 }, (_, code) => code);

/** OpenLDAP's ldapmodify, which `-n` makes parse and print what it would do without a server. */
const LDAPMODIFY = ['/usr/bin/ldapmodify', '/usr/local/bin/ldapmodify'].find((path) => existsSync(path));

async function cliThroughput(change: Generated, plain: Generated): Promise<void> {
  const megabytes = change.stats.bytes / MB;
  console.log(
    `\n== check: parse + validate, ${megabytes.toFixed(0)} MB, ${change.stats.records} records, beside the streaming floor and ldapmodify -n (load ${loadAverage()})`,
  );
  const [runs, floorRuns, ldapRuns] = await alternate(RUNS, [
    () => runNode([CLI, 'check', change.path]),
    () => runNode([join(__dirname, 'peers', 'stream-floor.cjs'), change.path]),
    ...(LDAPMODIFY ? [() => runProcess(LDAPMODIFY, ['-n', '-c', '-f', change.path], { okCodes: ANY_EXIT_CODE })] : []),
  ]);
  const seconds = median(runs.map((r) => r.seconds));
  const mbps = megabytes / seconds;
  const rss = median(runs.map((r) => r.maxRssKiB)) / 1024;
  const cpu = median(runs.map((r) => r.cpuSeconds));
  results.check = { file: change, runs, floorRuns, ldapRuns };
  row(
    'check throughput, 110 MB change file',
    `${mbps.toFixed(1)} MB/s`,
    '',
    undefined,
    `median ${seconds.toFixed(2)} s (${spread(runs.map((r) => r.seconds))}); CPU ${cpu.toFixed(2)} s`,
  );
  const floorMbps = megabytes / median(floorRuns.map((r) => r.seconds));
  const toFloor = mbps / floorMbps;
  row(
    'check ÷ streaming floor (read 64 KiB pieces, decode, find line starts)',
    `${toFloor.toFixed(2)} (floor ${floorMbps.toFixed(0)} MB/s)`,
    '≥ 0.33',
    toFloor >= 1 / 3,
    `same file, same run, alternating; floor ${spread(floorRuns.map((r) => r.seconds))}`,
  );
  if (ldapRuns) {
    const ldapMbps = megabytes / median(ldapRuns.map((r) => r.seconds));
    const toLdap = mbps / ldapMbps;
    row(
      'check ÷ ldapmodify -n -c (OpenLDAP, C)',
      `${toLdap.toFixed(2)} (ldapmodify ${ldapMbps.toFixed(0)} MB/s)`,
      '≥ 0.5',
      toLdap >= 0.5,
      `same file, same run, alternating; ldapmodify ${spread(ldapRuns.map((r) => r.seconds))}`,
    );
  } else {
    row('check ÷ ldapmodify -n', 'skipped', '≥ 0.5', undefined, 'no ldapmodify: bash scripts/ds389.sh install');
  }
  row(
    'check records/s',
    `${Math.round(change.stats.records / seconds).toLocaleString('en-US')} records/s`,
    '',
    undefined,
    `${change.stats.records} records, ${change.stats.lines.toLocaleString('en-US')} lines`,
  );
  row('check peak RSS, 110 MB file', `${rss.toFixed(0)} MiB`, '≤ 150 MiB', rss <= 150, `median of ${runs.length} runs`);

  console.log(`\n== npm ldif@0.5.1 on the same data (load ${loadAverage()})`);
  const [onSame] = await repeat(1, [join(__dirname, 'peers', 'ldif-parse.cjs'), change.path], true);
  const same = JSON.parse(onSame.stdout || '{}') as { ok?: boolean; message?: string; line?: number };
  const sameText = same.ok ? 'parses it' : `rejects it at line ${same.line}: ${same.message}`;
  console.log(`  npm ldif on ${FILES.change.name}: ${sameText}`);
  const [peerRuns, ours] = await alternate(Math.min(RUNS, 3), [
    () => runNode(['--max-old-space-size=8192', join(__dirname, 'peers', 'ldif-parse.cjs'), plain.path], true),
    () => runNode([CLI, 'check', plain.path]),
  ]);
  const peer = JSON.parse(peerRuns[0].stdout || '{}') as { ok?: boolean; records?: number; message?: string };
  const peerSeconds = median(peerRuns.map((r) => r.seconds));
  const oursSeconds = median(ours.map((r) => r.seconds));
  const peerMbps = plain.stats.bytes / MB / peerSeconds;
  const oursMbps = plain.stats.bytes / MB / oursSeconds;
  results.ldif = { onSame: same, plain, peerRuns, ours };
  if (!peer.ok) {
    row('npm ldif, same data without errors', `fails: ${peer.message}`, '', undefined, 'no ratio');
    return;
  }
  row(
    'check ÷ npm ldif parse (no validation), same data without errors',
    `${(oursMbps / peerMbps).toFixed(1)} (check ${oursMbps.toFixed(1)} MB/s, npm ldif ${peerMbps.toFixed(1)} MB/s)`,
    '',
    undefined,
    `npm ldif ${(median(peerRuns.map((r) => r.maxRssKiB)) / 1024).toFixed(0)} MiB, ${peer.records} records; on the file with errors it ${sameText}`,
  );
}

async function hugeFile(huge: Generated): Promise<void> {
  console.log(`\n== check on ${(huge.stats.bytes / MB).toFixed(0)} MB (load ${loadAverage()})`);
  const runs = await repeat(1, [CLI, 'check', huge.path]);
  const rss = Math.max(...runs.map((r) => r.maxRssKiB)) / 1024;
  results.huge = { file: huge, runs };
  row(
    'check peak RSS, 1 GiB file',
    `${rss.toFixed(0)} MiB`,
    '≤ 150 MiB',
    rss <= 150,
    `${(huge.stats.bytes / MB / runs[0].seconds).toFixed(1)} MB/s, ${runs[0].seconds.toFixed(1)} s, ${huge.stats.records.toLocaleString('en-US')} records`,
  );
}

/** Milliseconds from spawning `node -e 0` to its exit, in `env`: the part of a cold start that is node's own. */
function nodeStart(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolvePromise(performance.now() - started));
  });
}

async function timed<T>(action: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await action();
  return [performance.now() - started, value];
}

async function languageServer(editor: Generated, schema: BenchSchema | undefined): Promise<void> {
  const text = readFileSync(editor.path, 'utf8');
  const lines = text.split('\n');
  const uri = 'file:///bench/editor-100k-lines.ldif';
  console.log(
    `\n== language server over LSP: ${lines.length - 1} lines, ${(text.length / MB).toFixed(1)} MB (load ${loadAverage()})`,
  );

  // Cold start: a fresh server process, started as the extension's client starts it, then
  // initialize, open the document, first diagnostics. Each run starts it twice with a new code cache
  // folder: the first start writes the cache (as the extension's first start ever does), the
  // second starts from it (as every later one does).
  const small = lines.slice(0, lines.indexOf('', 200) + 1).join('\n');
  const documents = [
    { name: '100k lines', text, goal: 300, first: [] as number[], cached: [] as number[] },
    { name: '200 lines', text: small, goal: 150, first: [] as number[], cached: [] as number[] },
  ];
  const nodeAlone: number[] = [];
  const nodeWithCertificates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const document of documents) {
      const folder = join(DIR, `code-cache-${process.pid}`);
      rmSync(folder, { recursive: true, force: true });
      for (const into of [document.first, document.cached]) {
        const [ms, client] = await timed(async () => {
          const started = await LspClient.start({}, undefined, folder);
          await started.open(uri, document.text);
          return started;
        });
        into.push(ms);
        await client.stop();
      }
      rmSync(folder, { recursive: true, force: true });
    }
    nodeAlone.push(await nodeStart(serverEnvironment(process.env)));
    nodeWithCertificates.push(await nodeStart(process.env));
  }
  const peer = `node alone starts in ${median(nodeAlone).toFixed(0)} ms here (server's environment)`;
  const certificates = process.env.NODE_EXTRA_CA_CERTS
    ? `, ${median(nodeWithCertificates).toFixed(0)} ms with NODE_EXTRA_CA_CERTS as set for this run, which the client leaves out`
    : '';
  for (const { name, goal, first, cached } of documents) {
    row(
      `LSP cold start → first diagnostics, ${name}`,
      `${median(cached).toFixed(0)} ms`,
      `≤ ${goal} ms`,
      median(cached) <= goal,
      `spawn, initialize, didOpen, publishDiagnostics, from the code cache the first start wrote (${spread(cached, 0)}); ${peer}${certificates}`,
    );
    row(
      `LSP first start ever (no code cache yet), ${name}`,
      `${median(first).toFixed(0)} ms`,
      `≤ ${goal} ms`,
      median(first) <= goal,
      spread(first, 0),
    );
  }
  results.lspColdStart = {
    ...Object.fromEntries(documents.map(({ name, first, cached }) => [name, { first, cached }])),
    nodeAlone,
    nodeWithCertificates,
  };

  const client = await LspClient.start();
  try {
    await client.open(uri, text);
    await measureEditing(client, uri, lines);
    if (!schema) return;
    // The same document and keystrokes once the 389-DS schema is loaded (issue 16): the rows say how they compare.
    const handed = await handSchema(client, uri, schema);
    row(
      'LSP schema handed over → 100k-line document re-checked',
      `${handed.ms.toFixed(0)} ms`,
      '',
      undefined,
      `${schema.editorSchema.label}; the server parsed it in ${handed.parseMs} ms (first parse in this server process)`,
    );
    results.lspSchemaHandover = handed;
    await measureEditing(client, uri, lines, ', server schema loaded');
  } finally {
    await client.stop();
  }
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
const at = (line: number, character: number) => ({ line, character });
const span = (start: { line: number; character: number }, end = start): Range => ({ start, end });

/** Latencies of one kind of edit, from sending the change to its diagnostics. */
interface EditFigures {
  readonly name: string;
  readonly where: string;
  readonly ms: number[];
}

/** One kind of edit: its steps (an edit, then the edit that takes it back), timed `times` times each. */
interface Turns {
  readonly times: number;
  readonly steps: readonly (() => Promise<number>)[];
  /** The latencies of each step. */
  readonly ms: number[][];
}

/** Rounds over which every kind of edit is timed. */
const EDIT_ROUNDS = 10;

/**
 * Times every kind of edit a few times per round, over `EDIT_ROUNDS` rounds, after five untimed
 * turns of each: a slow minute of the shared machine then weighs on every kind alike, instead of
 * on the kind timed in it, and the ratios to a character hold. Each kind's timed turns in a round
 * follow one untimed turn, so that what the kind before left (garbage, a cold cache) is not
 * counted against it.
 */
async function timeInRounds(kinds: readonly Turns[]): Promise<void> {
  const turn = async ({ steps }: Turns) => {
    for (const step of steps) await step();
  };
  for (const kind of kinds) for (let i = 0; i < 5; i++) await turn(kind);
  for (let round = 0; round < EDIT_ROUNDS; round++)
    for (const kind of kinds) {
      await turn(kind);
      for (let i = 0; i < kind.times / EDIT_ROUNDS; i++)
        for (const [index, step] of kind.steps.entries()) kind.ms[index].push(await step());
    }
}

/**
 * Every kind of keystroke, hover and completion while typing, on the open document `lines`; each
 * pair of edits takes its change back, so the document ends as it began. `suffix` names the run's
 * condition in the rows (e.g. with a server schema loaded).
 */
async function measureEditing(client: LspClient, uri: string, lines: readonly string[], suffix = ''): Promise<void> {
  const middle = lines.length >> 1;
  // The first matching line from `from` on.
  const find = (pattern: RegExp, from: number) => {
    for (let i = from; i < lines.length; i++) if (pattern.test(lines[i])) return i;
    throw new Error(`bench: no line matching ${pattern} after line ${from + 1}`);
  };
  const edit = async (range: Range, newText: string) => (await timed(() => client.edit(uri, range, newText)))[0];
  /** The steps of one kind of edit (an edit, then the edit that takes it back), timed `times` times each. */
  const turns = (times: number, steps: readonly (() => Promise<number>)[]): Turns => ({
    times,
    steps,
    ms: steps.map(() => []),
  });

  // A character typed into the value of an ordinary record, then deleted, again and again.
  const charLine = find(/^description: /, middle);
  const charAt = at(charLine, 'description: '.length);
  const characters = turns(50, [
    () => edit(span(charAt), 'x'),
    () => edit(span(charAt, at(charLine, charAt.character + 1)), ''),
  ]);

  // Enter at the end of a line (which splits its record in two), then Backspace joining the lines again.
  const enterAndJoin = (line: number) => {
    const end = at(line, lines[line].length);
    return turns(40, [() => edit(span(end), '\n'), () => edit(span(end, at(line + 1, 0)), '')]);
  };
  const topLine = find(/^(cn|sn|mail|description): /, 5);
  const middleLine = find(/^(cn|sn|mail|description): /, middle);
  const enterRows = ({ ms: [enter, join] }: Turns, where: string): EditFigures[] => [
    { name: 'Enter', where, ms: enter },
    { name: 'Backspace joining two lines', where, ms: join },
  ];
  const enterAtTop = enterAndJoin(topLine);
  const enterInMiddle = enterAndJoin(middleLine);

  // 1,000 lines of whole records (the last one the empty line that ends a record) pasted at a
  // record boundary near the top, then undone. A cut inside a record would join its rest to the
  // record after the boundary, and the paste would be measured with that record's new findings.
  const boundary = lines.indexOf('', 10) + 1;
  let pasteFrom = lines.indexOf('', middle) + 1;
  while (pasteFrom > 0 && lines[pasteFrom + 999] !== '') pasteFrom = lines.indexOf('', pasteFrom) + 1;
  if (pasteFrom === 0) throw new Error('bench: no 1,000 lines of whole records after the middle of the document');
  const pasted = `${lines.slice(pasteFrom, pasteFrom + 1000).join('\n')}\n`;
  const undoPaste = () => edit(span(at(boundary, 0), at(boundary + 1000, 0)), '');
  // As many as the characters: a median of 20 moved by a tenth from run to run.
  const pastes = turns(50, [() => edit(span(at(boundary, 0)), pasted), undoPaste]);
  // The same lines with a new name in each dn, a new one at each paste: records from elsewhere,
  // which the server has not checked before (a paste of records it has is not checked again).
  let pasteCount = 0;
  const newPastes = turns(50, [
    () => edit(span(at(boundary, 0)), pasted.replace(/^dn: ([^=]*)=/gm, `dn: $1=pasted${++pasteCount}-`)),
    undoPaste,
  ]);

  // A character in a winsync record, whose change also re-runs the checks that compare winsync records.
  const pluginLine = find(
    /^(ipaWinSyncAcctDisable|winSyncMoveAction|ipaWinSyncUserFlatten|ipaWinSyncForceSync|nsds7NewWinUserSyncEnabled): /,
    middle,
  );
  const pluginAt = at(pluginLine, lines[pluginLine].length);
  const pluginCharacters = turns(20, [
    () => edit(span(pluginAt), 'x'),
    () => edit(span(pluginAt, at(pluginLine, pluginAt.character + 1)), ''),
  ]);

  await timeInRounds([characters, enterAtTop, enterInMiddle, pastes, newPastes, pluginCharacters]);
  const [typed, deleted] = characters.ms;
  const kinds: EditFigures[] = [
    { name: 'a character', where: `line ${charLine + 1}, typed and deleted`, ms: [...typed, ...deleted] },
    ...enterRows(enterAtTop, `near the top (line ${topLine + 1})`),
    ...enterRows(enterInMiddle, `in the middle (line ${middleLine + 1})`),
    { name: 'paste of 1,000 lines', where: `near the top (line ${boundary + 1})`, ms: pastes.ms[0] },
    { name: 'undo of that paste', where: `near the top (line ${boundary + 1})`, ms: pastes.ms[1] },
    {
      name: 'paste of 1,000 lines new to the document',
      where: `near the top (line ${boundary + 1})`,
      ms: newPastes.ms[0],
    },
    {
      name: 'a character in a winsync record',
      where: `line ${pluginLine + 1}`,
      ms: pluginCharacters.ms.flat(),
    },
  ];
  const characterMedian = median(kinds[0].ms);
  for (const kind of kinds) {
    const kindMedian = median(kind.ms);
    const p95 = percentile(kind.ms, 95);
    const ratio = kindMedian / characterMedian;
    row(
      `LSP edit → diagnostics: ${kind.name}, ${kind.where}${suffix}`,
      `${kindMedian.toFixed(1)} ms median, ${p95.toFixed(1)} ms p95, ${ratio.toFixed(2)}× a character`,
      '≤ 20 ms, ≤ 50 ms p95, ≤ 2×',
      kindMedian <= 20 && p95 <= 50 && ratio <= 2,
      spread(kind.ms, 1),
    );
  }

  // Hover over a winsync attribute name and completion of its value, each sent right after a
  // keystroke a few lines away (before that keystroke's diagnostics are in), as while typing.
  const name = lines[pluginLine].slice(0, lines[pluginLine].indexOf(':'));
  const hoverAt = at(pluginLine, 3);
  const completeAt = at(pluginLine, name.length + 2);
  const typingAt = at(charLine, charAt.character);
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < 220; i++) {
    const typing = client.edit(
      uri,
      i % 2 === 0 ? span(typingAt) : span(typingAt, at(charLine, typingAt.character + 1)),
      i % 2 === 0 ? 'x' : '',
    );
    // Each goes first every other time: the first one waits for the keystroke to be checked.
    let hover: Awaited<ReturnType<LspClient['hover']>> = null;
    let items: Awaited<ReturnType<LspClient['complete']>> = [];
    let hoverMs = 0;
    let completeMs = 0;
    const askHover = async () => ([hoverMs, hover] = await timed(() => client.hover(uri, hoverAt)));
    const askCompletion = async () => ([completeMs, items] = await timed(() => client.complete(uri, completeAt)));
    for (const ask of i % 4 < 2 ? [askHover, askCompletion] : [askCompletion, askHover]) await ask();
    await typing;
    if (!hover || items.length === 0) throw new Error(`bench: no hover or no completion at line ${pluginLine + 1}`);
    if (i >= 20) {
      hovers.push(hoverMs);
      completions.push(completeMs);
    }
  }
  for (const [what, ms] of [
    ['hover', hovers],
    ['completion', completions],
  ] as const) {
    row(
      `LSP ${what} while typing, p95${suffix}`,
      `${percentile(ms, 95).toFixed(2)} ms (median ${median(ms).toFixed(2)} ms)`,
      '≤ 5 ms',
      percentile(ms, 95) <= 5,
      `${what === 'hover' ? name : `value of ${name}`}, right after a keystroke (${spread(ms)})`,
    );
  }
  results[`lspEditing${suffix ? 'WithSchema' : ''}`] = {
    kinds: kinds.map(({ name: kind, where, ms }) => ({ kind, where, ms })),
    hovers,
    completions,
  };
}

async function corpusSweep(): Promise<void> {
  const corpus = resolve(process.env.WINSYNC_CORPUS ?? join(ROOT, '..', 'shared', 'corpus', 'real'));
  console.log(`\n== corpus sweep: ${corpus} (load ${loadAverage()})`);
  if (!existsSync(corpus)) {
    row('corpus sweep', 'skipped', '≤ 0.5 s', undefined, `no corpus at ${corpus} (set WINSYNC_CORPUS)`);
    return;
  }
  const runs = await repeat(RUNS, [CLI, 'check', corpus]);
  const seconds = median(runs.map((r) => r.seconds));
  results.corpus = { corpus, runs };
  row(
    'corpus sweep (check ../shared/corpus/real)',
    `${seconds.toFixed(2)} s`,
    '≤ 0.5 s',
    seconds <= 0.5,
    `whole CLI process, ${ldifCount(corpus)} files (${spread(runs.map((r) => r.seconds))}); CPU ${median(runs.map((r) => r.cpuSeconds)).toFixed(2)} s`,
  );
}

function ldifCount(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce(
    (count, entry) =>
      count +
      (entry.isDirectory() ? ldifCount(join(folder, entry.name)) : entry.name.toLowerCase().endsWith('.ldif') ? 1 : 0),
    0,
  );
}

// ---------------------------------------------------------------- apply against a live 389-DS

interface Directory {
  readonly url: string;
  readonly bindDn: string;
  readonly passwordFile: string;
  readonly suffix: string;
  /** Stops the server if this run started it. */
  stop(): void;
}

/** The 389-DS of scripts/ds389.sh (DS_NAME, DS_PORT, DS_TLS_PORT choose the instance): started when it is not running. */
function liveDirectory(): Directory {
  const ds = (command: string) => {
    const result = spawnSync('bash', [join(ROOT, 'scripts', 'ds389.sh'), command], {
      encoding: 'utf8',
      timeout: 15 * 60_000,
    });
    if (result.status !== 0) throw new Error(`scripts/ds389.sh ${command} failed: ${result.stderr.slice(-800)}`);
    return result.stdout;
  };
  const env = Object.fromEntries(
    ds('env')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const wasRunning = (() => {
    try {
      process.kill(Number(readFileSync(env.LDAP_TEST_PID_FILE, 'utf8').trim()), 0);
      return true;
    } catch {
      return false;
    }
  })();
  ds('all');
  return {
    url: env.LDAP_TEST_URL,
    bindDn: env.LDAP_TEST_BIND_DN,
    passwordFile: env.LDAP_TEST_PASSWORD_FILE,
    suffix: env.LDAP_TEST_SUFFIX,
    stop: () => {
      if (!wasRunning) ds('stop');
    },
  };
}

const APPLY_RECORDS = 2_000;
const BIG_APPLY_RECORDS = 200_000;

/** 1,000 user adds, then a modify of each: the same file for both programs. */
function applyFiles(base: string): { apply: string; cleanup: string } {
  const user = (i: number) => `uid=bench-${i},${base}`;
  const adds: string[] = [];
  const modifies: string[] = [];
  const deletes: string[] = [];
  for (let i = 0; i < APPLY_RECORDS / 2; i++) {
    adds.push(
      `dn: ${user(i)}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: bench-${i}\ncn: Bench User ${i}\nsn: User ${i}\nmail: bench-${i}@example.com\n`,
    );
    modifies.push(`dn: ${user(i)}\nchangetype: modify\nreplace: description\ndescription: changed ${i}\n-\n`);
    deletes.push(`dn: ${user(i)}\nchangetype: delete\n`);
  }
  const apply = join(DIR, 'apply-2k.ldif');
  const cleanup = join(DIR, 'apply-2k-cleanup.ldif');
  writeFileSync(apply, [...adds, ...modifies].join('\n'));
  writeFileSync(cleanup, deletes.join('\n'));
  return { apply, cleanup };
}

/** ~50 MB of adds whose first names a parent that does not exist: a run stops there and streams every other record out. */
function bigApplyFile(base: string): { path: string; bytes: number } {
  const path = join(DIR, 'apply-200k.ldif');
  const parts = [
    `dn: uid=bench-first,ou=missing,${base}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: bench-first\ncn: first\nsn: first\n`,
  ];
  for (let i = 1; i < BIG_APPLY_RECORDS; i++) {
    parts.push(
      `dn: uid=bench-big-${i},${base}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: bench-big-${i}\ncn: Bench User ${i}\nsn: User ${i}\ngivenName: Bench\nmail: bench-big-${i}@example.com\ndescription: one of many\n`,
    );
  }
  writeFileSync(path, parts.join('\n'));
  return { path, bytes: statSync(path).size };
}

async function applySection(): Promise<void> {
  console.log(`\n== apply against a live 389-DS (load ${loadAverage()})`);
  if (!existsSync('/usr/bin/ldapmodify')) {
    row('apply vs ldapmodify -c', 'skipped', '≥ 1.0×', undefined, 'no /usr/bin/ldapmodify (ldap-utils)');
    return;
  }
  const directory = liveDirectory();
  try {
    const base = `ou=winsync-bench,${directory.suffix}`;
    const connect = ['-x', '-H', directory.url, '-D', directory.bindDn, '-y', directory.passwordFile];
    const ldapmodify = (file: string, extra: string[] = []) =>
      runProcess('/usr/bin/ldapmodify', [...connect, ...extra, '-f', file], { okCodes: [0, 68, 32] });
    const ours = (file: string, extra: string[] = [], okCodes = [0, 1], passwordFile = directory.passwordFile) =>
      runNode(
        [
          CLI,
          'apply',
          '--url',
          directory.url,
          '--bind-dn',
          directory.bindDn,
          '--password-file',
          passwordFile,
          ...extra,
          file,
        ],
        false,
        okCodes,
      );
    const ou = join(DIR, 'apply-ou.ldif');
    writeFileSync(ou, `dn: ${base}\nchangetype: add\nobjectClass: organizationalUnit\nou: winsync-bench\n`);
    await ldapmodify(ou, ['-c']);
    const files = applyFiles(base);
    const clean = () => ldapmodify(files.cleanup, ['-c']);
    await clean();

    // Alternately, each on a clean subtree: the same file, the same server, the same load.
    const peerRuns: Run[] = [];
    const ourRuns: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const which of i % 2 === 0 ? ['peer', 'ours'] : ['ours', 'peer']) {
        const run = which === 'peer' ? await ldapmodify(files.apply, ['-c']) : await ours(files.apply, ['--continue']);
        if (run.code !== 0) throw new Error(`${which} did not apply every record: ${run.stderr.slice(0, 300)}`);
        (which === 'peer' ? peerRuns : ourRuns).push(run);
        await clean();
      }
    }
    const peerSeconds = median(peerRuns.map((r) => r.seconds));
    const ourSeconds = median(ourRuns.map((r) => r.seconds));
    // Each pair ran back to back, so its ratio is measured under the same server and machine load.
    const pairRatios = peerRuns.map((peer, i) => peer.seconds / ourRuns[i].seconds);
    const ratio = median(pairRatios);
    results.apply = { records: APPLY_RECORDS, peerRuns, ourRuns };
    row(
      'apply 2,000 records vs ldapmodify -c',
      `${ratio.toFixed(2)}× (${Math.round(APPLY_RECORDS / ourSeconds)} vs ${Math.round(APPLY_RECORDS / peerSeconds)} records/s)`,
      '≥ 1.0×',
      ratio >= 1,
      `median of ${pairRatios.length} back-to-back pairs (${spread(pairRatios)}); median times ${ourSeconds.toFixed(2)} s vs ${peerSeconds.toFixed(2)} s (ours ${spread(ourRuns.map((r) => r.seconds))}; ldapmodify ${spread(peerRuns.map((r) => r.seconds))}); 1,000 adds + 1,000 modifies, each program a process of its own`,
    );
    row(
      'apply peak RSS, 2,000 records',
      `${(median(ourRuns.map((r) => r.maxRssKiB)) / 1024).toFixed(0)} MiB`,
      '',
      undefined,
      `ldapmodify: ${(median(peerRuns.map((r) => r.maxRssKiB)) / 1024).toFixed(0)} MiB`,
    );

    // The same file against a responder that answers at once: what each client costs by itself.
    const instant = spawn(process.execPath, [join(__dirname, 'peers', 'ldap-instant.cjs')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const port = await new Promise<string>((resolvePort) =>
        instant.stdout.once('data', (chunk: Buffer) => resolvePort(chunk.toString().trim())),
      );
      const url = `ldap://127.0.0.1:${port}`;
      const instantPeer: Run[] = [];
      const instantOurs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        instantPeer.push(
          await runProcess('/usr/bin/ldapmodify', [
            '-c',
            '-x',
            '-H',
            url,
            '-D',
            directory.bindDn,
            '-y',
            directory.passwordFile,
            '-f',
            files.apply,
          ]),
        );
        instantOurs.push(
          await runNode(
            [
              CLI,
              'apply',
              '--continue',
              '--url',
              url,
              '--bind-dn',
              directory.bindDn,
              '--password-file',
              directory.passwordFile,
              files.apply,
            ],
            false,
            [0],
          ),
        );
      }
      results.applyInstant = { instantPeer, instantOurs };
      row(
        'client time alone, same file, server that answers at once',
        `${median(instantOurs.map((r) => r.seconds)).toFixed(2)} s vs ${median(instantPeer.map((r) => r.seconds)).toFixed(2)} s`,
        '',
        undefined,
        `winsync-ldif (node: start-up, validation, ldapts) vs ldapmodify (C); CPU ${median(instantOurs.map((r) => r.cpuSeconds)).toFixed(2)} s vs ${median(instantPeer.map((r) => r.cpuSeconds)).toFixed(2)} s`,
      );
    } finally {
      instant.kill();
    }

    const big = bigApplyFile(base);
    const reject = join(DIR, 'apply-200k.rej.ldif');
    const bigRun = await ours(big.path, ['--format', 'json', '--reject-file', reject]);
    rmSync(reject, { force: true });
    const bigRss = bigRun.maxRssKiB / 1024;
    row(
      'apply peak RSS, 200k-record file',
      `${bigRss.toFixed(0)} MiB`,
      '≤ 150 MiB',
      bigRss <= 150,
      `${(big.bytes / MB).toFixed(0)} MB: validated, then every record streamed (the first fails, the rest are not attempted) into JSON output and the reject file, ${bigRun.seconds.toFixed(1)} s`,
    );

    const wrong = join(DIR, 'wrong.pw');
    writeFileSync(wrong, 'not-the-password', { mode: 0o600 });
    // A refused bind exits 2.
    const wrongRuns: Run[] = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++) wrongRuns.push(await ours(big.path, [], [2], wrong));
    const peerWrong = await runProcess(
      '/usr/bin/ldapmodify',
      ['-x', '-H', directory.url, '-D', directory.bindDn, '-y', wrong, '-f', big.path],
      { okCodes: [49] },
    );
    const wrongSeconds = median(wrongRuns.map((r) => r.seconds));
    results.applyWrongPassword = { wrongRuns, peerWrong };
    row(
      'apply wrong password reported, 200k-record file',
      `${(wrongSeconds * 1000).toFixed(0)} ms`,
      '≤ 2 s',
      wrongSeconds <= 2,
      `from spawn to exit (${spread(wrongRuns.map((r) => r.seconds))}); ldapmodify: ${(peerWrong.seconds * 1000).toFixed(0)} ms`,
    );
    await clean();
  } finally {
    directory.stop();
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (args.includes('--clean')) {
    rmSync(DIR, { recursive: true, force: true });
    console.log(`removed ${DIR}`);
    return;
  }
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist', 'server.js')))
    throw new Error('dist/ is missing: run node scripts/build.mjs first');
  const cpus = os.cpus();
  console.log('winsync-ldif benchmark');
  console.log(
    `  machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`,
  );
  console.log(
    `  node ${process.version}; load average ${loadAverage()} (1, 5, 15 min); ${RUNS} runs per figure, medians`,
  );
  console.log(
    `  peak RSS from ${haveTime ? '/usr/bin/time' : 'process.resourceUsage() in the child'}; files in ${DIR}`,
  );
  const loadBefore = os.loadavg();
  if (loadBefore[0] > cpus.length / 2) {
    console.log(
      `  note: the machine is busy (load ${loadBefore[0].toFixed(1)} on ${cpus.length} cores): wall-clock figures will be slower than on an idle machine; CPU times are shown beside them`,
    );
  }
  const started = performance.now();

  if (wanted('cli')) await cliThroughput(ensureFile(FILES.change), ensureFile(FILES.plain));
  if (wanted('1g')) {
    if (WITH_1G) await hugeFile(ensureFile(FILES.huge));
    else row('check peak RSS, 1 GiB file', 'skipped', '≤ 150 MiB', undefined, '--skip-1g or --quick');
  }
  // The server schema (issue 16) comes from the test 389-DS, started for the bench when it is not running.
  let schema: BenchSchema | undefined;
  if (wanted('schema') || wanted('lsp')) {
    schema = await benchSchema(DIR).catch((error: unknown) => {
      row(
        'server schema figures',
        'skipped',
        '',
        undefined,
        `no 389-DS to read a schema from: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
      return undefined;
    });
  }
  try {
    if (wanted('schema') && schema) {
      await schemaFigures(schema, ensureFile(FILES.change).path, {
        runs: RUNS,
        row,
        median,
        percentile,
        spread,
        runNode,
        results,
      });
    }
    if (wanted('lsp')) await languageServer(ensureFile(FILES.editor), schema);
  } finally {
    await schema?.stop();
  }
  if (wanted('corpus')) await corpusSweep();
  if (wanted('apply')) await applySection();

  const loadAfter = os.loadavg();
  console.log(
    `\nResults (node ${process.version}, ${cpus[0]?.model}, ${cpus.length} cores; load ${loadBefore.map((v) => v.toFixed(2)).join(' ')} before, ${loadAfter.map((v) => v.toFixed(2)).join(' ')} after; ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  printTable();
  results.machine = {
    cpu: cpus[0]?.model,
    cores: cpus.length,
    node: process.version,
    loadBefore,
    loadAfter,
    runs: RUNS,
  };
  results.rows = rows;
  writeFileSync(join(DIR, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`\nraw numbers: ${join(DIR, 'results.json')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
