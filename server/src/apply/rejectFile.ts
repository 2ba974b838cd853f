/**
 * The reject file (like `ldapmodify -S`): every record that still needs applying — failed,
 * unconfirmed, or not attempted — copied from its input with the reason as a comment, so the
 * file can be fixed and applied again. Records keep their secret values (a reject file that
 * dropped them would create users without passwords when applied again), so the file is
 * readable by its owner only. Relative `file:` URLs are written absolute, since the reject file
 * may live in another folder than the input.
 *
 * The path is claimed before anything is sent: never through a symlink, never over a file of
 * another user or anything but a regular file. Records go to a temporary file in the same
 * folder, created exclusively with mode 0600; at the end the header and the records are
 * written to a second one that replaces the target by rename.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { advice, ApplyError, type RemedyRenderer } from './errors';
import { fileUrlPath } from '../engine/ldif/fileUrl';
import { fileUrlOf, filePathOf } from './localFiles';
import { describeSource } from './operations';
import { printable } from './printable';
import type { ApplySummary, RecordResult } from './run';
import type { SourceRecord } from './source';

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
const FLUSH_AT = 1 << 16;

type Handle = Awaited<ReturnType<typeof fs.open>>;

export class RejectFile {
  private pending: string[] = [];
  private pendingLength = 0;
  private records = 0;

  private constructor(
    /** Absolute path of the reject file. */
    readonly path: string,
    private readonly bodyPath: string,
    private readonly body: Handle,
  ) {}

  /**
   * Claims `path` for the reject file before the run: refuses a symlink, anything but a regular
   * file, a file of another user, and a folder it cannot create files in (a usage error).
   */
  static async open(path: string): Promise<RejectFile> {
    const refuse = (why: string, fix: string) =>
      new ApplyError({
        kind: 'usage',
        cause: `The reject file ${path} ${why}; nothing was sent.`,
        remedy: advice(fix),
      });
    const existing = await fs.lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw refuse(`cannot be checked (${error.code ?? error.message})`, 'Give a path in a folder you can write to.');
    });
    if (existing?.isSymbolicLink())
      throw refuse(
        'is a symbolic link; it is never written through',
        'Give the path of a regular file or of a new one.',
      );
    if (existing && !existing.isFile())
      throw refuse('exists and is not a regular file', 'Give the path of a regular file or of a new one.');
    if (existing && typeof process.getuid === 'function' && existing.uid !== process.getuid()) {
      throw refuse(
        `belongs to another user (uid ${existing.uid}); it is not replaced`,
        'Give a path of your own, or remove that file first.',
      );
    }
    const bodyPath = temporaryPath(path, 'records');
    let body: Handle;
    try {
      body = await fs.open(bodyPath, CREATE, 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'is in a folder that does not exist'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'is in a folder this user cannot write to'
            : `cannot be created (${code ?? 'error'})`;
      throw refuse(why, 'Give a path in a folder you can write to.');
    }
    // The mode given to open is reduced by the umask; the file is for its owner alone.
    await body.chmod(0o600);
    return new RejectFile(path, bodyPath, body);
  }

  /** Copies a record that was not applied, with why and what to do as comments above it. */
  async add(result: RecordResult, record: SourceRecord, render: RemedyRenderer): Promise<void> {
    if (result.status === 'applied') return;
    this.records++;
    const comment = (text: string) => `# ${printable(text.replace(/\s*[\r\n]+\s*/g, ' '))}`;
    const lines = [
      '',
      comment(`${describeSource(result.source)}: ${result.status}: ${result.cause ?? ''}`),
      comment(`fix: ${result.remedy ? render(result.remedy) : 'Apply this record again.'}`),
      ...absoluteUrls(record),
    ];
    await this.write(`${lines.join('\n')}\n`);
  }

  /** Writes the header and the records to the target (or a note that every record was applied); returns whether records were written. */
  async finish(summary: ApplySummary, date: Date): Promise<boolean> {
    await this.flush();
    await this.body.close();
    const { counts } = summary;
    const missing = this.records;
    const header =
      missing === 0
        ? [
            `# winsync-ldif apply: all ${summary.total} record(s) applied to ${summary.address} on ${date.toISOString()}.`,
          ]
        : [
            `# winsync-ldif apply: ${missing} record(s) not applied to ${summary.address} on ${date.toISOString()} (${counts.failed} failed, ${counts.unconfirmed} unconfirmed, ${counts['not-attempted']} not attempted).`,
            '# Fix the cause noted above each record, then apply this file again.',
            '# The records keep their secret values (passwords, agreement credentials) so that applying them again sets them:',
            '# only the owner can read this file (mode 0600); delete it once its records are applied.',
            ...(counts.unconfirmed > 0
              ? [
                  `# ${counts.unconfirmed} record(s) are unconfirmed: they were sent, the answer was lost, and reading the entry back`,
                  '# could not tell whether they took effect. Check each on the server first; if one was applied, applying it again',
                  '# answers 68, 20 or 16 (already there).',
                ]
              : []),
          ];
    const finalPath = temporaryPath(this.path, 'new');
    const out = await fs.open(finalPath, CREATE, 0o600);
    try {
      await out.chmod(0o600);
      await out.write(`${header.map(printable).join('\n')}\n`);
      if (missing > 0) {
        const input = await fs.open(this.bodyPath, constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
          const chunk = Buffer.allocUnsafe(FLUSH_AT);
          for (
            let read = (await input.read(chunk, 0, chunk.length)).bytesRead;
            read > 0;
            read = (await input.read(chunk, 0, chunk.length)).bytesRead
          ) {
            await out.write(chunk, 0, read);
          }
        } finally {
          await input.close();
        }
      }
      await out.sync();
    } finally {
      await out.close();
    }
    // rename replaces the directory entry itself: a symlink put there meanwhile is replaced, never followed.
    await fs.rename(finalPath, this.path);
    await fs.rm(this.bodyPath, { force: true });
    return missing > 0;
  }

  /** Removes the temporary file; the target is left as it was (nothing was sent). */
  async discard(): Promise<void> {
    await this.body.close().catch(() => undefined);
    await fs.rm(this.bodyPath, { force: true });
  }

  private async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingLength === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    await this.body.write(text);
  }
}

/** `.NAME.<random>.<purpose>` beside the target: unpredictable, so nobody can put a link there first. */
function temporaryPath(path: string, purpose: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.${purpose}`);
}

/** The record's lines with each relative `file:` value rewritten as an absolute file:/// URL. */
function absoluteUrls(item: SourceRecord): string[] {
  const first = item.record.range.start.line;
  const lines = [...item.lines];
  for (const line of item.record.lines) {
    if (line.encoding !== 'url') continue;
    const url = (line.value ?? line.rawValue).trim();
    if (!fileUrlPath(url)?.relative) continue;
    const path = filePathOf(url, item.baseDir);
    if (path === undefined) continue;
    const start = line.line.range.start.line - first;
    const end = line.line.range.end.line - first;
    lines.splice(
      start,
      end - start + 1,
      `${line.description}:< ${fileUrlOf(path)}`,
      ...Array<string>(end - start).fill('\u0000'),
    );
  }
  return lines.filter((text) => text !== '\u0000');
}
