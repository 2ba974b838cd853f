/**
 * The connection flags `apply` and `check --url` share, and where the password comes from:
 * the file, the variable, or the terminal; never the command line.
 */
import { resolve } from 'node:path';
import { canPrompt, passwordFromEnv, promptPassword, readPasswordFile } from '../apply/password';
import type { Secret } from '../apply/secret';
import { UsageError } from './args';
import type { CommandIO } from './io';

export const CONNECTION_OPTIONS = {
  url: { value: true },
  'bind-dn': { value: true },
  'password-file': { value: true },
  'password-env': { value: true },
  'ca-file': { value: true },
  starttls: { value: false },
  'connect-timeout': { value: true },
  timeout: { value: true },
  'insecure-skip-tls-verify': { value: false },
} as const;

/** Where the password comes from, as the flags say; `bindDn` names the prompt. */
export interface PasswordSource {
  readonly bindDn?: string;
  readonly passwordFile?: string;
  readonly passwordEnv?: string;
}

export async function obtainPassword(
  { bindDn, passwordFile, passwordEnv }: PasswordSource,
  io: CommandIO,
): Promise<Secret> {
  if (passwordFile) {
    const { password, warning } = await readPasswordFile(resolve(io.cwd, passwordFile));
    if (warning) io.stderr.write(`${warning}\n`);
    return password;
  }
  if (passwordEnv) return passwordFromEnv(io.env, passwordEnv);
  const terminal = {
    input: io.stdin as CommandIO['stdin'] & { setRawMode?: (raw: boolean) => unknown },
    output: io.stderr,
  };
  if (!canPrompt(terminal)) {
    throw new UsageError(
      'no password source: pass --password-file F or --password-env VAR (a prompt needs a terminal)',
    );
  }
  return promptPassword(terminal, `Password for ${bindDn}: `);
}
