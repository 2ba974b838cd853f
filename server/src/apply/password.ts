/**
 * Where a bind password may come from: a file, an environment variable, or a prompt on a
 * terminal — never the command line, where `ps` and shell history would show it. Errors
 * name the source, never the value.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { advice, ApplyError } from './errors';
import { Secret } from './secret';

export interface PasswordFile {
  readonly password: Secret;
  /** Set when other users may read the file. */
  readonly warning?: string;
}

/** Reads the whole file; one trailing newline (as `echo pw > file` leaves) is not part of the password. */
export async function readPasswordFile(path: string): Promise<PasswordFile> {
  let text: string;
  let mode: number;
  try {
    [text, mode] = await Promise.all([readFile(path, 'utf8'), stat(path).then((info) => info.mode)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApplyError({
      kind: 'usage',
      cause: `The password file ${path} ${code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : 'cannot be read'}.`,
      remedy: advice(`Create it with only the password in it: (umask 077; printf '%s' 'PASSWORD' > ${path}).`),
    });
  }
  const password = new Secret(text.replace(/\r?\n$/, ''));
  const warning =
    (mode & 0o077) !== 0
      ? `warning: the password file ${path} can be read by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${path}.`
      : undefined;
  return warning ? { password, warning } : { password };
}

export function passwordFromEnv(env: NodeJS.ProcessEnv, name: string): Secret {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new ApplyError({
      kind: 'usage',
      cause: `The environment variable ${name} named by --password-env is ${value === undefined ? 'not set' : 'empty'}.`,
      remedy: advice(`Export ${name} with the bind password, or use --password-file.`),
    });
  }
  return new Secret(value);
}

export interface Terminal {
  readonly input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  readonly output: Writable;
}

export function canPrompt(terminal: Terminal): boolean {
  return terminal.input.isTTY === true && typeof terminal.input.setRawMode === 'function';
}

/** Asks on the terminal without echo; Ctrl-C or Ctrl-D cancels. */
export function promptPassword(terminal: Terminal, question: string): Promise<Secret> {
  const { input, output } = terminal;
  output.write(question);
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: ApplyError) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(new Secret(typed));
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') {
          return finish(
            new ApplyError({
              kind: 'cancelled',
              cause: 'Password prompt cancelled.',
              remedy: advice('Run again, or use --password-file / --password-env.'),
            }),
          );
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
