/**
 * The apply log: the extension's "Winsync LDIF" LogOutputChannel (shared with the language
 * client, so there is one channel of that name). Lines reach it already redacted by flow.ts;
 * nothing here adds record values.
 */
import type { LogOutputChannel } from 'vscode';
import type { FlowLog } from './flow';

export interface ApplyLog extends FlowLog {
  /** Brings the channel into view without taking focus from the editor. */
  show(): void;
}

export function applyLog(channel: LogOutputChannel): ApplyLog {
  return {
    info: (line) => channel.info(line),
    warn: (line) => channel.warn(line),
    error: (line) => channel.error(line),
    show: () => channel.show(true),
  };
}
