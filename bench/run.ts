/**
 * `npm run bench`: throughput and memory of `winsync-ldif check`, the npm `ldif` package on the
 * same data, the language server driven over LSP, and a sweep of the real-world corpus. Prints
 * the machine, every figure with its goal, and writes the raw numbers to <tmp>/winsync-ldif-bench/results.json.
 *
 * Every timed program runs as its own child process (peak RSS from /usr/bin/time, else from
 * process.resourceUsage() in the child), several times; figures are medians.
 *
 * Options: --runs N (default 5), --skip-1g, --quick (3 runs, no 1 GB file), --only cli,1g,lsp,corpus,schema
 * (some sections), --clean (delete the generated files and exit).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { LspClient } from '../test/lsp/client';
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
}

const haveTime = existsSync(TIME);

/** Runs `node <args>` once; wall time from spawn to exit, peak RSS from /usr/bin/time or the child itself. */
function runNode(nodeArgs: readonly string[], captureStdout = false): Promise<Run> {
  const rssFile = join(DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const [command, argv, env] = haveTime
    ? [TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...nodeArgs], process.env]
    : [
        process.execPath,
        ['--require', join(__dirname, 'peers', 'maxrss.cjs'), ...nodeArgs],
        { ...process.env, BENCH_RSS_FILE: rssFile },
      ];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, {
      cwd: ROOT,
      env,
      stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      // "<peak RSS KiB> <user s> <system s>" (/usr/bin/time may put a note about the exit status before it).
      const fields = existsSync(rssFile)
        ? (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number)
        : [];
      const [rss = NaN, user = NaN, system = NaN] = fields;
      rmSync(rssFile, { force: true });
      if (code !== 0 && code !== 1 && code !== 3)
        reject(new Error(`node ${nodeArgs.join(' ')} exited with ${code}: ${stderr.slice(0, 500)}`));
      else resolvePromise({ seconds, maxRssKiB: rss, cpuSeconds: user + system, code, stdout });
    });
  });
}

async function repeat(times: number, nodeArgs: readonly string[], captureStdout = false): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) runs.push(await runNode(nodeArgs, captureStdout));
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

async function cliThroughput(change: Generated, plain: Generated): Promise<void> {
  console.log(
    `\n== check: parse + validate, ${(change.stats.bytes / MB).toFixed(0)} MB, ${change.stats.records} records (load ${loadAverage()})`,
  );
  const runs = await repeat(RUNS, [CLI, 'check', change.path]);
  const seconds = median(runs.map((r) => r.seconds));
  const mbps = change.stats.bytes / MB / seconds;
  const rss = median(runs.map((r) => r.maxRssKiB)) / 1024;
  results.check = { file: change, runs };
  const cpu = median(runs.map((r) => r.cpuSeconds));
  row(
    'check throughput, 110 MB change file',
    `${mbps.toFixed(1)} MB/s`,
    '≥ 100 MB/s',
    mbps >= 100,
    `median ${seconds.toFixed(2)} s (${spread(runs.map((r) => r.seconds))}); CPU ${cpu.toFixed(2)} s = ${(change.stats.bytes / MB / cpu).toFixed(1)} MB per CPU-second`,
  );
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
  const peerRuns = await repeat(
    Math.min(RUNS, 3),
    ['--max-old-space-size=8192', join(__dirname, 'peers', 'ldif-parse.cjs'), plain.path],
    true,
  );
  const peer = JSON.parse(peerRuns[0].stdout || '{}') as { ok?: boolean; records?: number; message?: string };
  const ours = await repeat(RUNS, [CLI, 'check', plain.path]);
  const splitRuns = await repeat(Math.min(RUNS, 3), [join(__dirname, 'peers', 'read-split.cjs'), plain.path], true);
  const peerSeconds = median(peerRuns.map((r) => r.seconds));
  const oursSeconds = median(ours.map((r) => r.seconds));
  const splitSeconds = median(splitRuns.map((r) => r.seconds));
  const peerMbps = plain.stats.bytes / MB / peerSeconds;
  const oursMbps = plain.stats.bytes / MB / oursSeconds;
  results.ldif = { onSame: same, plain, peerRuns, ours, splitRuns };
  if (!peer.ok) {
    row('npm ldif, same data without errors', `fails: ${peer.message}`, '', undefined, 'no ratio');
  } else {
    row(
      'npm ldif parse (no validation), same data without errors',
      `${peerMbps.toFixed(1)} MB/s, ${(median(peerRuns.map((r) => r.maxRssKiB)) / 1024).toFixed(0)} MiB`,
      '',
      undefined,
      `median ${peerSeconds.toFixed(2)} s, ${peer.records} records; on the file with errors it ${sameText}`,
    );
    row(
      'check on that file, and ratio to npm ldif',
      `${oursMbps.toFixed(1)} MB/s = ${(oursMbps / peerMbps).toFixed(1)}× npm ldif`,
      '',
      undefined,
      `median ${oursSeconds.toFixed(2)} s`,
    );
  }
  row(
    'floor: node read + split lines, same file',
    `${(plain.stats.bytes / MB / splitSeconds).toFixed(1)} MB/s`,
    '',
    undefined,
    `median ${splitSeconds.toFixed(2)} s`,
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

  // Cold start: a fresh server process, initialize, open the document, first diagnostics.
  const small = lines.slice(0, lines.indexOf('', 200) + 1).join('\n');
  const cold: number[] = [];
  const coldSmall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [document, into] of [
      [text, cold],
      [small, coldSmall],
    ] as const) {
      const [ms, client] = await timed(async () => {
        const started = await LspClient.start();
        await started.open(uri, document);
        return started;
      });
      into.push(ms);
      await client.stop();
    }
  }
  row(
    'LSP cold start → first diagnostics, 100k lines',
    `${median(cold).toFixed(0)} ms`,
    '≤ 300 ms',
    median(cold) <= 300,
    `spawn, initialize, didOpen, publishDiagnostics (${spread(cold, 0)})`,
  );
  row(
    'LSP cold start → first diagnostics, 200 lines',
    `${median(coldSmall).toFixed(0)} ms`,
    '≤ 300 ms',
    median(coldSmall) <= 300,
    spread(coldSmall, 0),
  );
  results.lspColdStart = { cold, coldSmall };

  const client = await LspClient.start();
  try {
    const baseline = await measureEditing(client, uri, text, lines);
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
    await measureEditing(client, uri, text, lines, baseline);
  } finally {
    await client.stop();
  }
}

/** The medians measureEditing finds, for comparing a run with the schema loaded to one without. */
interface EditingFigures {
  readonly edit: number;
  readonly editP95: number;
  readonly plugin: number;
  readonly hover: number;
  readonly completion: number;
}

/** Edits, hover and completion on an open document; with `baseline`, the rows are for the schema-loaded run and give the ratio to it. */
async function measureEditing(
  client: LspClient,
  uri: string,
  text: string,
  lines: readonly string[],
  baseline?: EditingFigures,
): Promise<EditingFigures> {
  if (!baseline) await client.open(uri, text);
  const suffix = baseline ? ', server schema loaded' : '';
  const versus = (value: number, key: keyof EditingFigures) =>
    baseline ? `; without the schema ${baseline[key].toFixed(2)} ms (${(value / baseline[key]).toFixed(2)}×)` : '';
  const middle = lines.length >> 1;
  // The first matching line from the middle on, else the last one before it.
  const find = (pattern: RegExp) => {
    for (let i = middle; i < lines.length; i++) if (pattern.test(lines[i])) return i;
    for (let i = middle - 1; i >= 0; i--) if (pattern.test(lines[i])) return i;
    throw new Error(`bench: no line matching ${pattern}`);
  };

  // A one-character edit in an ordinary record, typed and then undone, again and again.
  const editLine = find(/^description: /);
  const at = { line: editLine, character: 'description: '.length };
  const edit = async (insert: boolean) =>
    (
      await timed(() =>
        insert
          ? client.edit(uri, { start: at, end: at }, 'x')
          : client.edit(uri, { start: at, end: { line: at.line, character: at.character + 1 } }, ''),
      )
    )[0];
  for (let i = 0; i < 10; i++) await edit(i % 2 === 0);
  const edits: number[] = [];
  for (let i = 0; i < 100; i++) edits.push(await edit(i % 2 === 0));
  const editMedian = median(edits);
  const editP95 = percentile(edits, 95);
  row(
    `LSP one-character edit → diagnostics, median${suffix}`,
    `${editMedian.toFixed(1)} ms`,
    '≤ 20 ms',
    editMedian <= 20,
    `line ${editLine + 1} of an ordinary record (${spread(edits, 1)})${versus(editMedian, 'edit')}`,
  );
  row(
    `LSP one-character edit → diagnostics, p95${suffix}`,
    `${editP95.toFixed(1)} ms`,
    '≤ 50 ms',
    editP95 <= 50,
    `same edits${versus(editP95, 'editP95')}`,
  );

  // The same in a winsync record, whose change also re-runs the checks that compare winsync records:
  // a line of an attribute with a fixed set of values, so that completion has something to offer.
  const pluginLine = find(
    /^(ipaWinSyncAcctDisable|winSyncMoveAction|ipaWinSyncUserFlatten|ipaWinSyncForceSync|nsds7NewWinUserSyncEnabled): /,
  );
  const pluginAt = { line: pluginLine, character: lines[pluginLine].length };
  const pluginEdits: number[] = [];
  for (let i = 0; i < 40; i++) {
    const [ms] = await timed(() =>
      i % 2 === 0
        ? client.edit(uri, { start: pluginAt, end: pluginAt }, 'x')
        : client.edit(uri, { start: pluginAt, end: { line: pluginAt.line, character: pluginAt.character + 1 } }, ''),
    );
    if (i >= 10) pluginEdits.push(ms);
  }
  row(
    `LSP one-character edit in a winsync record, median${suffix}`,
    `${median(pluginEdits).toFixed(1)} ms`,
    '≤ 20 ms',
    median(pluginEdits) <= 20,
    `line ${pluginLine + 1}, p95 ${percentile(pluginEdits, 95).toFixed(1)} ms${versus(median(pluginEdits), 'plugin')}`,
  );

  // Hover over a winsync attribute name; completion of its value.
  const name = lines[pluginLine].slice(0, lines[pluginLine].indexOf(':'));
  const hoverAt = { line: pluginLine, character: 3 };
  const completeAt = { line: pluginLine, character: name.length + 2 };
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < 220; i++) {
    const [hoverMs, hover] = await timed(() => client.hover(uri, hoverAt));
    const [completeMs, items] = await timed(() => client.complete(uri, completeAt));
    if (!hover || items.length === 0) throw new Error(`bench: no hover or no completion at line ${pluginLine + 1}`);
    if (i >= 20) {
      hovers.push(hoverMs);
      completions.push(completeMs);
    }
  }
  row(
    `LSP hover latency, median${suffix}`,
    `${median(hovers).toFixed(2)} ms`,
    '≤ 5 ms',
    median(hovers) <= 5,
    `${name} (p95 ${percentile(hovers, 95).toFixed(2)} ms)${versus(median(hovers), 'hover')}`,
  );
  row(
    `LSP completion latency, median${suffix}`,
    `${median(completions).toFixed(2)} ms`,
    '≤ 5 ms',
    median(completions) <= 5,
    `value of ${name} (p95 ${percentile(completions, 95).toFixed(2)} ms)${versus(median(completions), 'completion')}`,
  );
  results[baseline ? 'lspEditingWithSchema' : 'lspEditing'] = { edits, pluginEdits, hovers, completions };
  return {
    edit: editMedian,
    editP95,
    plugin: median(pluginEdits),
    hover: median(hovers),
    completion: median(completions),
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
