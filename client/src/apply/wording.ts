/**
 * The engine words its fixes for the CLI ("pass it with --ca-file"). In the editor the same
 * fix is a profile key or a setting, so every CLI option the engine can name is rewritten here.
 * test/client/wording.test.ts checks that the engine names no option missing from this table.
 */

/** Whole phrases first: they read better than the option-by-option replacement below. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [
    /the password in --password-file \/ --password-env/g,
    'the stored password (run "Winsync LDIF: Forget Password", then apply again to enter it)',
  ],
  [/--password-file (?:or|\/) --password-env/g, 'the password prompt'],
  [/[Pp]ass --ca-file instead/g, 'Set "caFile" in the connection profile instead'],
  [/pass it with --ca-file/g, 'set it as "caFile" in the connection profile'],
  [/--continue goes on past failures/g, 'the winsyncLdif.continueOnError setting goes on past failures'],
];

/** Every CLI option the apply engine may name, and what the editor calls it. */
export const OPTION_WORDING: Readonly<Record<string, string>> = {
  '--ca-file': '"caFile" of the connection profile',
  '--starttls': '"startTls": true in the connection profile',
  '--bind-dn': '"bindDn" of the connection profile',
  '--password-file': 'the password prompt',
  '--password-env': 'the password prompt',
  '--timeout': '"timeoutSeconds" in the connection profile',
  '--connect-timeout': '"connectTimeoutSeconds" in the connection profile',
  '--continue': 'the winsyncLdif.continueOnError setting',
  '--force': '"Apply anyway"',
  '--insecure-skip-tls-verify': '"verifyTls": false in the connection profile',
};

const OPTION = /--[a-z][a-z-]*/g;

/** The engine's message with its CLI options replaced by the editor's profile keys and settings. */
export function forEditor(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PHRASES) result = result.replace(pattern, replacement);
  return result.replace(OPTION, (option) => OPTION_WORDING[option] ?? option);
}
