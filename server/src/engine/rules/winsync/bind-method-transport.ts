import type { AttributeSpec } from '../../catalog';
import type { AttrLine, Fix } from '../../ldif/ast';
import { createsEntry, matchChoice, requireChoice } from '../../catalog/semantics';
import { requireAttribute } from '../support/catalogValues';
import { insertLineAfter } from '../support/edits';
import { effectiveChoice, settingOf, type RecordSetting } from '../support/recordSettings';
import type { RecordRule } from '../types';
import type { EntryView } from '../../model/entryView';
import { AGREEMENT_DN, replaceExample, replaceSpec } from '../support/examples';

/**
 * SSLCLIENTAUTH over a plain LDAP connection: a client certificate can only be presented
 * over TLS, so agmt_is_valid refuses such an agreement on add. Judged only where one record
 * settles both attributes (an add, or a modify that sets both).
 */
export default {
  meta: {
    code: 'winsync/bind-method-transport',
    group: 'consistency',
    severity: 'error',
    summary: 'SSLCLIENTAUTH bind method with a plain LDAP transport.',
    server:
      'On add, 389-DS refuses such an agreement with 53 and gives no reason; a modify is accepted, and the agreement can no longer authenticate to the domain controller.',
    example: [
      ...replaceExample(AGREEMENT_DN, 'nsDS5ReplicaBindMethod', 'SSLCLIENTAUTH'),
      ...replaceSpec('nsDS5ReplicaTransportInfo', 'LDAP'),
      ...replaceSpec('winSyncInterval', '300'),
    ],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    if (entry.kind !== 'agreement') return [];
    const method = requireAttribute(catalog, 'nsDS5ReplicaBindMethod');
    const transport = requireAttribute(catalog, 'nsDS5ReplicaTransportInfo');
    const bind = settingOf(entry, method.name);
    if (bind?.kind !== 'set' || effectiveChoice(entry, method) !== requireChoice(method, 'SSLCLIENTAUTH')) return [];
    const plain = requireChoice(transport, 'LDAP');
    if (effectiveChoice(entry, transport) !== plain) return [];
    const setting = settingOf(entry, transport.name);
    const consequence = createsEntry(entry.record.kind)
      ? '389-DS refuses such an agreement with 53 (Unwilling to perform) and gives no reason.'
      : '389-DS accepts this modify, but the agreement can no longer authenticate to the domain controller.';
    return [
      {
        range: bind.line.valueRange,
        message: `Bind method SSLCLIENTAUTH authenticates with a TLS client certificate, but this agreement's transport is plain LDAP (${transportWording(setting, transport, plain)}). ${consequence} Use StartTLS or LDAPS.`,
        fixes: transportFixes(entry, setting, transport, bind.line),
      },
    ];
  },
} satisfies RecordRule;

function transportWording(setting: RecordSetting | undefined, transport: AttributeSpec, plain: string): string {
  if (setting?.kind !== 'set') return `${transport.name} is not set, and ${plain} is its default`;
  const value = setting.line.value ?? '';
  return matchChoice(transport, value)?.value === plain
    ? `${transport.name}: ${value}`
    : `${transport.name}: "${value}" is not a transport the server knows, so it uses ${plain}`;
}

/** StartTLS or LDAPS, written over the transport value or added to a new agreement. */
function transportFixes(
  entry: EntryView,
  setting: RecordSetting | undefined,
  transport: AttributeSpec,
  bindLine: AttrLine,
): Fix[] {
  if (setting?.kind !== 'set' && !createsEntry(entry.record.kind)) return [];
  return ['StartTLS', 'LDAPS'].map((value, index) => {
    const choice = requireChoice(transport, value);
    const edit =
      setting?.kind === 'set'
        ? { range: setting.line.valueRange, newText: choice }
        : insertLineAfter(bindLine, `${transport.name}: ${choice}`);
    return { title: `Use transport ${choice}`, edits: [edit], preferred: index === 0 };
  });
}
