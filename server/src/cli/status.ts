/**
 * `winsync-ldif status`: the server's replication and Windows sync agreements with their state in
 * words (engine/status decodes them, the status catalog explains them). Exit codes: 0 every
 * enabled agreement's last update succeeded, 1 some did not, 2 usage or connection problem.
 */
import { readAgreements } from '../apply/agreements';
import { connectionWarnings, openSession, type ConnectionSettings } from '../apply/connection';
import { ApplyError, formatExplanation } from '../apply/errors';
import { renderRemedy } from './remedies';
import { redact, type Secret } from '../apply/secret';
import { describeTime, type AgreementHealth, type StatusReport } from '../engine/status/agreementHealth';
import { refusePasswordArguments } from './apply';
import { obtainPassword } from './connectionOptions';
import { choiceOption, countOption, parseArgs, stringOption, UsageError } from './args';
import type { CommandIO } from './io';

export const STATUS_USAGE = `usage: winsync-ldif status --url URL --bind-dn DN [--password-file F | --password-env VAR]
         [--ca-file F] [--starttls] [--format text|json] [--connect-timeout S] [--timeout S]
         [--insecure-skip-tls-verify]
  Lists the replication and Windows sync agreements under cn=mapping tree,cn=config with their state.
  Exit codes: 0 every enabled agreement's last update succeeded, 1 some did not, 2 usage or connection problem.`;

const OPTIONS = {
  url: { value: true },
  'bind-dn': { value: true },
  'password-file': { value: true },
  'password-env': { value: true },
  'ca-file': { value: true },
  starttls: { value: false },
  format: { value: true },
  'connect-timeout': { value: true },
  timeout: { value: true },
  'insecure-skip-tls-verify': { value: false },
  help: { value: false },
} as const;

const FORMATS = ['text', 'json'] as const;

export async function runStatusCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`winsync-ldif status: ${message}\n`);
    return 2;
  };
  let settings: Omit<ConnectionSettings, 'password'>;
  let passwordSource: { passwordFile: string | undefined; passwordEnv: string | undefined; bindDn: string };
  let format: (typeof FORMATS)[number];
  try {
    refusePasswordArguments(argv);
    const args = parseArgs(argv, OPTIONS);
    if (args.options.help) {
      io.stdout.write(`${STATUS_USAGE}\n`);
      return 0;
    }
    const url = stringOption(args, 'url');
    const bindDn = stringOption(args, 'bind-dn');
    if (!url) throw new UsageError('--url is required, e.g. --url ldaps://ipa.example.com');
    if (!bindDn) throw new UsageError('--bind-dn is required, e.g. --bind-dn "cn=Directory Manager"');
    if (args.positional.length > 0)
      throw new UsageError(`status takes no file arguments (got ${args.positional.join(' ')})`);
    const passwordFile = stringOption(args, 'password-file');
    const passwordEnv = stringOption(args, 'password-env');
    if (passwordFile && passwordEnv) throw new UsageError('give either --password-file or --password-env, not both');
    const seconds = (name: string) => {
      const value = countOption(args, name);
      if (value === 0) throw new UsageError(`--${name} must be at least 1 second`);
      return value === undefined ? undefined : value * 1000;
    };
    const caFile = stringOption(args, 'ca-file');
    const connectTimeoutMs = seconds('connect-timeout');
    const operationTimeoutMs = seconds('timeout');
    settings = {
      url,
      bindDn,
      startTls: args.options.starttls === true,
      verifyTls: args.options['insecure-skip-tls-verify'] !== true,
      ...(caFile ? { caFile } : {}),
      ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
      ...(operationTimeoutMs ? { operationTimeoutMs } : {}),
    };
    passwordSource = { passwordFile, passwordEnv, bindDn };
    format = choiceOption(args, 'format', FORMATS, 'text');
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${STATUS_USAGE}`);
    throw error;
  }

  let secrets: (string | Secret)[] = [];
  try {
    const password = await obtainPassword(passwordSource, io);
    secrets = [password];
    const full: ConnectionSettings = { ...settings, password };
    for (const warning of connectionWarnings(full)) io.stderr.write(`${warning}\n`);
    const session = await openSession(full);
    let agreements: AgreementHealth[];
    try {
      agreements = await readAgreements(session.client);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const text = redact(error instanceof Error ? error.message : String(error), secrets);
      return fail(
        code === 50 || code === 32
          ? `cannot read cn=mapping tree,cn=config on ${session.endpoint.address} as ${settings.bindDn} (${text}). Fix: Bind as cn=Directory Manager or another account that may read cn=config.`
          : `reading the agreements from ${session.endpoint.address} failed: ${text}`,
      );
    } finally {
      await session.close();
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify(agreements.map(toJson), null, 2)}\n`);
    else for (const agreement of agreements) io.stdout.write(`${formatAgreement(agreement).join('\n')}\n\n`);
    io.stderr.write(`${summary(agreements, session.endpoint.address)}\n`);
    return agreements.every((agreement) => agreement.healthy) ? 0 : 1;
  } catch (error) {
    if (error instanceof ApplyError) return fail(formatExplanation(error.explanation, renderRemedy));
    if (error instanceof UsageError) return fail(error.message);
    return fail(`internal error: ${redact(error instanceof Error ? error.message : String(error), secrets)}`);
  }
}

/** The JSON object of one agreement: the decoded state, with `explanation` in words. */
export function toJson(agreement: AgreementHealth): Record<string, unknown> {
  const report = (status: StatusReport | null) =>
    status && {
      code: status.code,
      message: status.message,
      time: status.time,
      space: status.space,
      ...(status.ldapCode !== undefined ? { ldapCode: status.ldapCode } : {}),
      ...(status.replicationCode !== undefined ? { replicationCode: status.replicationCode } : {}),
      raw: status.raw,
    };
  return {
    dn: agreement.dn,
    name: agreement.name,
    kind: agreement.kind,
    enabled: agreement.enabled,
    peer: agreement.peer,
    transport: agreement.transport,
    healthy: agreement.healthy,
    lastUpdate: report(agreement.lastUpdate),
    lastInit: report(agreement.lastInit),
    lastUpdateStart: agreement.lastUpdateStart,
    lastUpdateEnd: agreement.lastUpdateEnd,
    lastInitStart: agreement.lastInitStart,
    lastInitEnd: agreement.lastInitEnd,
    updateInProgress: agreement.updateInProgress,
    initInProgress: agreement.initInProgress,
    changesSent: agreement.changesSent,
    state: agreement.update.severity,
    title: agreement.update.title,
    cause: agreement.update.severity === 'ok' ? null : agreement.update.cause,
    fix: agreement.update.severity === 'ok' ? null : agreement.update.fix,
    init: agreement.init,
    caveats: agreement.caveats,
    explanation: agreement.explanation,
  };
}

const KIND_WORDS = { windows: 'Windows sync with', replication: 'replication to' } as const;

/** The text form: a head line, the last update and init, what is running, then cause and fix. */
export function formatAgreement(agreement: AgreementHealth): string[] {
  const head = `${agreement.name}  ${KIND_WORDS[agreement.kind]} ${agreement.peer}${agreement.transport ? ` (${agreement.transport})` : ''}, ${agreement.enabled ? 'enabled' : 'DISABLED'}`;
  const line = (label: string, status: StatusReport | null, verdict: string, none: string) =>
    status
      ? `  ${label.padEnd(12)} ${verdict}, ${describeTime(status.time)}: ${status.raw}`
      : `  ${label.padEnd(12)} ${none}`;
  const updateVerdict =
    agreement.update.severity === 'ok'
      ? 'succeeded'
      : agreement.update.severity === 'error'
        ? `FAILED: ${agreement.update.title}`
        : agreement.update.title;
  const initVerdict = !agreement.init
    ? ''
    : agreement.init.severity === 'ok'
      ? 'succeeded'
      : agreement.init.severity === 'error'
        ? `FAILED: ${agreement.init.title}`
        : agreement.init.title;
  const lines = [
    head,
    `  dn           ${agreement.dn}`,
    line('last update', agreement.lastUpdate, updateVerdict, 'no status'),
    line('last init', agreement.lastInit, initVerdict, 'none since the server started'),
  ];
  const running = [agreement.updateInProgress ? 'a session' : '', agreement.initInProgress ? 'a total update' : '']
    .filter(Boolean)
    .join(' and ');
  const sent = agreement.changesSent
    .map((count) => `${count.sent} sent, ${count.skipped} skipped (replica ${count.replicaId})`)
    .join('; ');
  lines.push(`  running      ${running || 'nothing'}${sent ? `; since start: ${sent}` : ''}`);
  for (const finding of [agreement.update, ...(agreement.init ? [agreement.init] : [])]) {
    if (finding.severity === 'ok') continue;
    lines.push(`  cause        ${finding.cause}`, `  fix          ${finding.fix}`);
  }
  for (const caveat of agreement.caveats) lines.push(`  note         ${caveat}`);
  return lines;
}

function summary(agreements: readonly AgreementHealth[], address: string): string {
  if (agreements.length === 0) return `no replication or Windows sync agreements on ${address}`;
  const failing = agreements.filter((agreement) => !agreement.healthy);
  const count = `${agreements.length} agreement${agreements.length === 1 ? '' : 's'} on ${address}`;
  return failing.length === 0
    ? `${count}: every enabled agreement's last update succeeded`
    : `${count}: ${failing.length} failing (${failing.map((agreement) => agreement.name).join(', ')})`;
}
