/**
 * The rule registry: every diagnostic code and the rule that owns it, found at
 * `rules/<prefix>/<name>.ts` for code `<prefix>/<name>`. Record and document rules run in the
 * order listed here, which is the order of diagnostics that start at the same position.
 */
import type { SyntaxCode } from '../ldif/findings';
import type { DocumentRule, NoticeRule, RecordRule, Rule, RuleMeta, SchemaRule, SyntaxRule } from './types';
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
import ldifKeywordTrailingSpace from './ldif/keyword-trailing-space';
import ldifFoldedAttributeName from './ldif/folded-attribute-name';
import ldifIncrement from './ldif/increment';
import ldifEmptyChange from './ldif/empty-change';
import ldifAddWithoutValues from './ldif/add-without-values';
import ldifDuplicateValue from './ldif/duplicate-value';
import ldifLocalFile from './ldif/local-file';
import ldifLocalFileUnreadable from './ldif/local-file-unreadable';
import dnInvalid from './dn/invalid';
import dnLegacyForm from './dn/legacy-form';
import dnRootDse from './dn/root-dse';
import dnConfigRename from './dn/config-rename';
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
import winsyncWrongAgreementKind from './winsync/wrong-agreement-kind';
import winsyncRunningAgreementChange from './winsync/running-agreement-change';
import winsyncAttributeCase from './winsync/attribute-case';
import winsyncServerManaged from './winsync/server-managed';
import winsyncMissingRequired from './winsync/missing-required';
import winsyncAgreementIncomplete from './winsync/agreement-incomplete';
import winsyncReplicaRootMismatch from './winsync/replica-root-mismatch';
import winsyncBindMethodTransport from './winsync/bind-method-transport';
import winsyncMoveActionDelete from './winsync/move-action-delete';
import winsyncInvalidFractionalList from './winsync/invalid-fractional-list';
import winsyncEmptyValue from './winsync/empty-value';
import winsyncReplacedTwice from './winsync/replaced-twice';
import winsyncOnewayAcctDisableConflict from './winsync/oneway-acct-disable-conflict';
import winsyncSubtreePairOverrides from './winsync/subtree-pair-overrides';
import winsyncDirectorySubtreeOutsideRoot from './winsync/directory-subtree-outside-root';
import winsyncTooManyDiagnostics from './winsync/too-many-diagnostics';
import winsyncCheckFailed from './winsync/check-failed';
import schemaNoUserModification from './schema/no-user-modification';
import schemaDuplicateValue from './schema/duplicate-value';
import schemaNoSuchValue from './schema/no-such-value';
import schemaNoObjectClass from './schema/no-object-class';
import schemaUnknownObjectClass from './schema/unknown-object-class';
import schemaMissingMust from './schema/missing-must';
import schemaUnknownAttribute from './schema/unknown-attribute';
import schemaNotAllowed from './schema/not-allowed';
import schemaSingleValue from './schema/single-value';
import schemaInvalidSyntax from './schema/invalid-syntax';
import schemaRdnValueRemoved from './schema/rdn-value-removed';

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
  ldifKeywordTrailingSpace,
  ldifFoldedAttributeName,
  ldifIncrement,
  ldifEmptyChange,
  ldifAddWithoutValues,
  ldifDuplicateValue,
  ldifLocalFile,
  dnInvalid,
  dnLegacyForm,
  dnRootDse,
  dnConfigRename,
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
  winsyncWrongAgreementKind,
  winsyncRunningAgreementChange,
  winsyncAttributeCase,
  winsyncServerManaged,
  winsyncMissingRequired,
  winsyncAgreementIncomplete,
  winsyncReplicaRootMismatch,
  winsyncBindMethodTransport,
  winsyncMoveActionDelete,
  winsyncReplacedTwice,
];

/** Rules that compare the winsync records of a document with each other. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  winsyncOnewayAcctDisableConflict,
  winsyncSubtreePairOverrides,
  winsyncDirectorySubtreeOutsideRoot,
];

/**
 * Rules of the server's schema, reported only while a schema is loaded. Listed in the order
 * 389-DS meets the problems; `schema/check.ts` plays that order and decides which they find.
 */
export const SCHEMA_RULES: readonly SchemaRule[] = [
  schemaNoUserModification,
  schemaDuplicateValue,
  schemaNoSuchValue,
  schemaNoObjectClass,
  schemaUnknownObjectClass,
  schemaMissingMust,
  schemaUnknownAttribute,
  schemaNotAllowed,
  schemaSingleValue,
  schemaInvalidSyntax,
  schemaRdnValueRemoved,
];

/** Codes the engine or a host reports about the checking itself. */
export const NOTICE_RULES: readonly NoticeRule[] = [
  ldifLocalFileUnreadable,
  winsyncTooManyDiagnostics,
  winsyncCheckFailed,
];

/** Every rule, parser codes first. */
export const RULES: readonly Rule[] = [
  ...Object.values(SYNTAX_RULES),
  ...RECORD_RULES,
  ...DOCUMENT_RULES,
  ...SCHEMA_RULES,
  ...NOTICE_RULES,
];

/** Every diagnostic code with its metadata: default severity, group, summary. */
export const CODES: Readonly<Record<string, RuleMeta>> = Object.fromEntries(
  RULES.map((rule) => [rule.meta.code, rule.meta] as const),
);
