/**
 * What the "Sync Agreements" view shows for each agreement: a head row (name, state in a few
 * words, an icon by severity, a tooltip with the whole explanation) and detail rows (peer, enabled,
 * last update, last init, running, sent, cause, fix). No vscode import: test/client/agreementRows.test.ts.
 */
import { describeTime, type AgreementHealth, type Finding, type StatusReport } from '@engine/status/agreementHealth';

/** Codicon names (https://microsoft.github.io/vscode-codicons); the view colours them by severity. */
export type RowIcon =
  | 'pass'
  | 'error'
  | 'warning'
  | 'info'
  | 'circle-slash'
  | 'sync'
  | 'server'
  | 'clock'
  | 'lightbulb'
  | 'arrow-swap'
  | 'note';

export interface DetailRow {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon: RowIcon;
}

export interface AgreementRow {
  /** The agreement's DN: stable across refreshes, so the tree keeps what was expanded. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Markdown. */
  readonly tooltip: string;
  readonly icon: RowIcon;
  /** For menus: `agreement`, plus `-enabled` or `-disabled`, plus `-failing` when its last update failed. */
  readonly contextValue: string;
  readonly details: readonly DetailRow[];
}

const SEVERITY_ICON: Readonly<Record<Finding['severity'], RowIcon>> = {
  ok: 'pass',
  info: 'info',
  warning: 'warning',
  error: 'error',
};

/** "12 s ago", "5 min ago", "3 h ago", "2 d ago"; the full time when in the future or unknown. */
export function ago(iso: string | null, now: Date): string {
  if (!iso) return 'time unknown';
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  if (seconds < 0) return describeTime(iso);
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

function verdict(finding: Finding): string {
  return finding.severity === 'ok'
    ? 'succeeded'
    : finding.severity === 'error'
      ? `failed: ${finding.title}`
      : finding.title;
}

function statusRow(
  label: string,
  report: StatusReport | null,
  finding: Finding | null,
  none: string,
  now: Date,
): DetailRow {
  if (!report || !finding) return { label: `${label}: ${none}`, icon: 'clock' };
  const code = report.code === 0 ? '' : ` (${report.code})`;
  return {
    label: `${label}: ${verdict(finding)}${code}, ${ago(report.time, now)}`,
    description: report.message,
    tooltip: `${report.raw}\n${describeTime(report.time)}`,
    icon: SEVERITY_ICON[finding.severity],
  };
}

export function agreementRow(health: AgreementHealth, now: Date): AgreementRow {
  const { update } = health;
  const running = health.initInProgress ? 'total update running' : health.updateInProgress ? 'session running' : '';
  const state = !health.enabled
    ? 'disabled'
    : health.lastUpdate
      ? `${update.severity === 'ok' ? 'last update succeeded' : update.severity === 'error' ? `${health.lastUpdate.code} ${update.title}` : update.title} · ${ago(health.lastUpdate.time, now)}`
      : update.title;
  const kind = health.kind === 'windows' ? 'Windows sync' : 'replication';
  const details: DetailRow[] = [
    {
      label: `${kind} with ${health.peer}${health.transport ? ` (${health.transport})` : ''}`,
      description: health.replicatedSuffix ?? undefined,
      tooltip: health.dn,
      icon: health.kind === 'windows' ? 'arrow-swap' : 'server',
    },
    {
      label: health.enabled ? 'Enabled' : 'Disabled (nsds5ReplicaEnabled: off)',
      icon: health.enabled ? 'pass' : 'circle-slash',
    },
    statusRow('Last update', health.lastUpdate, health.enabled ? update : null, 'no status', now),
    statusRow('Last init', health.lastInit, health.init, 'none since the server started', now),
    {
      label: running ? `Running: ${running}` : 'Running: nothing',
      icon: running ? 'sync' : 'clock',
      ...(health.changesSent.length > 0
        ? {
            description: `since start: ${health.changesSent.map((count) => `${count.sent} sent, ${count.skipped} skipped`).join('; ')}`,
          }
        : {}),
    },
  ];
  for (const finding of [...(health.enabled ? [update] : []), ...(health.init ? [health.init] : [])]) {
    if (finding.severity === 'ok' || finding.severity === 'info') continue;
    details.push({ label: `Cause: ${finding.cause}`, tooltip: finding.cause, icon: 'note' });
    details.push({ label: `Fix: ${finding.fix}`, tooltip: finding.fix, icon: 'lightbulb' });
  }
  const tooltip = [
    `**${health.name}** — ${kind} with \`${health.peer}\``,
    '',
    health.explanation.replace(/([*_`[\]])/g, '\\$1'),
    '',
    `\`${health.dn}\``,
  ].join('\n');
  return {
    id: health.dn,
    label: health.name,
    description: running ? `${state} · ${running}` : state,
    tooltip,
    icon: !health.enabled ? 'circle-slash' : running ? 'sync' : SEVERITY_ICON[update.severity],
    contextValue: `agreement-${health.enabled ? 'enabled' : 'disabled'}${health.healthy ? '' : '-failing'}`,
    details,
  };
}
