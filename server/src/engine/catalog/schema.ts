/**
 * The shape of the winsync knowledge catalog. The data lives in `*.data.ts` files
 * beside this one and is checked against these schemas when the bundles are built
 * (`scripts/build.mjs`) and by the tests, so a typo in the data fails the build instead of
 * silently weakening a rule. The bundles import only the types from here: zod stays out of them.
 */
import { z } from 'zod';

/** Kinds of entry the catalog knows. */
export const EntryKindSchema = z.enum(['ipa-winsync', 'agreement']);
export type EntryKind = z.infer<typeof EntryKindSchema>;

/** The two kinds of replication agreement: a Windows sync agreement, or a 389-DS to 389-DS one. */
export const AgreementKindSchema = z.enum(['windows', 'replication']);
export type AgreementKind = z.infer<typeof AgreementKindSchema>;

export const EnumValueSchema = z.object({
  value: z.string().min(1),
  /** What choosing this value does, in our words. */
  doc: z.string().min(1),
  /** Accepted by the server but not the documented spelling (e.g. `SSL` for `LDAPS`). */
  legacy: z.boolean().optional(),
});
export type EnumValue = z.infer<typeof EnumValueSchema>;

/**
 * How the server reads a boolean:
 * - `slapi`: slapi_entry_attr_get_bool; on/off/true/false/yes/no/1/0 and their prefixes, anything else is read as a number (non-numeric = false).
 * - `winsync`: windows_private true_value_from_string; exactly on/yes/true/1 (any case) is true, anything else false.
 * - `on-off`: exactly `on` or `off`; anything else is rejected.
 */
export const BooleanDialectSchema = z.enum(['slapi', 'winsync', 'on-off']);
export type BooleanDialect = z.infer<typeof BooleanDialectSchema>;

export const SyntaxSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enum'), values: z.array(EnumValueSchema).min(1) }),
  z.object({ kind: z.literal('boolean'), dialect: BooleanDialectSchema }),
  z.object({
    kind: z.literal('integer'),
    min: z.number().int(),
    max: z.number().int(),
    /** Values the server treats specially, e.g. `0` for "keep the previous setting". */
    unit: z.string().optional(),
  }),
  /** An RFC 4514 distinguished name. */
  z.object({ kind: z.literal('dn') }),
  /** One RFC 4515 filter, parenthesised. `parensRequired: false` when the server adds missing parentheses. */
  z.object({ kind: z.literal('filter'), parensRequired: z.boolean() }),
  /** RFC 4515 `filterlist`: one or more parenthesised filters, concatenated. */
  z.object({ kind: z.literal('filter-list') }),
  /** Replication schedule: `*` or `HHMM-HHMM DAYS`. */
  z.object({ kind: z.literal('schedule') }),
  /** `attributeName SPACE value` (ipaWinSyncUserAttr). */
  z.object({ kind: z.literal('attr-value') }),
  /** `dsSubtreeDN:windowsSubtreeDN` (winSyncSubtreePair). */
  z.object({ kind: z.literal('subtree-pair') }),
  /** An attribute type name (descr or numeric OID). */
  z.object({ kind: z.literal('attribute-name') }),
  /** A host name or IP address. */
  z.object({ kind: z.literal('host') }),
  /** A DNS domain name. */
  z.object({ kind: z.literal('domain') }),
  /** Fractional replication list: `(objectclass=*) $ EXCLUDE attr …`. */
  z.object({ kind: z.literal('fractional-list') }),
  /** Opaque bytes, e.g. a DirSync cookie or a password. */
  z.object({ kind: z.literal('binary') }),
  z.object({ kind: z.literal('text') }),
]);
export type ValueSyntax = z.infer<typeof SyntaxSchema>;
export type SyntaxKind = ValueSyntax['kind'];

/**
 * What 389-DS / the plugin does when it meets a bad value.
 * - `rejects`: the LDAP operation fails with `code`.
 * - `falls-back`: the operation succeeds, the server logs a warning and uses `fallback`.
 * - `ignores`: the operation succeeds and nothing is logged; the value silently means `fallback` (when set).
 * - `accepts`: the value is stored and used as written (any text is valid).
 */
export const ReactionSchema = z.object({
  kind: z.enum(['rejects', 'falls-back', 'ignores', 'accepts']),
  code: z.number().int().optional(),
  fallback: z.string().optional(),
  /** One sentence on what happens, for hover and messages. */
  note: z.string().min(1),
});
export type Reaction = z.infer<typeof ReactionSchema>;

export const AttributeSchema = z.object({
  /** Canonical spelling. Names compare case-insensitively. */
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/),
  entry: EntryKindSchema,
  /** Parameter group from the IdM guide (Table 15.3) or our own grouping for agreements. */
  group: z.string().min(1),
  syntax: SyntaxSchema,
  multiValued: z.boolean(),
  /**
   * Required when the entry is added. `true`, or the name of a condition the rules
   * know (`simple-bind`: only when the bind method is SIMPLE or SASL/DIGEST-MD5).
   */
  requiredOnAdd: z.union([z.boolean(), z.enum(['simple-bind'])]),
  /** Also required to be present for the entry to be valid after a modify (ipa-winsync validates the whole entry). */
  requiredAlways: z.boolean().optional(),
  default: z.string().optional(),
  /** Written by the server; an admin should not author it. */
  serverManaged: z.boolean(),
  /** On agreements: the only kind that may carry it (no value: both kinds). */
  onlyFor: AgreementKindSchema.optional(),
  /** Reaction to a bad value on add and on modify (they differ on agreements). */
  onBadValue: z.object({ add: ReactionSchema, modify: ReactionSchema }),
  /** Markdown, our own words. */
  doc: z.string().min(1),
  /** Where the facts come from (source file, seed table). */
  source: z.string().min(1),
  /** Documented in the IdM guide's Table 15.3 (false for attributes the seed omits). */
  inSeedTable: z.boolean().optional(),
  since: z.string().optional(),
});
export type AttributeSpec = z.infer<typeof AttributeSchema>;

export const EntryKindSpecSchema = z.object({
  kind: EntryKindSchema,
  title: z.string().min(1),
  doc: z.string().min(1),
  /** Attribute names (not in `attributes`) the entry may also carry, e.g. generic plugin attributes. */
  otherAllowed: z.array(z.string()),
  /** True when the server accepts any attribute on the entry (extensibleObject). */
  acceptsAnyAttribute: z.boolean(),
  /** Prefix that marks an attribute as belonging to this entry kind (e.g. `ipaWinSync`). */
  ownPrefixes: z.array(z.string()),
  /**
   * The entry's object classes, for completion and hover; `identifies` marks those that tell the
   * kind apart, and on agreements which kind of agreement each makes.
   */
  objectClasses: z
    .array(
      z.object({
        name: z.string().min(1),
        doc: z.string().min(1),
        identifies: z.boolean().optional(),
        agreementKind: AgreementKindSchema.optional(),
        /** The name of the entry this class makes, for messages and hover (with `agreementKind`). */
        title: z.string().min(1).optional(),
      }),
    )
    .min(1),
});
export type EntryKindSpec = z.infer<typeof EntryKindSpecSchema>;

export const CatalogSchema = z.object({
  entryKinds: z.array(EntryKindSpecSchema),
  attributes: z.array(AttributeSchema).min(1),
});
export type CatalogData = z.infer<typeof CatalogSchema>;
