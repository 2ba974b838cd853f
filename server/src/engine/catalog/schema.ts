/**
 * The shape of the winsync knowledge catalog. The data lives in `*.data.ts` files
 * beside this one and is checked against these schemas when the bundles are built
 * (`scripts/build.mjs`) and by the tests, so a typo in the data fails the build instead of
 * silently weakening a rule. The bundles import only the types from here: zod stays out of them.
 */
import { z } from 'zod';

/**
 * Kinds of entry the catalog knows: the ipa-winsync plug-in entry, a Windows sync agreement
 * (`agreement`), a plain 389-DS replication agreement (`replication-agreement`), and an agreement
 * whose kind the record does not say (`any-agreement`: a modify naming only what both kinds share).
 */
export const EntryKindSchema = z.enum(['ipa-winsync', 'agreement', 'replication-agreement', 'any-agreement']);
export type EntryKind = z.infer<typeof EntryKindSchema>;

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
  /** The refusal comes from the agreement's modify handler, which runs before the schema and syntax checks. */
  byHandler: z.boolean().optional(),
  /** One sentence on what happens, for hover and messages. */
  note: z.string().min(1),
});
export type Reaction = z.infer<typeof ReactionSchema>;

/** A reaction that differs on some entry kinds (e.g. a plain agreement's modify handler refuses what a Windows one stores). */
export const KindReactionSchema = z.object({
  kinds: z.array(EntryKindSchema).min(1),
  add: ReactionSchema.optional(),
  modify: ReactionSchema.optional(),
});
export type KindReaction = z.infer<typeof KindReactionSchema>;

export const AttributeSchema = z.object({
  /** Canonical spelling. Names compare case-insensitively. */
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/),
  /** The entry kind the attribute belongs to (where hover sends it). */
  entry: EntryKindSchema,
  /** Other entry kinds that carry it too (the attributes both kinds of agreement share). */
  alsoOn: z.array(EntryKindSchema).optional(),
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
  /** Reaction to a bad value on add and on modify (they differ on agreements). */
  onBadValue: z.object({ add: ReactionSchema, modify: ReactionSchema }),
  /** Where another entry kind reacts differently to a bad value than `onBadValue` says. */
  onBadValueOn: z.array(KindReactionSchema).optional(),
  /**
   * A bad value as the live probe wrote it, which `onBadValue` (and `onBadValueOn`) describe:
   * test/integration/agreement-reactions.test.ts writes it to a real 389-DS on add and on modify
   * and checks the answer against the catalog.
   */
  badValue: z.string().optional(),
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
  /** The entry's object classes, for completion and hover; `identifies` marks the one that tells the kind apart. */
  objectClasses: z
    .array(z.object({ name: z.string().min(1), doc: z.string().min(1), identifies: z.boolean().optional() }))
    .min(1),
  /**
   * For a kind that stands for an entry of one of several kinds, not known which (`any-agreement`):
   * those kinds. It carries what they all share, and nothing else is checked.
   */
  standsFor: z.array(EntryKindSchema).optional(),
  /** What the server does with a catalog attribute of another kind written on this entry, on add and on modify. */
  foreignAttribute: z
    .object({
      add: ReactionSchema,
      modify: ReactionSchema,
      /**
       * Kinds whose attributes, in a modify, meet this entry's modify handler before the schema
       * check: a value the handler refuses gets the attribute's own refusal instead of `modify`.
       */
      handlerFirstFor: z.array(EntryKindSchema).optional(),
    })
    .optional(),
  /** Said after a refusal of a modify on this entry (a refused agreement modify can still change the running agreement). */
  afterRefusedModify: z.string().optional(),
});
export type EntryKindSpec = z.infer<typeof EntryKindSpecSchema>;

export const CatalogSchema = z.object({
  entryKinds: z.array(EntryKindSpecSchema),
  attributes: z.array(AttributeSchema).min(1),
});
export type CatalogData = z.infer<typeof CatalogSchema>;
