/**
 * `winsync-ldif apply`: validate, then apply LDIF files to a live server (or show what
 * would change with --dry-run). Exit codes: 0 every record applied (dry run: every record
 * would apply), 1 some record failed or was not applied, 2 usage or connection problem.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { loadCatalog } from '../engine/catalog';
import { getLanguageService } from '../engine/service';
import { connectionWarnings, openSession, type ConnectionSettings, type LdapSession } from '../apply/connection';
import { dryRunPlan, formatDryRunRecord, formatDryRunSummary } from '../apply/dryRun';
import { ApplyError } from '../apply/errors';
import { formatBlocking, prepareApply, type ApplyInput, type PreparedApply } from '../apply/prepare';
import { formatRejectFile } from '../apply/rejectFile';
import { formatResult, formatSummary, runPlan, secretValues, type ApplyReport } from '../apply/run';
import { redact, type Secret } from '../apply/secret';
import { choiceOption, countOption, parseArgs, stringOption, UsageError, type ParsedArgs } from './args';
import { CONNECTION_OPTIONS, obtainPassword } from './connectionOptions';
import type { CommandIO } from './io';

export const APPLY_USAGE = `usage: winsync-ldif apply --url URL --bind-dn DN [--password-file F | --password-env VAR]
         [--ca-file F] [--starttls] [--dry-run] [--continue] [--reject-file F] [--format text|json]
         [--force] [--connect-timeout S] [--timeout S] [--insecure-skip-tls-verify] <file>...
  The password is read from the file, the variable, or asked on the terminal; never from the command line.`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  'dry-run': { value: false },
  continue: { value: false },
  'reject-file': { value: true },
  format: { value: true },
  force: { value: false },
  help: { value: false },
} as const;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export interface ApplyCommandIO extends CommandIO {
  /** Cancels the run between records; without it, Ctrl-C (SIGINT) does. */
  readonly signal?: AbortSignal;
}

interface ApplyOptions {
  readonly files: readonly string[];
  readonly url: string;
  readonly bindDn: string;
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
}

export async function runApplyCommand(argv: readonly string[], io: ApplyCommandIO): Promise<number> {
  const fail = (message: string, code: number) => {
    io.stderr.write(`winsync-ldif apply: ${message}\n`);
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

  const interrupt = io.signal ? undefined : new AbortController();
  const signal = io.signal ?? interrupt?.signal;
  const onSigint = () => interrupt?.abort();
  if (interrupt) process.once('SIGINT', onSigint);
  let secrets: (string | Secret)[] = [];
  try {
    const prepared = await prepare(options, io);
    secrets = prepared.steps.flatMap((step) => (step.ok ? secretValues(step.record.operation) : []));
    if (prepared.blocking.length > 0) {
      for (const problem of prepared.blocking) io.stderr.write(`${redact(formatBlocking(problem), secrets)}\n`);
      const count = `${prepared.blocking.length} validation error${prepared.blocking.length === 1 ? '' : 's'}`;
      if (!options.force) {
        return fail(`${count}: nothing was sent. Fix them, or pass --force to apply anyway.`, 1);
      }
      io.stderr.write(`winsync-ldif apply: applying despite ${count} (--force).\n`);
    }
    const password = await obtainPassword(options.bindDn, options.passwordFile, options.passwordEnv, io);
    secrets = [password, ...secrets];
    const settings = settingsOf(options, password);
    for (const warning of connectionWarnings(settings)) io.stderr.write(`${warning}\n`);
    const session = await openSession(settings, signal);
    try {
      return options.dryRun
        ? await dryRun(session, prepared, options, io, secrets, signal)
        : await apply(session, prepared, options, io, secrets, signal);
    } finally {
      await session.close();
    }
  } catch (error) {
    if (error instanceof ApplyError) {
      const code = error.explanation.kind === 'cancelled' || error.explanation.kind === 'record' ? 1 : 2;
      return fail(error.message, code);
    }
    if (error instanceof UsageError) return fail(error.message, 2);
    return fail(`internal error: ${redact(error instanceof Error ? error.message : String(error), secrets)}`, 2);
  } finally {
    if (interrupt) process.off('SIGINT', onSigint);
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
  if (!url) throw new UsageError('--url is required, e.g. --url ldaps://ipa.example.com');
  if (!bindDn) throw new UsageError('--bind-dn is required, e.g. --bind-dn "cn=Directory Manager"');
  if (args.positional.length === 0) throw new UsageError('name at least one LDIF file to apply');
  if (args.positional.includes('-'))
    throw new UsageError('apply reads files, not standard input (it may be needed for the password prompt)');
  const passwordFile = stringOption(args, 'password-file');
  const passwordEnv = stringOption(args, 'password-env');
  if (passwordFile && passwordEnv) throw new UsageError('give either --password-file or --password-env, not both');
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
  };
}

async function prepare(options: ApplyOptions, io: CommandIO): Promise<PreparedApply> {
  const inputs: ApplyInput[] = [];
  for (const file of options.files) {
    const path = resolve(io.cwd, file);
    const text = await fs.readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(
        `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message}`,
      );
    });
    inputs.push({ file, path, text });
  }
  return prepareApply(inputs, getLanguageService());
}

function settingsOf(options: ApplyOptions, password: Secret): ConnectionSettings {
  return {
    url: options.url,
    bindDn: options.bindDn,
    password,
    startTls: options.startTls,
    verifyTls: options.verifyTls,
    ...(options.caFile ? { caFile: options.caFile } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.operationTimeoutMs ? { operationTimeoutMs: options.operationTimeoutMs } : {}),
  };
}

async function apply(
  session: LdapSession,
  prepared: PreparedApply,
  options: ApplyOptions,
  io: CommandIO,
  secrets: readonly (string | Secret)[],
  signal: AbortSignal | undefined,
): Promise<number> {
  const report = await runPlan(session, prepared.steps, {
    continueOnError: options.continueOnError,
    signal,
    catalog: loadCatalog(),
    diagnosticsFor: prepared.diagnosticsFor,
    secrets,
    onResult: (result) => {
      if (options.format === 'text') io.stdout.write(`${formatResult(result)}\n`);
    },
  });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ url: session.endpoint.url, dryRun: false, ...report }, null, 2)}\n`);
  } else {
    io.stderr.write(`${formatSummary(report)}\n`);
  }
  if (options.rejectFile) await writeRejectFile(options.rejectFile, report, prepared, io);
  return report.counts.applied === report.results.length ? 0 : 1;
}

async function dryRun(
  session: LdapSession,
  prepared: PreparedApply,
  options: ApplyOptions,
  io: CommandIO,
  secrets: readonly (string | Secret)[],
  signal: AbortSignal | undefined,
): Promise<number> {
  const report = await dryRunPlan(session, prepared.steps, { catalog: loadCatalog(), secrets, signal });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ url: session.endpoint.url, dryRun: true, ...report }, null, 2)}\n`);
  } else {
    for (const record of report.records) io.stdout.write(`${formatDryRunRecord(record).join('\n')}\n`);
    io.stderr.write(`${formatDryRunSummary(report)}\n`);
  }
  return report.counts['would-apply'] === prepared.steps.length ? 0 : 1;
}

async function writeRejectFile(
  path: string,
  report: ApplyReport,
  prepared: PreparedApply,
  io: CommandIO,
): Promise<void> {
  const sources = new Map(
    prepared.inputs.map((input) => [input.input.file, { lines: input.lines, document: input.document }]),
  );
  const date = new Date();
  const text =
    formatRejectFile(report.results, (file) => sources.get(file), { address: report.address, date }) ??
    `# winsync-ldif apply: all ${report.results.length} record(s) applied to ${report.address} on ${date.toISOString()}.\n`;
  const target = resolve(io.cwd, path);
  // 0600: failed records can hold personal data even with secrets withheld.
  await fs.writeFile(target, text, { mode: 0o600 });
  await fs.chmod(target, 0o600);
  if (report.counts.applied < report.results.length) io.stderr.write(`records not applied were written to ${path}\n`);
}
