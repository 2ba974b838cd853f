/**
 * One apply or dry run from the editor, start to end: validation gate, confirmation, password
 * (secret storage first, then the masked prompt), connect, run, outcome. The engine functions
 * are the ones the CLI uses; the prompts come in as FlowUi, so this module has no vscode
 * import and every branch is unit-tested (test/client/flow.test.ts). Every line it logs is
 * redacted with the password and the record's secret values.
 */
import { connectionWarnings, openSession } from '@apply/connection';
import { dryRunPlan, formatDryRunRecord, formatDryRunSummary, type DryRunReport } from '@apply/dryRun';
import { ApplyError, formatExplanation, type Explanation } from '@apply/errors';
import { describeSource } from '@apply/operations';
import { formatBlocking, prepareApply, type ApplyInput, type PreparedApply } from '@apply/prepare';
import { formatResult, formatSummary, runPlan, secretValues, type ApplyReport, type RecordResult } from '@apply/run';
import { redact, type Secret } from '@apply/secret';
import type { LanguageService, ValidationSettings } from '@engine/service';
import { connectionSettings, describeProfile, type ConnectionProfile } from './profileSettings';
import { forEditor } from './wording';

export type FlowMode = 'apply' | 'dry-run';

export interface PasswordStore {
  get(profile: ConnectionProfile): Promise<Secret | undefined>;
  store(profile: ConnectionProfile, password: Secret): Promise<void>;
  forget(profile: ConnectionProfile): Promise<void>;
}

export interface FlowUi {
  /** The document has validation errors: true only when the user chose to apply anyway. */
  applyDespite(problems: readonly string[], label: string): Promise<boolean>;
  /** The profile asks for confirmation: true only when the user confirmed. */
  confirm(profile: ConnectionProfile, records: number, label: string): Promise<boolean>;
  /** The masked prompt; undefined when dismissed. */
  askPassword(profile: ConnectionProfile): Promise<Secret | undefined>;
  /** Something the user must see now (TLS verification off). */
  warn(message: string): void;
}

export interface FlowLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export interface FlowDeps {
  readonly service: Pick<LanguageService, 'parse' | 'validate' | 'catalog'>;
  readonly validation?: ValidationSettings;
  readonly passwords: PasswordStore;
  readonly ui: FlowUi;
  readonly log: FlowLog;
  /** The engine's openSession; tests pass a fake. */
  readonly open?: typeof openSession;
}

export interface FlowRequest {
  readonly mode: FlowMode;
  readonly input: ApplyInput;
  /** Indexes of the records to send; every record when undefined. */
  readonly records?: readonly number[];
  readonly profile: ConnectionProfile;
  readonly continueOnError?: boolean;
  readonly signal?: AbortSignal;
  /** Progress for people: what is happening, and the share of the records done so far (0..1). */
  readonly progress?: (message: string, done?: number) => void;
}

export type PasswordSource = 'storage' | 'prompt';

export type FlowOutcome =
  | {
      readonly kind: 'refused';
      readonly reason: 'no-records' | 'validation' | 'not-confirmed' | 'no-password';
      readonly message: string;
    }
  | { readonly kind: 'failed'; readonly explanation: Explanation; readonly message: string }
  | {
      readonly kind: 'applied';
      readonly report: ApplyReport;
      readonly passwordFrom: PasswordSource;
      readonly message: string;
    }
  | {
      readonly kind: 'dry-run';
      readonly report: DryRunReport;
      readonly passwordFrom: PasswordSource;
      readonly message: string;
    };

export async function runFlow(request: FlowRequest, deps: FlowDeps): Promise<FlowOutcome> {
  const { profile, mode, input } = request;
  const label = input.file ?? 'untitled';
  const secrets: (string | Secret)[] = [];
  const log = {
    info: (line: string) => deps.log.info(redact(line, secrets)),
    warn: (line: string) => deps.log.warn(redact(line, secrets)),
    error: (line: string) => deps.log.error(redact(line, secrets)),
  };
  const fail = (explanation: Explanation): FlowOutcome => {
    const worded = {
      ...explanation,
      cause: redact(forEditor(explanation.cause), secrets),
      fix: redact(forEditor(explanation.fix), secrets),
    };
    const message = formatExplanation(worded);
    log.error(message);
    return { kind: 'failed', explanation: worded, message };
  };

  try {
    const engine = {
      parse: (text: string) => deps.service.parse(text),
      validate: (document: ReturnType<LanguageService['parse']>) => deps.service.validate(document, deps.validation),
    };
    const prepared = await prepareApply([input], engine);
    const chosen = request.records ? new Set(request.records) : undefined;
    const steps = chosen
      ? prepared.steps.filter((step) => chosen.has((step.ok ? step.record.source : step.source).index))
      : prepared.steps;
    secrets.push(...steps.flatMap((step) => (step.ok ? secretValues(step.record.operation) : [])));
    const verb = mode === 'apply' ? 'Apply' : 'Dry run';
    log.info(`${verb}: ${label}, ${count(steps.length, 'record')}, to ${describeProfile(profile)}`);
    if (steps.length === 0) {
      const message = `${label} has no records${chosen ? ' in the selection' : ''}: nothing was sent. Fix: Start each record with a "dn:" line, and select at least one record.`;
      log.warn(message);
      return { kind: 'refused', reason: 'no-records', message };
    }

    // With a selection, only errors inside the chosen records block.
    const ranges = chosen
      ? (prepared.inputs[0]?.document.records ?? [])
          .filter((_, index) => chosen.has(index))
          .map((record) => record.range)
      : undefined;
    const blocks = (line: number) =>
      !ranges || ranges.some((range) => range.start.line <= line && range.end.line >= line);
    const blocking = prepared.blocking
      .filter((problem) => blocks(problem.diagnostic.range.start.line))
      .map((problem) => redact(forEditor(formatBlocking(problem)), secrets));
    if (blocking.length > 0) {
      for (const line of blocking) log.warn(line);
      const errors = count(blocking.length, 'validation error');
      if (mode === 'dry-run') {
        log.warn(`${errors} in ${label}: the dry run goes on (it writes nothing); applying will ask first.`);
      } else if (!(await deps.ui.applyDespite(blocking, label))) {
        const message = `${errors} in ${label}: nothing was sent. Fix them (see Problems), or choose "Apply anyway".`;
        log.warn(message);
        return { kind: 'refused', reason: 'validation', message };
      } else {
        log.warn(`Applying despite ${errors} ("Apply anyway").`);
      }
    }

    if (mode === 'apply' && profile.confirm && !(await deps.ui.confirm(profile, steps.length, label))) {
      const message = `Not confirmed: nothing was sent to ${describeProfile(profile)}.`;
      log.info(message);
      return { kind: 'refused', reason: 'not-confirmed', message };
    }

    const stored = await deps.passwords.get(profile);
    const password = stored ?? (await deps.ui.askPassword(profile));
    if (!password) {
      const message = `No password given for ${describeProfile(profile)}: nothing was sent. Fix: Run the command again and enter the password.`;
      log.warn(message);
      return { kind: 'refused', reason: 'no-password', message };
    }
    secrets.unshift(password);
    const passwordFrom: PasswordSource = stored ? 'storage' : 'prompt';

    const settings = connectionSettings(profile, password);
    // Shown before the password is sent: verification off, or a clear-text bind to another host.
    for (const warning of connectionWarnings(settings)) {
      const text = forEditor(warning);
      log.warn(text);
      deps.ui.warn(text);
    }
    request.progress?.(`Connecting to ${profile.url}…`);
    let session;
    try {
      session = await (deps.open ?? openSession)(settings, request.signal);
    } catch (error) {
      if (!(error instanceof ApplyError)) throw error;
      const { explanation } = error;
      if (explanation.kind === 'auth' && explanation.code === 49) {
        if (stored) await deps.passwords.forget(profile);
        const check = `Check "bindDn" of profile "${profile.name}" (389-DS root: cn=Directory Manager)`;
        return fail({
          ...explanation,
          fix: stored
            ? `${check} and the password: the stored password was refused and is now forgotten, so the next run asks for it again.`
            : `${check}, then run again and enter the right password.`,
        });
      }
      return fail(explanation);
    }
    // Kept only once the server accepted it: a mistyped password is asked for again, not stored.
    if (!stored) await deps.passwords.store(profile, password);

    try {
      return mode === 'apply'
        ? await apply(session, steps, prepared.diagnosticsFor, request, deps, log, secrets, passwordFrom)
        : await dryRun(session, steps, request, deps, log, secrets, passwordFrom);
    } finally {
      await session.close();
    }
  } catch (error) {
    if (error instanceof ApplyError) return fail(error.explanation);
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.error(text);
    return fail({
      kind: 'usage',
      cause: `Internal error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}.`,
      fix: 'Report it with the lines above from the "Winsync LDIF" output.',
    });
  }
}

type Session = Awaited<ReturnType<typeof openSession>>;
type Steps = Parameters<typeof runPlan>[1];

async function apply(
  session: Session,
  steps: Steps,
  diagnosticsFor: PreparedApply['diagnosticsFor'],
  request: FlowRequest,
  deps: FlowDeps,
  log: FlowLog,
  secrets: readonly (string | Secret)[],
  passwordFrom: PasswordSource,
): Promise<FlowOutcome> {
  let done = 0;
  const raw = await runPlan(session, steps, {
    continueOnError: request.continueOnError === true,
    signal: request.signal,
    catalog: deps.service.catalog,
    diagnosticsFor,
    secrets,
    onResult: (result) => {
      done++;
      const line = forEditor(formatResult(result));
      if (result.status === 'applied') log.info(line);
      else if (result.status === 'failed') log.error(line);
      else log.warn(line);
      request.progress?.(`${done}/${steps.length} ${result.dn ?? describeSource(result.source)}`, done / steps.length);
    },
  });
  const report: ApplyReport = { ...raw, results: raw.results.map((result) => editorWorded(result, secrets)) };
  const summary = forEditor(formatSummary(report));
  (report.counts.applied === report.results.length ? log.info : log.warn)(summary);
  return { kind: 'applied', report, passwordFrom, message: redact(summary, secrets) };
}

async function dryRun(
  session: Session,
  steps: Steps,
  request: FlowRequest,
  deps: FlowDeps,
  log: FlowLog,
  secrets: readonly (string | Secret)[],
  passwordFrom: PasswordSource,
): Promise<FlowOutcome> {
  const raw = await dryRunPlan(session, steps, { catalog: deps.service.catalog, secrets, signal: request.signal });
  const report: DryRunReport = {
    ...raw,
    records: raw.records.map((record) => ({
      ...record,
      findings: record.findings.map((finding) => ({
        ...finding,
        cause: redact(forEditor(finding.cause), secrets),
        fix: redact(forEditor(finding.fix), secrets),
      })),
    })),
  };
  for (const record of report.records) {
    const [head, ...details] = formatDryRunRecord(record);
    (record.verdict === 'would-apply' ? log.info : log.warn)(head);
    for (const line of details) log.info(line);
  }
  const cancelled =
    report.records.length < steps.length ? ` (cancelled after ${report.records.length} of ${steps.length})` : '';
  const summary = `${formatDryRunSummary(report)}${cancelled}`;
  (report.counts['would-apply'] === steps.length ? log.info : log.warn)(summary);
  return { kind: 'dry-run', report, passwordFrom, message: redact(summary, secrets) };
}

function editorWorded(result: RecordResult, secrets: readonly (string | Secret)[]): RecordResult {
  return {
    ...result,
    ...(result.cause !== undefined ? { cause: redact(forEditor(result.cause), secrets) } : {}),
    ...(result.fix !== undefined ? { fix: redact(forEditor(result.fix), secrets) } : {}),
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
