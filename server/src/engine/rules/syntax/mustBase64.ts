import type { AttrLine, Diagnostic } from '../../ldif/ast';
import { eachValueLine } from '../recordLines';
import type { RecordRule } from '../types';
import { base64Edit, valuePartRange } from '../valueText';

interface Reason {
  readonly code: 'ldif/must-base64' | 'ldif/unsafe-initial-char';
  readonly severity: 'error' | 'warning';
  readonly at: number;
  readonly message: string;
}

/**
 * Why RFC 2849 (note 4) requires this plain value to be base64-encoded, if it does.
 * Non-ASCII UTF-8 is tolerated on purpose: it is common and every tool reads it.
 */
function reasonToEncode(value: string): Reason | undefined {
  const first = value.charCodeAt(0);
  if (first === 0x3a || first === 0x3c) {
    const ch = value[0];
    return {
      code: 'ldif/unsafe-initial-char',
      severity: 'warning',
      at: 0,
      message: `The value starts with '${ch}', which RFC 2849 only allows in base64 form. ldapmodify and python-ldap read it as text because of the space before it, but stricter readers reject the line or take "${ch === ':' ? '::' : ':<'}" for ${ch === ':' ? 'a base64 value' : 'a URL'}.`,
    };
  }
  const nul = value.indexOf('\0');
  if (nul >= 0) {
    return { code: 'ldif/must-base64', severity: 'error', at: nul, message: 'The value contains a NUL character, which RFC 2849 only allows in base64 form: ldapmodify cuts the value off at the NUL.' };
  }
  const cr = value.indexOf('\r');
  if (cr >= 0) {
    return {
      code: 'ldif/must-base64',
      severity: 'error',
      at: cr,
      message: 'The value contains a carriage return (CR), which RFC 2849 only allows in base64 form: LDIF readers disagree on whether it ends the line.',
    };
  }
  return undefined;
}

/** Plain values that RFC 2849 requires to be written as `attr:: <base64>`. */
export const mustBase64: RecordRule = {
  scope: 'record',
  codes: {
    'ldif/must-base64': {
      severity: 'error',
      group: 'syntax',
      summary: 'A plain value contains NUL or CR: RFC 2849 requires base64 ("::"), and tools cut or split such values.',
    },
    'ldif/unsafe-initial-char': {
      severity: 'warning',
      group: 'syntax',
      summary: 'A plain value starts with ":" or "<": RFC 2849 requires base64 ("::"); common tools cope, strict readers do not.',
    },
  },
  check(entry) {
    const found: Diagnostic[] = [];
    eachValueLine(entry.record, (line) => {
      if (line.encoding !== 'plain') return;
      const reason = reasonToEncode(line.rawValue);
      if (reason) found.push(diagnostic(line, reason));
    });
    return found;
  },
};

function diagnostic(line: AttrLine, { code, severity, at, message }: Reason): Diagnostic {
  return {
    code,
    severity,
    range: valuePartRange(line, at, at + 1),
    message,
    fixes: [{ title: 'Base64-encode the value', edits: [base64Edit(line)], preferred: true }],
  };
}
