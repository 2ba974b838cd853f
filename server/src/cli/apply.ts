/**
 * `winsync-ldif apply`: apply LDIF files to a live server (or show what would change with
 * --dry-run). The files are read in pieces, twice: the preflight validates them and inspects
 * their local files while the connection is opened and bound (a wrong password is known at
 * once, whatever the size), then the run reads, plans and sends record by record. Nothing is
 * sent when the preflight finds a problem, unless --force.
 * Exit codes: 0 every record applied (dry run: every record would apply or change nothing),
 * 1 some record failed or was not applied, 2 usage or connection problem.
 */
import { dirname, resolve } from 'node:path';
import { loadCatalog } from '../engine/catalog';
import { describeHazard } from '../apply/agreementHazards';
import {
  connectionWarnings,
  openSession,
  readRequestLimit,
  type ConnectionSettings,
  type LdapSession,
} from '../apply/connection';
import { dryRunRecords, formatDryRunRecord, formatDryRunSummary, type DryRunRecord } from '../apply/dryRun';
import { ApplyError, formatExplanation } from '../apply/errors';
import { DEFAULT_MAX_FILE_VALUE_BYTES } from '../apply/localFiles';
import { formatBlocking, preflight, type Preflight } from '../apply/preflight';
import { printable } from '../apply/printable';
import { RejectFile } from '../apply/rejectFile';
import { formatResult, formatSummary, runRecords, type ApplySummary, type RecordResult } from '../apply/run';
import { redact, Secret } from '../apply/secret';
import { sourceRecords, type ApplyInput, type SourceRecord } from '../apply/source';
import { choiceOption, countOption, parseArgs, sizeOption, stringOption, UsageError, type ParsedArgs } from './args';
import { BatchedOutput, write, type CommandIO } from './io';
import { CONNECTION_OPTIONS, obtainPassword } from './connectionOptions';
import { assertRegularFile, filePieces, unreadableReason } from './pieces';
import { renderRemedy } from './remedies';

export const APPLY_USAGE = `usage: winsync-ldif apply --url URL (--bind-dn DN [--password-file F | --password-env VAR] | --sasl-external)
         [--ca-file F] [--starttls] [--dry-run] [--continue] [--reject-file F] [--format text|json]
         [--force] [--connect-timeout S] [--timeout S] [--max-value-file-size SIZE]
         [--insecure-skip-tls-verify] <file>...
  The password is read from the file, the variable, or asked on the terminal; never from the command line.
  --sasl-external binds over ldapi:// as the local user (root maps to cn=Directory Manager), without a password.`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  'sasl-external': { value: false },
  'dry-run': { value: false },
  continue: { value: false },
  'reject-file': { value: true },
  format: { value: true },
  force: { value: false },
  'max-value-file-size': { value: true },
  help: { value: false },
} as const;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Signals that stop a run: Ctrl-C, a CI timeout, a dropped terminal or ssh session. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** At most this many blocking problems are printed; the count says how many there are. */
const SHOWN_PROBLEMS = 20;

/** Reading a record back after its answer was lost waits this long at most for each step. */
const READ_BACK_TIMEOUT_MS = 5_000;

export interface ApplyCommandIO extends CommandIO {
  /** Cancels the run; without it, SIGINT, SIGTERM and SIGHUP do. */
  readonly signal?: AbortSignal;
}

interface ApplyOptions {
  readonly files: readonly string[];
  readonly url: string;
  readonly bindDn: string | undefined;
  readonly saslExternal: boolean;
  readonly passwordFile: string | undefined;
  readonly passwordEnv: string | undefined;
  readonly caFile: string | undefined;
  readonly startTls: boolean;
  readonly dryRun: boolean;
  readonly continueOnError: boolean;
  readonly rejectFile: string | undefined;
  readonly format: Format;
  readonly force: boolean;
  readonly verifyTls: boolean;
  readonly connectTimeoutMs: number | undefined;
  readonly operationTimeoutMs: number | undefined;
  readonly maxFileValueBytes: number;
}

export async function runApplyCommand(argv: readonly string[], io: ApplyCommandIO): Promise<number> {
  const fail = (message: string, code: number) => {
    io.stderr.write(`winsync-ldif apply: ${message.split('\n').map(printable).join('\n')}\n`);
    return code;
  };
  let options: ApplyOptions;
  try {
    refusePasswordArguments(argv);
    const args = parseArgs(argv, OPTIONS);
    if (args.options.help) {
      io.stdout.write(`${APPLY_USAGE}\n`);
      return 0;
    }
    options = readOptions(args);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${APPLY_USAGE}`, 2);
    throw error;
  }

  // The first signal stops sending (the summary and the reject file are still written);
  // a second one also gives up reading back a record whose answer was lost.
  const interrupt = new AbortController();
  const hurry = new AbortController();
  const signal = io.signal ?? interrupt.signal;
  const onSignal = () => (interrupt.signal.aborted ? hurry.abort() : interrupt.abort());
  if (!io.signal) for (const name of STOP_SIGNALS) process.on(name, onSignal);
  let secrets: (string | Secret)[] = [];
  let reject: RejectFile | undefined;
  let session: LdapSession | undefined;
  try {
    const inputs = options.files.map((file) => fileInput(file, io.cwd));
    // Claimed before anything is sent: a path that cannot be written must not hide the result.
    if (options.rejectFile) reject = await RejectFile.open(resolve(io.cwd, options.rejectFile));
    const password = options.saslExternal ? undefined : await obtainPassword(options, io);
    if (password) secrets = [password];
    const settings = settingsOf(options, password);
    for (const warning of connectionWarnings(settings))
      io.stderr.write(`${printable(`${warning.text} ${renderRemedy(warning.remedy)}`)}\n`);

    // Validate while connecting and binding, so a refused bind is reported at once. A signal
    // stops either; a failed connection stops the validation.
    const checking = new AbortController();
    const catalog = loadCatalog();
    const checked = preflight(inputs, {
      catalog,
      maxFileValueBytes: options.maxFileValueBytes,
      signal: AbortSignal.any([signal, checking.signal]),
    });
    try {
      session = await openSession(settings, signal);
    } catch (error) {
      checking.abort();
      await checked.catch(() => undefined);
      throw error;
    }
    const found = await checked;
    if (found.hazards.length > 0) {
      for (const hazard of found.hazards) await write(io.stderr, `${printable(describeHazard(hazard))}\n`);
      await reject?.discard();
      reject = undefined;
      const one = found.hazards.length === 1;
      return fail(
        `${found.hazards.length} agreement${one ? '' : 's'} would be deleted after a host change, which crashes 389-DS: nothing was sent (--force does not override this).`,
        1,
      );
    }
    if (found.blockingCount > 0) {
      await printBlocking(found, io);
      const count = `${found.blockingCount} problem${found.blockingCount === 1 ? '' : 's'}`;
      if (!options.force) {
        await reject?.discard();
        reject = undefined;
        return fail(`${count}: nothing was sent. Fix them, or pass --force to apply anyway.`, 1);
      }
      io.stderr.write(`winsync-ldif apply: applying despite ${count} (--force).\n`);
    }
    const all = concat(
      inputs.map((input) =>
        sourceRecords(input, catalog, { documentDiagnostics: found.documentDiagnostics(input.file) }),
      ),
    );
    if (options.dryRun) return await dryRun(session, all, options, io, secrets, signal);
    const summary = await apply(session, all, options, io, settings, {
      secrets,
      signal,
      hurry: hurry.signal,
      reject,
      catalog,
    });
    if (reject) {
      const wrote = await reject.finish(summary, new Date());
      reject = undefined;
      if (wrote) io.stderr.write(`records not applied were written to ${printable(options.rejectFile ?? '')}\n`);
    }
    return summary.counts.applied === summary.total ? 0 : 1;
  } catch (error) {
    await reject?.discard();
    if (error instanceof ApplyError) {
      const code = error.explanation.kind === 'cancelled' || error.explanation.kind === 'record' ? 1 : 2;
      return fail(formatExplanation(error.explanation, renderRemedy), code);
    }
    if (error instanceof UsageError) return fail(error.message, 2);
    return fail(`internal error: ${redact(error instanceof Error ? error.message : String(error), secrets)}`, 2);
  } finally {
    await session?.close();
    if (!io.signal) for (const name of STOP_SIGNALS) process.off(name, onSignal);
  }
}

/** Catches the habits of ldapmodify (-w, --password) before they put a password in `ps`. */
export function refusePasswordArguments(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    if (/^(-w|-W|--password(=|$)|--bind-password|--pass(=|$)|-y)/.test(arg)) {
      throw new UsageError(
        `${arg.startsWith('--') ? arg.split('=')[0] : arg.slice(0, 2)}: passwords are not taken on the command line (other users can read it in ps); use --password-file F, --password-env VAR, or the prompt`,
      );
    }
  }
}

function readOptions(args: ParsedArgs): ApplyOptions {
  const url = stringOption(args, 'url');
  const bindDn = stringOption(args, 'bind-dn');
  const saslExternal = args.options['sasl-external'] === true;
  if (!url) throw new UsageError('--url is required, e.g. --url ldaps://ipa.example.com');
  if (saslExternal && bindDn)
    throw new UsageError('give either --bind-dn (a simple bind with a password) or --sasl-external, not both');
  if (!bindDn && !saslExternal)
    throw new UsageError(
      '--bind-dn is required, e.g. --bind-dn "cn=Directory Manager" (or --sasl-external over ldapi://)',
    );
  if (args.positional.length === 0) throw new UsageError('name at least one LDIF file to apply');
  if (args.positional.includes('-'))
    throw new UsageError('apply reads files, not standard input (it may be needed for the password prompt)');
  const passwordFile = stringOption(args, 'password-file');
  const passwordEnv = stringOption(args, 'password-env');
  if (passwordFile && passwordEnv) throw new UsageError('give either --password-file or --password-env, not both');
  if (saslExternal && (passwordFile || passwordEnv))
    throw new UsageError('--sasl-external takes no password: the server knows the local user from the socket');
  const dryRun = args.options['dry-run'] === true;
  const rejectFile = stringOption(args, 'reject-file');
  if (dryRun && rejectFile) throw new UsageError('--reject-file has no effect with --dry-run (nothing is applied)');
  const seconds = (name: string) => {
    const value = countOption(args, name);
    if (value === 0) throw new UsageError(`--${name} must be at least 1 second`);
    return value === undefined ? undefined : value * 1000;
  };
  return {
    files: args.positional,
    url,
    bindDn,
    saslExternal,
    passwordFile,
    passwordEnv,
    caFile: stringOption(args, 'ca-file'),
    startTls: args.options.starttls === true,
    dryRun,
    continueOnError: args.options.continue === true,
    rejectFile,
    format: choiceOption(args, 'format', FORMATS, 'text'),
    force: args.options.force === true,
    verifyTls: args.options['insecure-skip-tls-verify'] !== true,
    connectTimeoutMs: seconds('connect-timeout'),
    operationTimeoutMs: seconds('timeout'),
    maxFileValueBytes: sizeOption(args, 'max-value-file-size') ?? DEFAULT_MAX_FILE_VALUE_BYTES,
  };
}

/** An input file, checked to be a readable regular file now (a usage error otherwise), read in pieces later. */
function fileInput(file: string, cwd: string): ApplyInput {
  const path = resolve(cwd, file);
  try {
    assertRegularFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${unreadableReason(error as NodeJS.ErrnoException)}`);
  }
  return { file, baseDir: dirname(path), pieces: filePieces(path) };
}

async function* concat(parts: readonly AsyncIterable<SourceRecord>[]): AsyncGenerator<SourceRecord> {
  for (const part of parts) yield* part;
}

async function printBlocking(found: Preflight, io: CommandIO): Promise<void> {
  for (const problem of found.blocking.slice(0, SHOWN_PROBLEMS))
    await write(io.stderr, `${printable(formatBlocking(problem))}\n`);
  if (found.blockingCount > SHOWN_PROBLEMS)
    await write(io.stderr, `… and ${found.blockingCount - SHOWN_PROBLEMS} more (winsync-ldif check lists them all)\n`);
}

function settingsOf(options: ApplyOptions, password: Secret | undefined): ConnectionSettings {
  return {
    url: options.url,
    ...(options.bindDn ? { bindDn: options.bindDn } : {}),
    ...(password ? { password } : {}),
    saslExternal: options.saslExternal,
    startTls: options.startTls,
    verifyTls: options.verifyTls,
    ...(options.caFile ? { caFile: options.caFile } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.operationTimeoutMs ? { operationTimeoutMs: options.operationTimeoutMs } : {}),
  };
}

interface RunContext {
  readonly secrets: readonly (string | Secret)[];
  readonly signal: AbortSignal;
  /** A second interrupt: stop waiting for a read-back. */
  readonly hurry: AbortSignal;
  readonly reject: RejectFile | undefined;
  readonly catalog: ReturnType<typeof loadCatalog>;
}

async function apply(
  session: LdapSession,
  records: AsyncIterable<SourceRecord>,
  options: ApplyOptions,
  io: CommandIO,
  settings: ConnectionSettings,
  context: RunContext,
): Promise<ApplySummary> {
  const out = new BatchedOutput(io.stdout);
  const json =
    options.format === 'json' ? jsonArray(out, { url: session.endpoint.url, dryRun: false }, 'results') : undefined;
  const readBackTimeout = (ms: number | undefined) => Math.min(ms ?? READ_BACK_TIMEOUT_MS, READ_BACK_TIMEOUT_MS);
  const summary = await runRecords(session, records, {
    continueOnError: options.continueOnError,
    signal: context.signal,
    hurry: context.hurry,
    catalog: context.catalog,
    secrets: context.secrets,
    maxFileValueBytes: options.maxFileValueBytes,
    requestLimit: await readRequestLimit(session.client),
    reconnect: (budget) =>
      openSession(
        {
          ...settings,
          connectTimeoutMs: readBackTimeout(settings.connectTimeoutMs),
          operationTimeoutMs: readBackTimeout(settings.operationTimeoutMs),
        },
        budget,
      ),
    onResult: async (result: RecordResult, record: SourceRecord) => {
      if (json) await json.item({ ...result, ...(result.remedy ? { fix: renderRemedy(result.remedy) } : {}) });
      else await out.write(`${formatResult(result, renderRemedy)}\n`);
      await context.reject?.add(result, record, renderRemedy);
    },
  });
  if (json) await json.end(summary);
  await out.flush();
  if (!json) io.stderr.write(`${formatSummary(summary, renderRemedy)}\n`);
  return summary;
}

async function dryRun(
  session: LdapSession,
  records: AsyncIterable<SourceRecord>,
  options: ApplyOptions,
  io: CommandIO,
  secrets: readonly (string | Secret)[],
  signal: AbortSignal,
): Promise<number> {
  const out = new BatchedOutput(io.stdout);
  const json =
    options.format === 'json' ? jsonArray(out, { url: session.endpoint.url, dryRun: true }, 'records') : undefined;
  const summary = await dryRunRecords(session, records, {
    catalog: loadCatalog(),
    secrets,
    signal,
    continueOnError: options.continueOnError,
    maxFileValueBytes: options.maxFileValueBytes,
    onRecord: async (record: DryRunRecord) => {
      if (json) await json.item(record);
      else await out.write(`${formatDryRunRecord(record, renderRemedy).join('\n')}\n`);
    },
  });
  if (json) await json.end(summary);
  await out.flush();
  if (!json) io.stderr.write(`${formatDryRunSummary(summary)}${signal.aborted ? ' (cancelled)' : ''}\n`);
  return summary.counts['would-apply'] + summary.counts['no-change'] === summary.total && !signal.aborted ? 0 : 1;
}

/** One JSON object written as it grows: `head`, then an array of items, then the summary's fields. */
function jsonArray(out: BatchedOutput, head: Record<string, unknown>, key: string) {
  let count = 0;
  const started = out.write(`${JSON.stringify(head).slice(0, -1)},${JSON.stringify(key)}:[`);
  return {
    async item(value: unknown) {
      await started;
      await out.write(`${count++ === 0 ? '\n  ' : ',\n  '}${JSON.stringify(value)}`);
    },
    async end(summary: object) {
      await started;
      await out.write(`\n],${JSON.stringify(summary).slice(1)}\n`);
    },
  };
}
