/**
 * Generators for the property tests. LDIF documents are generated as a model (records,
 * values, comments) and rendered with a random layout (folding, CRLF/LF mix, keyword case,
 * spaces after the colon), so a test can check that the parser reads back the model.
 * Hostile text mixes LDIF fragments, control characters, lone surrogates and random edits.
 */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { loadCatalog } from '../../server/src/engine/catalog';
import { formatDn, type AvaText, type RdnText } from '../../server/src/engine/dn/dn';
import { formatFilter, type AssertionValue, type FilterNode } from '../../server/src/engine/filter/filter';
import { LDIF_KEYWORDS, type ChangeType, type ModOp, type ValueEncoding } from '../../server/src/engine/ldif/ast';

// ------------------------------------------------------------------ characters and names

/** One character of any kind a value may hold, weighted towards the ones with a meaning somewhere. */
const valueChar = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ' ',
      ',',
      '=',
      '+',
      '\\',
      '"',
      '#',
      ';',
      '<',
      '>',
      '(',
      ')',
      '*',
      ':',
      '-',
      '\t',
      '&',
      '|',
      '!',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Replaces what a plain LDIF value cannot hold (NUL, CR, LF) or the parser reports (U+00A0, U+FFFD). */
const sanitize = (text: string): string => text.replace(/[\0\r\n\u00a0\ufffd]/g, '_');

/** Text that may stand in a plain LDIF value or a comment. */
export const safeText = (maxLength = 30): fc.Arbitrary<string> =>
  fc.string({ unit: valueChar, maxLength }).map(sanitize);

/** A plain value as written: sanitized, and never starting with a space, ':' or '<' (those need base64). */
const plain = (raw: string): ValueModel => {
  const clean = sanitize(raw);
  return { encoding: 'plain', raw: /^[ :<]/.test(clean) ? `v${clean}` : clean };
};

// Generated attribute names avoid LDIF_KEYWORDS, which the parser gives a meaning to.
const catalogNames = loadCatalog().attributes.map((attribute) => attribute.name);

const numericOid = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99999 })), { minLength: 2, maxLength: 7 })
  .map((arcs) => arcs.join('.'));

/** Attribute types: catalog names (so the winsync rules run), common ones, random names and OIDs. */
export const attributeType: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...catalogNames) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('cn', 'sn', 'uid', 'description', 'objectClass', 'member', 'ou', 'dc', 'userPassword'),
  },
  {
    weight: 2,
    arbitrary: fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/)
      .filter((name) => !LDIF_KEYWORDS.has(name.toLowerCase())),
  },
  { weight: 1, arbitrary: numericOid },
);

/** `type[;option…]` as written before the colon of an LDIF line. */
export const attributeDescription: fc.Arbitrary<string> = fc
  .tuple(attributeType, fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), { maxLength: 2 }))
  .map(([type, options]) => [type, ...options].join(';'));

// ------------------------------------------------------------------ DNs

/** An RDN value: any text (escaped when printed), or a hexstring. */
const avaValue: fc.Arbitrary<Pick<AvaText, 'value' | 'hexString'>> = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: valueChar, maxLength: 12 }).map((value) => ({ value, hexString: false })) },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 6 })
      .map((bytes) => ({ value: `#${Buffer.from(bytes).toString('hex')}`, hexString: true })),
  },
);

const dnAttributeType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('cn', 'ou', 'dc', 'uid', 'o', 'l', 'CN', 'sAMAccountName') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/) },
  { weight: 1, arbitrary: numericOid },
);

/** Parsed-shaped RDNs (type, value, hexString per AVA), 1–3 AVAs each. */
export const rdns: fc.Arbitrary<RdnText[]> = fc.array(
  fc.record({
    avas: fc.array(
      fc.tuple(dnAttributeType, avaValue).map(([type, value]): AvaText => ({ type, ...value })),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  { minLength: 1, maxLength: 6 },
);

const WINSYNC_DNS = [
  'cn=ipa-winsync,cn=plugins,cn=config',
  'cn=meToAD,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
  'cn=meTo_ad.example.com,cn=replica,cn=o\\3Dipaca,cn=mapping tree,cn=config',
];

/** DN text: winsync entries, printed generated DNs, legacy forms 389-DS accepts, and junk. */
export const dnText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...WINSYNC_DNS) },
  { weight: 4, arbitrary: rdns.map(formatDn) },
  {
    weight: 1,
    arbitrary: rdns.map((list) =>
      list
        .map((rdn) => rdn.avas.map((ava) => `${ava.type} = "${ava.value.replace(/["\\]/g, '')}"`).join(' + '))
        .join(' ; '),
    ),
  },
  { weight: 1, arbitrary: safeText(30) },
);

// ------------------------------------------------------------------ filters

const filterAttribute = fc
  .tuple(attributeType, fc.array(fc.stringMatching(/^[A-Za-z0-9-]{1,6}$/), { maxLength: 2 }))
  .map(([type, options]) => ({ text: [type, ...options].join(';'), type, options }));

const lossyUtf8 = new TextDecoder('utf-8');

/** An assertion value as the parser returns it (offsets aside): text, or binary octets that are not UTF-8. */
const assertionValue = (minLength = 0): fc.Arbitrary<Omit<AssertionValue, 'start' | 'end'>> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: valueChar, minLength, maxLength: 10 }).map((text) => ({ text })) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ minLength: Math.max(1, minLength), maxLength: 8 })
        .map((bytes) => (isUtf8(bytes) ? { text: lossyUtf8.decode(bytes) } : { text: lossyUtf8.decode(bytes), bytes })),
    },
  );

/**
 * Filter trees shaped like parseFilter's result without the offsets (start/end), which the
 * printer does not read and the round-trip test strips from the parsed tree.
 */
export const filterTree = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constantFrom('equality', 'approx', 'greaterOrEqual', 'lessOrEqual'),
      attribute: filterAttribute,
      value: assertionValue(),
    }),
    fc.record({ kind: fc.constant('present'), attribute: filterAttribute }),
    fc
      .record({
        attribute: filterAttribute,
        initial: fc.option(assertionValue(1), { nil: undefined }),
        any: fc.array(assertionValue(1), { maxLength: 3 }),
        final: fc.option(assertionValue(1), { nil: undefined }),
      })
      .filter((node) => node.initial !== undefined || node.any.length > 0 || node.final !== undefined)
      .map(({ attribute, initial, any, final }) => ({
        kind: 'substring',
        attribute,
        ...(initial && { initial }),
        any,
        ...(final && { final }),
      })),
    fc
      .record({
        attribute: fc.option(filterAttribute, { nil: undefined }),
        dnAttributes: fc.boolean(),
        rule: fc.option(
          fc.oneof(
            numericOid,
            fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/).filter((rule) => rule.toLowerCase() !== 'dn'),
          ),
          { nil: undefined },
        ),
        value: assertionValue(),
      })
      .filter((node) => node.attribute !== undefined || node.rule !== undefined)
      .map(({ attribute, dnAttributes, rule, value }) => ({
        kind: 'extensible',
        ...(attribute && { attribute }),
        dnAttributes,
        ...(rule && { matchingRule: { text: rule } }),
        value,
      })),
    fc.record({ kind: fc.constantFrom('and', 'or'), children: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('not'), child: tie('node') }),
  ) as unknown as fc.Arbitrary<FilterNode>,
})).node;

// ------------------------------------------------------------------ LDIF model

export interface ValueModel {
  readonly encoding: ValueEncoding;
  /** The value as written after the separator. */
  readonly raw: string;
}

export interface LineModel {
  readonly description: string;
  readonly value: ValueModel;
}

export interface ModSpecModel {
  readonly op: ModOp;
  readonly attribute: string;
  readonly values: readonly LineModel[];
  /** Whether the closing `-` is written (it may be left out after the last mod-spec only). */
  readonly dash: boolean;
}

export interface ControlModel {
  readonly oid: string;
  readonly criticality: 'true' | 'false' | undefined;
  readonly value: ValueModel | undefined;
}

export interface RecordModel {
  readonly dn: ValueModel;
  readonly kind: 'content' | ChangeType;
  readonly controls: readonly ControlModel[];
  readonly attributes: readonly LineModel[];
  readonly modifications: readonly ModSpecModel[];
  readonly rename:
    | { readonly newRdn: ValueModel; readonly deleteOldRdn: '0' | '1'; readonly newSuperior: ValueModel | undefined }
    | undefined;
  /** Comments in the record's block: before the dn line, then between its lines. */
  readonly comments: readonly string[];
}

export interface DocumentModel {
  readonly version: boolean;
  readonly records: readonly RecordModel[];
  /** Comment blocks between records, each after the record with the same index (-1: before the first). */
  readonly commentBlocks: readonly { readonly after: number; readonly texts: readonly string[] }[];
}

const base64Of = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** A value of any encoding; plain values never start with a space, ':' or '<' (those need base64). */
export const valueModel: fc.Arbitrary<ValueModel> = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(safeText(), dnText, filterTree.map(formatFilter)).map(plain) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        'TRUE',
        'on',
        '0',
        '1',
        'both',
        'to_ad',
        '(objectClass=*)',
        'uid',
        '-1',
        '389',
        'top',
        'nsDSWindowsReplicationAgreement',
        'cn=users,cn=accounts,dc=example,dc=com',
      )
      .map(plain),
  },
  {
    weight: 2,
    arbitrary: fc.uint8Array({ maxLength: 24 }).map((bytes) => ({ encoding: 'base64' as const, raw: base64Of(bytes) })),
  },
  {
    weight: 1,
    arbitrary: safeText(20).map((text) => ({ encoding: 'base64' as const, raw: Buffer.from(text).toString('base64') })),
  },
  {
    weight: 1,
    arbitrary: fc
      .stringMatching(/^[A-Za-z0-9._-]{1,12}$/)
      .map((path) => ({ encoding: 'url' as const, raw: `file:///tmp/${path}` })),
  },
);

const lineModel: fc.Arbitrary<LineModel> = fc.record({ description: attributeDescription, value: valueModel });

const dnModel: fc.Arbitrary<ValueModel> = fc.oneof(
  { weight: 5, arbitrary: dnText.map(plain) },
  {
    weight: 1,
    arbitrary: dnText.map((dn) => ({ encoding: 'base64' as const, raw: Buffer.from(dn).toString('base64') })),
  },
);

const controlModel: fc.Arbitrary<ControlModel> = fc.record({
  oid: fc.constantFrom(
    '1.2.840.113556.1.4.805',
    '1.2.840.113556.1.4.417',
    '2.16.840.1.113730.3.4.2',
    '1.3.6.1.4.1.4203.1.10.1',
  ),
  criticality: fc.constantFrom('true' as const, 'false' as const, undefined),
  value: fc.option(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9=,]{0,12}$/).map((raw) => ({ encoding: 'plain' as const, raw })),
      fc.uint8Array({ maxLength: 9 }).map((bytes) => ({ encoding: 'base64' as const, raw: base64Of(bytes) })),
    ),
    { nil: undefined },
  ),
});

const modSpecModel: fc.Arbitrary<ModSpecModel> = fc
  .record({
    op: fc.constantFrom<ModOp>('add', 'delete', 'replace', 'increment'),
    attribute: attributeDescription,
    values: fc.array(valueModel, { maxLength: 3 }),
  })
  .map(({ op, attribute, values }) => ({
    op,
    attribute,
    values: values.map((value) => ({ description: attribute, value })),
    dash: true,
  }));

const comments = fc.array(safeText(20), { maxLength: 2 });

const NO_RENAME = { controls: [], attributes: [], modifications: [], rename: undefined };

export const recordModel: fc.Arbitrary<RecordModel> = fc.oneof(
  fc
    .record({ dn: dnModel, attributes: fc.array(lineModel, { minLength: 1, maxLength: 5 }), comments })
    .map((r) => ({ ...NO_RENAME, ...r, kind: 'content' as const })),
  fc
    .record({
      dn: dnModel,
      controls: fc.array(controlModel, { maxLength: 2 }),
      attributes: fc.array(lineModel, { minLength: 1, maxLength: 5 }),
      comments,
    })
    .map((r) => ({ ...NO_RENAME, ...r, kind: 'add' as const })),
  fc
    .record({ dn: dnModel, controls: fc.array(controlModel, { maxLength: 2 }), comments })
    .map((r) => ({ ...NO_RENAME, ...r, kind: 'delete' as const })),
  fc
    .record({
      dn: dnModel,
      controls: fc.array(controlModel, { maxLength: 2 }),
      modifications: fc.array(modSpecModel, { maxLength: 4 }),
      lastDash: fc.boolean(),
      comments,
    })
    .map(({ modifications, lastDash, ...r }) => ({
      ...NO_RENAME,
      ...r,
      kind: 'modify' as const,
      modifications: modifications.map((spec, i) =>
        i === modifications.length - 1 ? { ...spec, dash: lastDash } : spec,
      ),
    })),
  fc
    .record({
      dn: dnModel,
      kind: fc.constantFrom('modrdn' as const, 'moddn' as const),
      controls: fc.array(controlModel, { maxLength: 1 }),
      rename: fc.record({
        newRdn: fc.oneof(
          rdns.map((list) => plain(formatDn(list.slice(0, 1)))),
          rdns.map((list) => ({
            encoding: 'base64' as const,
            raw: Buffer.from(formatDn(list.slice(0, 1))).toString('base64'),
          })),
        ),
        deleteOldRdn: fc.constantFrom('0' as const, '1' as const),
        newSuperior: fc.option(dnModel, { nil: undefined }),
      }),
      comments,
    })
    .map((r) => ({ ...NO_RENAME, ...r })),
);

export const documentModel: fc.Arbitrary<DocumentModel> = fc
  .record({
    version: fc.boolean(),
    records: fc.array(recordModel, { maxLength: 5 }),
    commentBlocks: fc.array(
      fc.record({
        after: fc.integer({ min: -1, max: 5 }),
        texts: fc.array(safeText(20), { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
  })
  .map((model) => ({
    ...model,
    commentBlocks: model.commentBlocks.filter((block) => block.after < model.records.length),
  }));

// ------------------------------------------------------------------ rendering

/** Small deterministic PRNG, so one integer drives every layout choice (and shrinks). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEPARATORS: Record<ValueEncoding, string> = { plain: ':', base64: '::', url: ':<' };

/**
 * Renders a model as LDIF text: keywords in random case, 0–2 spaces after the colon, lines
 * folded at random points, LF and CRLF mixed, one or two blank lines between blocks.
 */
export function renderDocument(model: DocumentModel, layoutSeed: number): string {
  const next = random(layoutSeed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const keyword = (word: string) => [...word].map((c) => (next() < 0.2 ? c.toUpperCase() : c)).join('');
  const fill = () => pick(['', ' ', ' ', ' ', '  ']);
  const line = (name: string, value: ValueModel) =>
    value.encoding === 'plain' && value.raw === '' && next() < 0.5
      ? `${name}:`
      : `${name}${SEPARATORS[value.encoding]}${fill()}${value.raw}`;
  const eol = pick(['\n', '\r\n', 'mixed']);
  const physical: string[] = [];
  const emit = (logical: string) => {
    // Fold at 0–3 random points; never at 0, which would leave an empty (separating) line.
    const cuts = [
      ...new Set(
        Array.from(
          { length: next() < 0.6 ? 0 : 1 + Math.floor(next() * 3) },
          () => 1 + Math.floor(next() * (logical.length - 1)),
        ),
      ),
    ]
      .filter((cut) => cut > 0 && cut < logical.length)
      .sort((a, b) => a - b);
    let from = 0;
    for (const cut of [...cuts, logical.length]) {
      physical.push(from === 0 ? logical.slice(0, cut) : ` ${logical.slice(from, cut)}`);
      from = cut;
    }
  };
  const blank = () => {
    for (let i = next() < 0.8 ? 1 : 2; i > 0; i--) physical.push('');
  };
  const commentBlock = (after: number) => {
    for (const block of model.commentBlocks.filter((b) => b.after === after)) {
      for (const text of block.texts) emit(`#${text}`);
      blank();
    }
  };
  if (model.version) {
    emit(`${keyword('version')}: 1`);
    if (next() < 0.5 || model.records.length === 0) blank();
  }
  commentBlock(-1);
  model.records.forEach((record, index) => {
    const lines = renderRecord(record, { keyword, line, next });
    // Comments keep their order: the first may stand before the dn line, the others go between later lines.
    let at = next() < 0.5 ? 0 : 1;
    for (const text of record.comments) {
      lines.splice(at, 0, `#${text}`);
      at += 1 + Math.floor(next() * (lines.length - at));
    }
    lines.forEach(emit);
    blank();
    commentBlock(index);
  });
  if (physical.length > 0 && next() < 0.3) physical.pop(); // sometimes no final line break
  return physical.map((text) => text + (eol === 'mixed' ? pick(['\n', '\r\n']) : eol)).join('');
}

function renderRecord(
  record: RecordModel,
  {
    keyword,
    line,
    next,
  }: { keyword: (word: string) => string; line: (name: string, value: ValueModel) => string; next: () => number },
): string[] {
  const lines = [line(keyword('dn'), record.dn)];
  if (record.kind === 'content')
    return [...lines, ...record.attributes.map((attribute) => line(attribute.description, attribute.value))];
  for (const control of record.controls) {
    const criticality = control.criticality ? ` ${control.criticality}` : '';
    const value = control.value
      ? `${SEPARATORS[control.value.encoding]}${next() < 0.5 ? ' ' : ''}${control.value.raw}`
      : '';
    lines.push(`${keyword('control')}: ${control.oid}${criticality}${value}`);
  }
  lines.push(`${keyword('changetype')}: ${keyword(record.kind)}`);
  switch (record.kind) {
    case 'add':
      return [...lines, ...record.attributes.map((attribute) => line(attribute.description, attribute.value))];
    case 'delete':
      return lines;
    case 'modify':
      for (const spec of record.modifications) {
        lines.push(
          `${keyword(spec.op)}: ${spec.attribute}`,
          ...spec.values.map((value) => line(value.description, value.value)),
        );
        if (spec.dash) lines.push('-');
      }
      return lines;
    default: {
      const rename = record.rename!;
      lines.push(line(keyword('newrdn'), rename.newRdn), `${keyword('deleteoldrdn')}: ${rename.deleteOldRdn}`);
      if (rename.newSuperior) lines.push(line(keyword('newsuperior'), rename.newSuperior));
      return lines;
    }
  }
}

/** Generated valid LDIF with the model it was rendered from. */
export const ldifDocument: fc.Arbitrary<{ model: DocumentModel; text: string }> = fc
  .tuple(documentModel, fc.integer())
  .map(([model, seed]) => ({ model, text: renderDocument(model, seed) }));

// ------------------------------------------------------------------ hostile text

const lineFragments = fc.constantFrom(
  'dn: ',
  'dn:: ',
  'dn:< ',
  'changetype: ',
  'modify',
  'add',
  'delete',
  'modrdn',
  'moddn',
  'replace: ',
  'increment: ',
  'newrdn: ',
  'deleteoldrdn: ',
  'newsuperior: ',
  'control: 1.2.3 true',
  'version: 1',
  'include: file:///x',
  '-',
  '\n-\n',
  'cn: ',
  'objectClass: nsDSWindowsReplicationAgreement',
  'ipaWinSyncAcctDisable: ',
  'nsds7WindowsReplicaSubtree: ',
  'winSyncSubtreePair: ',
  'ipaWinSyncUserFlatten: ',
  '(&(cn=a)',
  '(|',
  ')',
  'cn=a,dc=b',
  '\\',
  '\n ',
  '\n\n',
  '\r\n',
  '#',
  ...WINSYNC_DNS,
);

/** A fragment of hostile text: LDIF pieces, control characters, any Unicode, lone surrogates. */
export const hostileFragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: lineFragments },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        '\n',
        '\r',
        '\r\n',
        ' ',
        '\t',
        '\0',
        ':',
        '<',
        '-',
        '#',
        '=',
        ',',
        '(',
        ')',
        '\\',
        '*',
        '\u00a0',
        '\ufffd',
        '\u2028',
        'a',
        'Z',
        '0',
        ';',
      ),
      maxLength: 12,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
      maxLength: 3,
    }),
  },
);

export interface TextEditModel {
  /** Where the edit starts, as a fraction of the text length. */
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

export const textEdit: fc.Arbitrary<TextEditModel> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
  insert: fc.oneof(fc.constant(''), hostileFragment, safeText(4)),
});

export function applyTextEdit(text: string, edit: TextEditModel): string {
  const at = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

/** Any text: fragments glued together, valid LDIF, or valid LDIF after random edits. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.array(hostileFragment, { maxLength: 30 }).map((parts) => parts.join('')),
  ldifDocument.map(({ text }) => text),
  fc
    .tuple(ldifDocument, fc.array(textEdit, { minLength: 1, maxLength: 4 }))
    .map(([{ text }, edits]) => edits.reduce(applyTextEdit, text)),
);
