// The property tests (test/fuzz) at full strength: enough runs per property for at least a
// million inputs in all (FUZZ_TOTAL changes that; FUZZ_RUNS sets the runs per property
// directly; FUZZ_SEED replays a failure). Prints how many inputs each property checked.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const target = Number(process.env.FUZZ_TOTAL ?? 1_000_000);
const files = readdirSync(join(root, 'test', 'fuzz'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => join('test', 'fuzz', name));
const properties = files.reduce(
  (count, file) => count + (readFileSync(join(root, file), 'utf8').match(/checkProperty\(/g) ?? []).length,
  0,
);
const runs = process.env.FUZZ_RUNS ?? String(Math.ceil(target / properties));

const scratch = mkdtempSync(join(tmpdir(), 'winsync-fuzz-'));
const report = join(scratch, 'runs.tsv');
console.log(`fuzz: ${properties} properties × ${runs} runs, 2 at a time`);
const started = Date.now();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=dot', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: report },
  },
);
const seconds = Math.round((Date.now() - started) / 1000);

const rows = existsSync(report)
  ? readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'))
  : [];
rmSync(scratch, { recursive: true, force: true });
for (const [name, count] of rows) console.log(`${count.padStart(9)}  ${name}`);
const total = rows.reduce((sum, [, count]) => sum + Number(count), 0);
console.log(`fuzz: ${total.toLocaleString('en')} inputs in ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
process.exit(result.status !== 0 ? (result.status ?? 1) : total < target && !process.env.FUZZ_RUNS ? 1 : 0);
