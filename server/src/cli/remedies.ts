/** Remedies in the words of the command line: settings are its options. */
import { trustCaSteps, type Remedy } from '../apply/errors';
import { formatSize } from '../apply/localFiles';

export function renderRemedy(remedy: Remedy): string {
  switch (remedy.kind) {
    case 'advice':
      return remedy.text;
    case 'check-credentials':
      return 'Check --bind-dn (389-DS root: cn=Directory Manager) and the password in --password-file / --password-env.';
    case 'check-account':
      return 'Check --bind-dn and that the account may bind (not locked or expired).';
    case 'give-password':
      return 'Provide the real password with --password-file or --password-env.';
    case 'remove-url-credentials':
      return 'Remove them from the URL; give the bind DN with --bind-dn and the password with --password-file or --password-env.';
    case 'use-tls':
      return 'Add --starttls, or use ldaps:// with the LDAPS port.';
    case 'drop-starttls':
      return `Drop --starttls, or use ldap://${remedy.host}:389 with --starttls.`;
    case 'trust-ca':
      return `${remedy.advice ? `${remedy.advice} ` : ''}${trustCaSteps('pass it with --ca-file')}`;
    case 'set-ca-file':
      return 'Pass --ca-file instead.';
    case 'raise-timeout':
      return `${remedy.advice} If the ${remedy.timeout === 'connect' ? 'network' : 'server'} is slow, raise ${remedy.timeout === 'connect' ? '--connect-timeout' : '--timeout'}.`;
    case 'raise-file-limit':
      return `${remedy.advice} --max-value-file-size raises the ${formatSize(remedy.limit)} cap.`;
    case 'continue-on-error':
      return '--continue goes on past failures.';
    case 'use-ldapi':
      return 'Use an ldapi:// URL (the server socket, e.g. ldapi://%2Frun%2Fslapd-INSTANCE.socket) with --sasl-external, or --bind-dn with a password.';
  }
}
