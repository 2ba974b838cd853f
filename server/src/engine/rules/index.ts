/**
 * The rule registry: every diagnostic code and the rule that owns it, found at
 * `rules/<prefix>/<name>.ts` for code `<prefix>/<name>`. Record and document rules run in the
 * order listed here, which is the order of diagnostics that start at the same position.
 */
import type { SyntaxCode } from '../ldif/findings';
import type { DocumentRule, NoticeRule, RecordRule, Rule, RuleMeta, SyntaxRule } from './types';
import ldifMissingDn from './ldif/missing-dn';
import ldifMissingColon from './ldif/missing-colon';
import ldifInvalidAttributeDescription from './ldif/invalid-attribute-description';
import ldifOrphanContinuation from './ldif/orphan-continuation';
import ldifInvalidBase64 from './ldif/invalid-base64';
import ldifInvalidUrl from './ldif/invalid-url';
import ldifUnsupportedUrlScheme from './ldif/unsupported-url-scheme';
import ldifUnsupportedVersion from './ldif/unsupported-version';
import ldifUnknownChangetype from './ldif/unknown-changetype';
import ldifInvalidControl from './ldif/invalid-control';
import ldifAddWithoutAttributes from './ldif/add-without-attributes';
import ldifContentAfterDelete from './ldif/content-after-delete';
import ldifMissingNewrdn from './ldif/missing-newrdn';
import ldifMissingDeleteoldrdn from './ldif/missing-deleteoldrdn';
import ldifInvalidDeleteoldrdn from './ldif/invalid-deleteoldrdn';
import ldifUnexpectedModrdnLine from './ldif/unexpected-modrdn-line';
import ldifUnknownModOp from './ldif/unknown-mod-op';
import ldifMissingModAttribute from './ldif/missing-mod-attribute';
import ldifMissingDash from './ldif/missing-dash';
import ldifStrayDash from './ldif/stray-dash';
import ldifModValueMismatch from './ldif/mod-value-mismatch';
import ldifMixedRecords from './ldif/mixed-records';
import ldifIncludeDirective from './ldif/include-directive';
import ldifNoBreakSpace from './ldif/no-break-space';
import ldifReplacementCharacter from './ldif/replacement-character';
import ldifWhitespaceLine from './ldif/whitespace-line';
import ldifMustBase64 from './ldif/must-base64';
import ldifUnsafeInitialChar from './ldif/unsafe-initial-char';
import ldifTrailingSpace from './ldif/trailing-space';
import dnInvalid from './dn/invalid';
import dnLegacyForm from './dn/legacy-form';
import dnRootDse from './dn/root-dse';
import filterInvalid from './filter/invalid';
import filterMissingParens from './filter/missing-parens';
import filterEmptySet from './filter/empty-set';
import filterEmptySubstring from './filter/empty-substring';
import filterWhitespace from './filter/whitespace';
import winsyncInvalidEnum from './winsync/invalid-enum';
import winsyncValueCase from './winsync/value-case';
import winsyncInvalidBoolean from './winsync/invalid-boolean';
import winsyncInvalidInteger from './winsync/invalid-integer';
import winsyncOutOfRange from './winsync/out-of-range';
import winsyncInvalidSchedule from './winsync/invalid-schedule';
import winsyncInvalidAttributeName from './winsync/invalid-attribute-name';
import winsyncUserAttrFormat from './winsync/user-attr-format';
import winsyncEffectiveGroupFilter from './winsync/effective-group-filter';
import winsyncSingleValued from './winsync/single-valued';
import dnAgreementParent from './dn/agreement-parent';
import winsyncPluginEntryAdd from './winsync/plugin-entry-add';
import winsyncPluginEntryDelete from './winsync/plugin-entry-delete';
import winsyncUnknownAttribute from './winsync/unknown-attribute';
import winsyncAgreementUnknownAttribute from './winsync/agreement-unknown-attribute';
import winsyncWrongEntry from './winsync/wrong-entry';
import winsyncAttributeCase from './winsync/attribute-case';
import winsyncServerManaged from './winsync/server-managed';
import winsyncMissingRequired from './winsync/missing-required';
import winsyncAgreementIncomplete from './winsync/agreement-incomplete';
import winsyncReplicaRootMismatch from './winsync/replica-root-mismatch';
import winsyncBindMethodTransport from './winsync/bind-method-transport';
import winsyncMoveActionDelete from './winsync/move-action-delete';
import winsyncConnectionChange from './winsync/connection-change';
import winsyncInvalidFractionalList from './winsync/invalid-fractional-list';
import winsyncEmptyValue from './winsync/empty-value';
import winsyncReplacedTwice from './winsync/replaced-twice';
import winsyncOnewayAcctDisableConflict from './winsync/oneway-acct-disable-conflict';
import winsyncSubtreePairOverrides from './winsync/subtree-pair-overrides';
import winsyncDirectorySubtreeOutsideRoot from './winsync/directory-subtree-outside-root';
import winsyncTooManyDiagnostics from './winsync/too-many-diagnostics';
import winsyncCheckFailed from './winsync/check-failed';

/** The rule of each code the LDIF parser finds. */
export const SYNTAX_RULES: { readonly [C in SyntaxCode]: SyntaxRule<C> } = {
  'ldif/missing-dn': ldifMissingDn,
  'ldif/missing-colon': ldifMissingColon,
  'ldif/invalid-attribute-description': ldifInvalidAttributeDescription,
  'ldif/orphan-continuation': ldifOrphanContinuation,
  'ldif/invalid-base64': ldifInvalidBase64,
  'ldif/invalid-url': ldifInvalidUrl,
  'ldif/unsupported-url-scheme': ldifUnsupportedUrlScheme,
  'ldif/unsupported-version': ldifUnsupportedVersion,
  'ldif/unknown-changetype': ldifUnknownChangetype,
  'ldif/invalid-control': ldifInvalidControl,
  'ldif/add-without-attributes': ldifAddWithoutAttributes,
  'ldif/content-after-delete': ldifContentAfterDelete,
  'ldif/missing-newrdn': ldifMissingNewrdn,
  'ldif/missing-deleteoldrdn': ldifMissingDeleteoldrdn,
  'ldif/invalid-deleteoldrdn': ldifInvalidDeleteoldrdn,
  'ldif/unexpected-modrdn-line': ldifUnexpectedModrdnLine,
  'ldif/unknown-mod-op': ldifUnknownModOp,
  'ldif/missing-mod-attribute': ldifMissingModAttribute,
  'ldif/missing-dash': ldifMissingDash,
  'ldif/stray-dash': ldifStrayDash,
  'ldif/mod-value-mismatch': ldifModValueMismatch,
  'ldif/mixed-records': ldifMixedRecords,
  'ldif/include-directive': ldifIncludeDirective,
  'ldif/no-break-space': ldifNoBreakSpace,
  'ldif/replacement-character': ldifReplacementCharacter,
  'ldif/whitespace-line': ldifWhitespaceLine,
};

/** Rules that look at one record at a time. */
export const RECORD_RULES: readonly RecordRule[] = [
  ldifMustBase64,
  ldifUnsafeInitialChar,
  ldifTrailingSpace,
  dnInvalid,
  dnLegacyForm,
  dnRootDse,
  filterInvalid,
  filterMissingParens,
  filterEmptySet,
  filterEmptySubstring,
  filterWhitespace,
  winsyncInvalidEnum,
  winsyncValueCase,
  winsyncInvalidBoolean,
  winsyncInvalidInteger,
  winsyncOutOfRange,
  winsyncInvalidSchedule,
  winsyncInvalidFractionalList,
  winsyncEmptyValue,
  winsyncInvalidAttributeName,
  winsyncUserAttrFormat,
  winsyncEffectiveGroupFilter,
  winsyncSingleValued,
  dnAgreementParent,
  winsyncPluginEntryAdd,
  winsyncPluginEntryDelete,
  winsyncUnknownAttribute,
  winsyncAgreementUnknownAttribute,
  winsyncWrongEntry,
  winsyncAttributeCase,
  winsyncServerManaged,
  winsyncMissingRequired,
  winsyncAgreementIncomplete,
  winsyncReplicaRootMismatch,
  winsyncBindMethodTransport,
  winsyncMoveActionDelete,
  winsyncConnectionChange,
  winsyncReplacedTwice,
];

/** Rules that compare the winsync records of a document with each other. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  winsyncOnewayAcctDisableConflict,
  winsyncSubtreePairOverrides,
  winsyncDirectorySubtreeOutsideRoot,
];

/** Codes the engine or a host reports about the checking itself. */
export const NOTICE_RULES: readonly NoticeRule[] = [winsyncTooManyDiagnostics, winsyncCheckFailed];

/** Every rule, parser codes first. */
export const RULES: readonly Rule[] = [
  ...Object.values(SYNTAX_RULES),
  ...RECORD_RULES,
  ...DOCUMENT_RULES,
  ...NOTICE_RULES,
];

/** Every diagnostic code with its metadata: default severity, group, summary. */
export const CODES: Readonly<Record<string, RuleMeta>> = Object.fromEntries(
  RULES.map((rule) => [rule.meta.code, rule.meta]),
);
