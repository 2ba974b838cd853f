/**
 * One apply or dry run from the editor, start to end: preflight (validation and local files),
 * confirmation, password (secret storage first, then the masked prompt), connect, run, outcome.
 * The engine functions are the ones the CLI uses; the prompts come in as FlowUi, so this module
 * has no vscode import and every branch is unit-tested (test/client/flow.test.ts). Every line
 * it logs is redacted with the password and the record's secret values, and rendered in the
 * editor's words (remedies.ts).
 */
import { describeHazard } from '@apply/agreementHazards';
import { connectionWarnings, openSession, parseLdapUrl, readRequestLimit } from '@apply/connection';
import {
  dryRunRecords,
  formatDryRunRecord,
  formatDryRunSummary,
  type DryRunRecord,
  type DryRunReport,
} from '@apply/dryRun';
import { ApplyError, advice, formatExplanation, type Explanation } from '@apply/errors';
import { DEFAULT_MAX_FILE_VALUE_BYTES, formatSize } from '@apply/localFiles';
import { describeSource } from '@apply/operations';
import { formatBlocking, preflight } from '@apply/preflight';
import { printable } from '@apply/printable';
import { formatResult, formatSummary, runRecords, type ApplyReport, type RecordResult } from '@apply/run';
import { recordSecrets, redact, type Secret } from '@apply/secret';
import { sourceRecords, textInput } from '@apply/source';
import type { Catalog } from '@engine/catalog';
import type { ValidationSettings } from '@engine/rules/validate';
import { connectionSettings, describeProfile, type ConnectionProfile } from './profileSettings';
import { renderRemedy } from './remedies';

export type FlowMode = 'apply' | 'dry-run';

export interface PasswordStore {
  get(profile: ConnectionProfile): Promise<Secret | undefined>;
  store(profile: ConnectionProfile, password: Secret): Promise<void>;
  forget(profile: ConnectionProfile): Promise<void>;
}

/** What an apply is about to do, for the question before it. */
export interface Confirmation {
  readonly profile: ConnectionProfile;
  /** The server as the connection will name it: `ipa.example.com:636`, or the LDAPI socket. */
  readonly address: string;
  readonly records: number;
  readonly label: string;
  /** `/etc/pki/ca.pem (1.2 KiB)` for each local file a `:<` value sends. */
  readonly localFiles: readonly string[];
  /** Why the question is asked. */
  readonly because: 'profile' | 'local-files';
}

export interface FlowUi {
  /** The document has validation errors (`shown` of `total`): true only when the user chose to apply anyway. */
  applyDespite(shown: readonly string[], total: number, label: string): Promise<boolean>;
  /** The profile asks for confirmation, or local files would be sent: true only when the user confirmed. */
  confirm(question: Confirmation): Promise<boolean>;
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
  readonly catalog: Catalog;
  readonly validation?: ValidationSettings;
  readonly passwords: PasswordStore;
  readonly ui: FlowUi;
  readonly log: FlowLog;
  /** The engine's openSession; tests pass a fake. */
  readonly open?: typeof openSession;
}

export interface FlowInput {
  /** The name messages use; undefined for an unsaved buffer. */
  readonly file: string | undefined;
  /** Absolute path of the document, for relative `file:` URLs; undefined for an unsaved buffer. */
  readonly path: string | undefined;
  readonly text: string;
}

export interface FlowRequest {
  readonly mode: FlowMode;
  readonly input: FlowInput;
  /** Indexes of the records to send; every record when undefined. */
  readonly records?: readonly number[];
  readonly profile: ConnectionProfile;
  readonly continueOnError?: boolean;
  /** The cap on a `:< file://` value (winsyncLdif.maxValueFileSizeMiB). */
  readonly maxFileValueBytes?: number;
  readonly signal?: AbortSignal;
  /** Progress for people: what is happening, and the share of the records done so far (0..1). */
  readonly progress?: (message: string, done?: number) => void;
}

export type PasswordSource = 'storage' | 'prompt' | 'none';

export type FlowOutcome =
  | {
      readonly kind: 'refused';
      readonly reason: 'no-records' | 'agreement-hazard' | 'validation' | 'not-confirmed' | 'no-password';
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

/** Validation errors shown in the question; the rest are counted (and in Problems). */
const SHOWN_PROBLEMS = 5;

export async function runFlow(request: FlowRequest, deps: FlowDeps): Promise<FlowOutcome> {
  const { profile, mode } = request;
  const label = request.input.file ?? 'untitled';
  const secrets: (string | Secret)[] = [];
  const clean = (line: string) => printable(redact(line, secrets));
  const log: FlowLog = {
    info: (line) => deps.log.info(clean(line)),
    warn: (line) => deps.log.warn(clean(line)),
    error: (line) => deps.log.error(clean(line)),
  };
  const fail = (explanation: Explanation): FlowOutcome => {
    const message = clean(formatExplanation(explanation, renderRemedy));
    log.error(message);
    return { kind: 'failed', explanation: { ...explanation, cause: clean(explanation.cause) }, message };
  };

  try {
    const catalog = deps.catalog;
    const baseDir = request.input.path ? request.input.path.replace(/\/[^/]*$/, '') || '/' : undefined;
    const input = textInput(request.input.file, baseDir, request.input.text);
    const only = request.records ? new Set(request.records) : undefined;
    const maxFileValueBytes = request.maxFileValueBytes ?? DEFAULT_MAX_FILE_VALUE_BYTES;
    const checked = await preflight([input], {
      catalog,
      settings: deps.validation,
      maxFileValueBytes,
      ...(only ? { only } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const verb = mode === 'apply' ? 'Apply' : 'Dry run';
    log.info(
      `${verb}: ${label}, ${count(checked.records, 'record')}, to ${describeProfile(profile)}${profile.origin ? ` from ${profile.origin}` : ''}`,
    );
    if (checked.records === 0) {
      const message = `${label} has no records${only ? ' in the selection' : ''}: nothing was sent. Fix: Start each record with a "dn:" line, and select at least one record.`;
      log.warn(message);
      return { kind: 'refused', reason: 'no-records', message };
    }

    for (const hazard of checked.hazards) log.error(describeHazard(hazard));
    if (checked.hazards.length > 0) {
      const one = checked.hazards.length === 1;
      const what = `${label} deletes ${one ? 'an agreement' : `${checked.hazards.length} agreements`} after changing ${one ? 'its' : 'their'} host, which crashes 389-DS`;
      if (mode === 'apply') {
        const message = `${what}: nothing was sent. Fix: Apply the host change and the delete in separate runs with a server restart in between (see the Winsync LDIF output).`;
        return { kind: 'refused', reason: 'agreement-hazard', message };
      }
      log.warn(`${what}: the dry run goes on (it writes nothing); applying is refused.`);
    }

    if (checked.blockingCount > 0) {
      const shown = checked.blocking.slice(0, SHOWN_PROBLEMS).map((problem) => clean(formatBlocking(problem)));
      for (const problem of checked.blocking) log.warn(formatBlocking(problem));
      const errors = count(checked.blockingCount, 'validation error');
      if (mode === 'dry-run') {
        log.warn(`${errors} in ${label}: the dry run goes on (it writes nothing); applying will ask first.`);
      } else if (!(await deps.ui.applyDespite(shown, checked.blockingCount, label))) {
        const message = `${errors} in ${label}: nothing was sent. Fix them (see Problems), or choose "Apply anyway".`;
        log.warn(message);
        return { kind: 'refused', reason: 'validation', message };
      } else {
        log.warn(`Applying despite ${errors} ("Apply anyway").`);
      }
    }

    const address = endpointAddress(profile);
    const localFiles = checked.localFiles.map((use) =>
      use.check.ok
        ? `${use.check.path} (${formatSize(use.check.size)})`
        : `${use.check.path ?? use.url} (cannot be read)`,
    );
    if (localFiles.length > 0) log.info(`Local files sent by ${label}: ${localFiles.join(', ')}`);
    if (mode === 'apply' && (profile.confirm || localFiles.length > 0)) {
      const question: Confirmation = {
        profile,
        address,
        records: checked.records,
        label,
        localFiles,
        because: profile.confirm ? 'profile' : 'local-files',
      };
      if (!(await deps.ui.confirm(question))) {
        const message = `Not confirmed: nothing was sent to ${describeProfile(profile)}.`;
        log.info(message);
        return { kind: 'refused', reason: 'not-confirmed', message };
      }
    }

    const stored = profile.saslExternal ? undefined : await deps.passwords.get(profile);
    const password = profile.saslExternal ? undefined : (stored ?? (await deps.ui.askPassword(profile)));
    if (!profile.saslExternal && !password) {
      const message = `No password given for ${describeProfile(profile)}: nothing was sent. Fix: Run the command again and enter the password.`;
      log.warn(message);
      return { kind: 'refused', reason: 'no-password', message };
    }
    if (password) secrets.unshift(password);
    const passwordFrom: PasswordSource = profile.saslExternal ? 'none' : stored ? 'storage' : 'prompt';

    const settings = connectionSettings(profile, password);
    // Shown before the password is sent: verification off, or a clear-text bind to another host.
    for (const warning of connectionWarnings(settings)) {
      const text = `${warning.text} ${renderRemedy(warning.remedy)}`;
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
      if (explanation.kind === 'auth' && explanation.code === 49 && !profile.saslExternal) {
        if (stored) await deps.passwords.forget(profile);
        const check = `Check "bindDn" of profile "${profile.name}" (389-DS root: cn=Directory Manager)`;
        return fail({
          ...explanation,
          remedy: advice(
            stored
              ? `${check} and the password: the stored password was refused and is now forgotten, so the next run asks for it again.`
              : `${check}, then run again and enter the right password.`,
          ),
        });
      }
      return fail(explanation);
    }
    // Kept only once the server accepted it: a mistyped password is asked for again, not stored.
    if (password && !stored) await deps.passwords.store(profile, password);

    const records = () =>
      sourceRecords(input, catalog, {
        ...(only ? { only } : {}),
        documentDiagnostics: checked.documentDiagnostics(input.file),
      });
    const total = checked.records;
    try {
      if (mode === 'dry-run') {
        const kept: DryRunRecord[] = [];
        const summary = await dryRunRecords(session, records(), {
          catalog,
          secrets,
          maxFileValueBytes,
          continueOnError: request.continueOnError === true,
          ...(request.signal ? { signal: request.signal } : {}),
          onRecord: (record) => {
            kept.push(record);
            const [head, ...details] = formatDryRunRecord(record, renderRemedy);
            (record.verdict === 'would-apply' || record.verdict === 'no-change' ? log.info : log.warn)(head);
            for (const line of details) log.info(line);
          },
        });
        const cancelled = summary.total < total ? ` (cancelled after ${summary.total} of ${total})` : '';
        const message = clean(`${formatDryRunSummary(summary)}${cancelled}`);
        (summary.counts['would-apply'] + summary.counts['no-change'] === total ? log.info : log.warn)(message);
        return { kind: 'dry-run', report: { ...summary, records: kept }, passwordFrom, message };
      }
      const results: RecordResult[] = [];
      const summary = await runRecords(session, records(), {
        continueOnError: request.continueOnError === true,
        catalog,
        secrets,
        maxFileValueBytes,
        requestLimit: await readRequestLimit(session.client),
        ...(request.signal ? { signal: request.signal } : {}),
        onResult: (result, record) => {
          const worded = {
            ...result,
            ...(result.cause !== undefined
              ? { cause: redact(result.cause, [...secrets, ...recordSecrets(record.record)]) }
              : {}),
          };
          results.push(worded);
          const line = formatResult(worded, renderRemedy);
          if (result.status === 'applied') log.info(line);
          else if (result.status === 'failed') log.error(line);
          else log.warn(line);
          request.progress?.(
            `${results.length}/${total} ${result.dn ?? describeSource(result.source)}`,
            results.length / total,
          );
        },
      });
      const message = clean(formatSummary(summary, renderRemedy));
      (summary.counts.applied === summary.total ? log.info : log.warn)(message);
      return { kind: 'applied', report: { ...summary, results }, passwordFrom, message };
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
      remedy: advice('Report it with the lines above from the "Winsync LDIF" output.'),
    });
  }
}

/** The server as the connection names it; the URL as written when it cannot be parsed (the connection then says why). */
function endpointAddress(profile: ConnectionProfile): string {
  try {
    return parseLdapUrl(profile.url).address;
  } catch {
    return profile.url;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
