import { getLanguageService, type ParsedDocument } from '../../../server/src/engine/service';
import type { Position, Range } from '../../../server/src/engine/ldif/ast';

export const service = getLanguageService();

/** Marks the cursor in test text; `|` would clash with filters such as `(|(a=b))`. */
export const CURSOR = '¦';

export interface AtCursor {
  readonly text: string;
  readonly document: ParsedDocument;
  readonly position: Position;
}

/** Parses lines (joined with \n, final newline added) holding one cursor mark, and says where it was. */
export function atCursor(lines: readonly string[]): AtCursor {
  const marked = `${lines.join('\n')}\n`;
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error('test text needs exactly one cursor mark');
  const before = marked.slice(0, offset).split('\n');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  return {
    text,
    document: service.parse(text),
    position: { line: before.length - 1, character: before[before.length - 1].length },
  };
}

/** The text a range covers, so tests can assert ranges readably. */
export function textOf(text: string, range: Range): string {
  const lines = text.split('\n');
  const { start, end } = range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [
    lines[start.line].slice(start.character),
    ...lines.slice(start.line + 1, end.line),
    lines[end.line].slice(0, end.character),
  ].join('\n');
}

export const PLUGIN_DN = 'dn: cn=ipa-winsync,cn=plugins,cn=config';
export const AGREEMENT_DN =
  'dn: cn=meToad.example.com,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';
export const AGREEMENT_CLASS = 'objectClass: nsDSWindowsReplicationAgreement';

/** A document of about 100k lines: agreement modify records, each 9 lines long (blank line included). */
export function bigDocument(): { document: ParsedDocument; lines: string[] } {
  const lines: string[] = [];
  for (let i = 0; lines.length < 100_000; i++) {
    lines.push(
      AGREEMENT_DN.replace('meToad', `meToad${i}`),
      'changetype: modify',
      'replace: winSyncMoveAction',
      'winSyncMoveAction: unsync',
      '-',
      'replace: nsDS5ReplicaUpdateSchedule',
      'nsDS5ReplicaUpdateSchedule: 0800-1700 12345',
      '-',
      '',
    );
  }
  return { document: service.parse(lines.join('\n')), lines };
}

/** Median milliseconds of `runs` calls. */
export function medianMs(runs: number, action: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}
