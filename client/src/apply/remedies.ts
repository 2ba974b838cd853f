/**
 * Remedies in the editor's words: where the command line names an option, the editor names
 * the connection-profile key, the setting or the command that does the same. No vscode
 * import: test/client/remedies.test.ts renders every kind.
 */
import { trustCaSteps, type Remedy } from '@apply/errors';
import { formatSize } from '@apply/localFiles';

export function renderRemedy(remedy: Remedy): string {
  switch (remedy.kind) {
    case 'advice':
      return remedy.text;
    case 'check-credentials':
      return 'Check "bindDn" of the connection profile (389-DS root: cn=Directory Manager) and the password: run "Winsync LDIF: Forget Password", then apply again to enter it.';
    case 'check-account':
      return 'Check "bindDn" of the connection profile, and that the account may bind (not locked or expired).';
    case 'give-password':
      return 'Enter the real password when asked.';
    case 'remove-url-credentials':
      return 'Remove them from "url" and put the DN in "bindDn"; the password is asked for and kept in the editor\'s secret storage.';
    case 'use-tls':
      return 'Set "startTls": true in the connection profile, or use an ldaps:// "url" with the LDAPS port.';
    case 'drop-starttls':
      return `Remove "startTls" from the connection profile, or use "url": "ldap://${remedy.host}:389" with it.`;
    case 'trust-ca':
      return `${remedy.advice ? `${remedy.advice} ` : ''}${trustCaSteps('set it as "caFile" in the connection profile')}`;
    case 'set-ca-file':
      return 'Set "caFile" in the connection profile instead.';
    case 'raise-timeout':
      return `${remedy.advice} If the ${remedy.timeout === 'connect' ? 'network' : 'server'} is slow, raise ${remedy.timeout === 'connect' ? '"connectTimeoutSeconds"' : '"timeoutSeconds"'} in the connection profile.`;
    case 'raise-file-limit':
      return `${remedy.advice} The winsyncLdif.maxValueFileSizeMiB setting raises the ${formatSize(remedy.limit)} cap.`;
    case 'continue-on-error':
      return 'The winsyncLdif.continueOnError setting goes on past failures.';
    case 'use-ldapi':
      return 'Use an ldapi:// "url" (the server socket, e.g. ldapi://%2Frun%2Fslapd-INSTANCE.socket) with "saslExternal": true, or a "bindDn" with a password.';
  }
}
