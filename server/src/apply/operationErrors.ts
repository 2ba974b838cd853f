/**
 * Explaining why the server refused one record: the result code, the server's text, the
 * attribute and line it is about, and what to change. 389-DS answers most bad winsync
 * agreement changes with a bare 53 or 1; those are explained from the catalog and the
 * validator's findings for the record, because the reason is otherwise only in the errors log.
 */
import type { AttributeSpec, EntryKind } from '../engine/catalog';
import { reactionFor } from '../engine/catalog/semantics';
import { docSummary } from '../engine/rules/support/wording';
import type { Diagnostic } from '../engine/ldif/ast';
import { advice, describeResult, resultCodeOf, serverTextOf, type Explanation, type Remedy } from './errors';
import { attributesOf, type AttributeValues, type Operation, type PlannedRecord } from './operations';
import { parseDn, replicaSuffix } from '../engine/dn/dn';
import { isAgreementDn } from './agreementHazards';
import { parentDn, renamedDn } from './dnText';
import { redact, type Secret } from './secret';

/** 68, 20 and 16 are what a second run of a partly applied file gets: say so, since it is usually harmless. */
const RERUN = ' (if an earlier run of this file stopped part-way, this record was probably applied then).';

/** The part of the catalog the explanations read (the Catalog class satisfies it). */
export interface AttributeCatalog {
  attribute(name: string): AttributeSpec | undefined;
  suggest(name: string, kind: EntryKind): string | undefined;
}

export interface OperationContext {
  readonly record: PlannedRecord;
  /** `host:port` of the server. */
  readonly address: string;
  readonly catalog?: AttributeCatalog;
  /** The validator's findings for this record; the best explanation of a bare 53 or 1. */
  readonly diagnostics?: readonly Diagnostic[];
  /** Values that must not appear in any message (bind password, secret attribute values). */
  readonly secrets: readonly (string | Secret)[];
}

const ERRORS_LOG = '/var/log/dirsrv/slapd-INSTANCE/errors';

/** True when the error means the connection is gone, so the record's outcome is unknown. */
export function isConnectionLoss(error: unknown): boolean {
  if (resultCodeOf(error) !== undefined) return false;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    /Connection closed before message response|Socket error|Socket connection not established|Operation timed out/.test(
      message,
    ) ||
    (typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(code))
  );
}

export function explainOperationError(error: unknown, context: OperationContext): Explanation {
  const explanation = explainRefusal(error, context);
  const { operation, entryKind } = context.record;
  const agreement = entryKind === 'agreement' || isAgreementDn(operation.dn);
  if (explanation.code === undefined || operation.kind !== 'modify' || !agreement) return explanation;
  return { ...explanation, cause: `${explanation.cause} ${AGREEMENT_MODIFY_CAVEAT}` };
}

/**
 * 389-DS runs an agreement's modify handler before the schema and syntax checks, so a refused
 * modify can still have changed the running agreement (measured on 2.3.1: a refused port is
 * dialled, nsds5ReplicaEnabled: off sent with a refused value stops the agreement until a restart).
 */
const AGREEMENT_MODIFY_CAVEAT =
  'The entry is unchanged, but 389-DS hands an agreement change to the running agreement before it checks it, so the running agreement may have taken part of this one. ' +
  'Check it: dsconf INSTANCE repl-winsync-agmt status (or repl-agmt status) --suffix SUFFIX NAME, and the errors log; ' +
  'restarting the server (dsctl INSTANCE restart) runs the agreement as stored again.';

function explainRefusal(error: unknown, context: OperationContext): Explanation {
  const code = resultCodeOf(error);
  const { operation } = context.record;
  if (code === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Operation timed out/.test(message)) {
      return {
        kind: 'timeout',
        cause: `${context.address} did not answer the ${operation.kind} of ${operation.dn} in time; it may or may not have been applied.`,
        remedy: {
          kind: 'raise-timeout',
          timeout: 'operation',
          advice: 'Read the entry back before re-running this record.',
        },
      };
    }
    return {
      kind: 'connection',
      cause: `The connection to ${context.address} was lost during the ${operation.kind} of ${operation.dn}; it may or may not have been applied.`,
      remedy: advice(
        'Check that the server is running, read the entry back, then re-run the records that were not applied.',
      ),
    };
  }
  // The server may echo a value back; only its text can carry a secret, our wording cannot.
  const text = redact(serverTextOf(error), context.secrets);
  const result = describeResult(code, text);
  const explain = (cause: string, fix: string | Remedy): Explanation => ({
    kind: 'ldap',
    code,
    serverText: text,
    cause,
    remedy: typeof fix === 'string' ? advice(fix) : fix,
  });
  const named = namedAttribute(text, operation);

  switch (code) {
    case 32:
      return explainNoSuchObject(operation, result, explain);
    case 68:
      return operation.kind === 'modrdn'
        ? explain(
            `${result}: an entry named ${renamedDn(operation.dn, operation.newRdn, operation.newSuperior)} already exists.`,
            'Choose another newrdn, or delete or rename the existing entry first.',
          )
        : explain(
            `${result}: ${operation.dn} is already there${RERUN}`,
            'Use changetype: modify to change the existing entry, or delete it first.',
          );
    case 50:
      return explain(
        `${result}: the bind DN may not ${operation.kind} ${operation.dn}.`,
        'Bind as an account with write access to this entry (cn=config entries need cn=Directory Manager), or add an ACI that grants it.',
      );
    case 65:
      return explainObjectClassViolation(text, named, result, context, explain);
    case 21:
      return named
        ? explain(
            `${result}: the value of ${named.type} (line ${named.line}) does not match its syntax.`,
            syntaxFix(named, context),
          )
        : explain(
            `${result}: a value does not match its attribute's syntax.`,
            'Correct the value the server names (integers must be whole numbers, DN values must be DNs).',
          );
    case 34:
      return explain(
        `${result}: the DN "${operation.dn}" is not a valid DN.`,
        'Write the DN as RFC 4514 type=value pairs separated by commas, escaping , + " \\ < > ; inside values.',
      );
    case 20:
      return explain(
        `${result}: ${named ? `${named.type} (line ${named.line})` : 'an attribute'} of ${operation.dn} already has this value${RERUN}`,
        'Use replace: instead of add:, or drop the value that is already there.',
      );
    case 16:
      return explain(
        `${result}: ${named ? `${named.type} (line ${named.line})` : 'the attribute or value to delete'} is not present on ${operation.dn}${RERUN}`,
        'Remove the delete: for it, or use replace: to set the values you want.',
      );
    case 19:
      return explain(
        `${result}: the server refused a value of ${named ? `${named.type} (line ${named.line})` : 'an attribute'} on ${operation.dn}${text ? '' : ' (a uniqueness or password policy constraint)'}.`,
        'Change the value so that it meets the constraint the server names.',
      );
    case 66:
      return explain(
        `${result}: ${operation.dn} still has entries below it.`,
        'Delete or move its child entries first (deepest first).',
      );
    case 67:
      return explain(
        `${result}: the change would remove the value that names ${operation.dn}.`,
        'Rename the entry first (changetype: modrdn), then change the attribute.',
      );
    case 69:
      return explain(
        `${result}: the object classes of ${operation.dn} cannot be changed this way.`,
        'Keep the structural object class; add or remove auxiliary classes only.',
      );
    case 64:
      return explain(
        `${result}: the name ${operation.dn} is not allowed here.`,
        'Use an RDN attribute the entry actually has, under a parent that may hold such entries.',
      );
    case 71:
      return explain(
        `${result}: the rename would move ${operation.dn} to another backend or suffix.`,
        'Export and re-add the entry under the new parent instead of moving it.',
      );
    case 12:
      return explain(
        `${result}: the server does not support a critical control of this record.`,
        'Remove the control, or mark it non-critical ("control: OID false").',
      );
    case 2:
      if (/unrecognized modify operation/i.test(text)) {
        return explain(
          `${result}: the server does not support "increment:" (RFC 4525).`,
          'Use "replace:" with the new value instead.',
        );
      }
      return explain(
        `${result}: the server could not decode the request for ${operation.dn}.`,
        'Check the record for empty attribute names or values that the server cannot accept.',
      );
    case 8:
    case 13:
      return explain(`${result}: the server requires an encrypted connection for this change.`, { kind: 'use-tls' });
    case 51:
    case 52:
      return explain(
        `${result}: ${context.address} cannot take the change now.`,
        'Wait and re-run the records that were not applied.',
      );
    case 53:
    case 1:
      return explainUnwillingOrOperationsError(code, text, result, context, explain);
    default:
      return explain(
        `${result} for ${operation.kind} ${operation.dn}.`,
        `Check the server's errors log (${ERRORS_LOG}) for the reason.`,
      );
  }
}

type Explain = (cause: string, fix: string | Remedy) => Explanation;

function explainNoSuchObject(operation: Operation, result: string, explain: Explain): Explanation {
  const escapeHint = mappingTreeHint(operation.dn);
  switch (operation.kind) {
    case 'add': {
      const parent = parentDn(operation.dn);
      return explain(
        `${result}: the parent ${parent || '(none)'} of ${operation.dn} does not exist.`,
        `Add the parent entry first, or correct the DN.${escapeHint}`,
      );
    }
    case 'modrdn':
      return explain(
        `${result}: ${operation.dn}${operation.newSuperior ? ` or the new superior ${operation.newSuperior}` : ''} does not exist.`,
        `Check the DN spelling; the entry may have been renamed or deleted already.${escapeHint}`,
      );
    default:
      return explain(
        `${result}: ${operation.dn} does not exist.`,
        `Check the DN spelling, or add the entry first.${escapeHint}`,
      );
  }
}

/**
 * For DNs under `cn=mapping tree,cn=config`: the suffix RDN must be the suffix DN escaped as
 * one value (cn=dc\3Dexample\2Cdc\3Dcom). When it is, say so and point at the suffix
 * instead of suggesting the escaping again.
 */
function mappingTreeHint(dn: string): string {
  const rdns = parseDn(dn).rdns;
  const tree = rdns.findIndex(
    (rdn) =>
      rdn.avas.length === 1 &&
      rdn.avas[0].type.toLowerCase() === 'cn' &&
      rdn.avas[0].value.toLowerCase() === 'mapping tree',
  );
  if (tree < 1) return '';
  const suffix = rdns[tree - 1].avas;
  if (suffix.length === 1 && suffix[0].type.toLowerCase() === 'cn' && suffix[0].value.includes('=')) {
    return ` The suffix RDN is escaped as it should be: check that this server holds a replica for ${suffix[0].value} (dsconf INSTANCE replication list).`;
  }
  return ' For replica and agreement entries, write the suffix RDN escaped as the server stores it (cn=dc\\3Dexample\\2Cdc\\3Dcom).';
}

/** The attribute a server message names (`attribute "x" not allowed`, `x: value #0 invalid per syntax`), as the record spells it. */
function namedAttribute(text: string, operation: Operation): AttributeValues | undefined {
  const name =
    /attribute "([^"]+)"/i.exec(text)?.[1] ??
    /^([A-Za-z][\w-]*(?:;[\w-]+)*): value #\d+/i.exec(text)?.[1] ??
    /^([A-Za-z][\w-]*)\b/.exec(text)?.[1];
  if (!name) return undefined;
  const wanted = name.split(';')[0].toLowerCase();
  return attributesOf(operation).find((attribute) => attribute.type.split(';')[0].toLowerCase() === wanted);
}

function explainObjectClassViolation(
  text: string,
  named: AttributeValues | undefined,
  result: string,
  context: OperationContext,
  explain: Explain,
): Explanation {
  const { operation, entryKind } = context.record;
  const missing = /missing attribute "([^"]+)" required by object class "([^"]+)"/i.exec(text);
  if (missing && operation.kind === 'modrdn') {
    return explain(
      `${result}: the rename would remove the last ${missing[1]} value of ${operation.dn}, which object class ${missing[2]} requires.`,
      operation.deleteOldRdn
        ? 'Keep the old RDN value: write "deleteoldrdn: 0" (or rename to an RDN of another attribute the entry has).'
        : `Give the entry a ${missing[1]} value first (changetype: modify), then rename it.`,
    );
  }
  if (missing) {
    return explain(
      `${result}: ${operation.dn} lacks ${missing[1]}, which object class ${missing[2]} requires.`,
      `Add a "${missing[1]}:" line to the record.`,
    );
  }
  const unknownClass = /unknown object class "([^"]+)"/i.exec(text);
  if (unknownClass) {
    return explain(
      `${result}: the object class "${unknownClass[1]}" is not in the server's schema.`,
      'Check the objectClass spelling, or load the schema that defines it.',
    );
  }
  if (/single-valued/i.test(text) && named) {
    return explain(
      `${result}: ${named.type} (line ${named.line}) is single-valued but the record gives it several values.`,
      `Keep one ${named.type} value.`,
    );
  }
  if (/not allowed/i.test(text) && named) {
    const suggestion =
      entryKind && context.catalog ? context.catalog.suggest(named.type.split(';')[0], entryKind) : undefined;
    return explain(
      `${result}: ${named.type} (line ${named.line}) is not allowed on ${operation.dn}.`,
      suggestion
        ? `Did you mean ${suggestion}? Otherwise remove the line.`
        : 'Remove the line, or add an object class that allows the attribute.',
    );
  }
  return explain(`${result} on ${operation.dn}.`, 'Check the objectClass values and the attributes they allow.');
}

function syntaxFix(named: AttributeValues, context: OperationContext): string {
  const spec = context.catalog?.attribute(named.type.split(';')[0]);
  switch (spec?.syntax.kind) {
    case 'integer':
      return `Write a whole number${spec.syntax.kind === 'integer' ? ` from ${spec.syntax.min} to ${spec.syntax.max}` : ''}.`;
    case 'dn':
      return 'Write a DN, e.g. cn=sync,cn=Users,dc=ad,dc=example,dc=com.';
    default:
      return spec
        ? `Write a valid value: ${docSummary(spec)}`
        : 'Correct the value; an empty value is not allowed for most attributes.';
  }
}

function explainUnwillingOrOperationsError(
  code: number,
  text: string,
  result: string,
  context: OperationContext,
  explain: Explain,
): Explanation {
  const { operation, entryKind } = context.record;
  if (/Invalid plugin path/i.test(text)) {
    return explain(
      `${result}: the plug-in library of ${operation.dn} is not installed on ${context.address}.`,
      'Apply ipa-winsync plug-in entries only to a FreeIPA/IdM server, where libipa_winsync exists; on plain 389-DS leave them out.',
    );
  }
  if (text) {
    return explain(
      `${result} for ${operation.kind} ${operation.dn}.`,
      `Change what the server's text names; details are in its errors log (${ERRORS_LOG}).`,
    );
  }
  const finding = context.diagnostics?.find(
    (diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning',
  );
  if (finding) {
    const line = finding.range.start.line + 1;
    const quickFix = finding.fixes?.[0]?.title;
    return explain(
      `${result} with no text; the likely reason (line ${line}): ${finding.message}`,
      `${quickFix ? `${quickFix} (line ${line})` : `Correct line ${line} as described`}; the server logs the exact reason in ${ERRORS_LOG}.`,
    );
  }
  const hint = context.catalog ? catalogHint(code, operation, context.catalog) : undefined;
  if (hint) return explain(`${result} with no text; ${hint.cause}`, hint.fix);
  if (entryKind !== 'agreement' && !replicaSuffix(operation.dn)) {
    return explain(
      `${result} for ${operation.kind} ${operation.dn}, with no reason given.`,
      `The reason is only in the server's errors log (${ERRORS_LOG}).`,
    );
  }
  return code === 53
    ? explain(
        `${result} with no text for ${operation.dn}: the agreement is incomplete or its replica is not set up as a supplier.`,
        `Check host, port, bind DN and credentials, that nsDS5ReplicaRoot names the suffix of the parent replica, and that the replica has nsDS5ReplicaType: 3 and nsDS5Flags: 1; the errors log (${ERRORS_LOG}) names the exact reason.`,
      )
    : explain(
        `${result} with no text for ${operation.dn}.`,
        `The reason is in the errors log (${ERRORS_LOG}); a malformed nsDS5ReplicaUpdateSchedule (HHMM-HHMM DAYS, start before end) is the usual cause.`,
      );
}

/** Catalog knowledge: written attributes whose bad values the server refuses with exactly this code. */
function catalogHint(
  code: number,
  operation: Operation,
  catalog: AttributeCatalog,
): { cause: string; fix: string } | undefined {
  const suspects = attributesOf(operation).flatMap((attribute) => {
    const spec = catalog.attribute(attribute.type.split(';')[0]);
    const reaction = spec ? reactionFor(spec, operation.kind) : undefined;
    return spec && reaction?.kind === 'rejects' && reaction.code === code
      ? [{ attribute, spec, note: reaction.note }]
      : [];
  });
  if (suspects.length === 0) return undefined;
  const [first] = suspects;
  const others = suspects.slice(1).map((suspect) => `${suspect.attribute.type} (line ${suspect.attribute.line})`);
  return {
    cause: `most likely the value of ${first.attribute.type} (line ${first.attribute.line}): ${first.note}${others.length ? ` Also check ${others.join(', ')}.` : ''}`,
    fix: `Correct it: ${docSummary(first.spec)}`,
  };
}
