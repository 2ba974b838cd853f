import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecordTraits, type Diagnostic } from '../../server/src/engine/ldif/ast';
import { checkRecordAgainstSchema } from '../../server/src/engine/rules/validate';
import { buildSchema } from '../../server/src/engine/schema/schema';
import { getLanguageService } from '../../server/src/engine/service';
import { DEFINITIONS, SERVER } from './schema/fixture';
import { plainData } from '../fuzz/inside';
import fc from 'fast-check';
import { hostileText, ldifDocument } from '../fuzz/arbitraries';
import { nearlyQuietText } from '../fuzz/nearlyQuiet';

const service = getLanguageService();
const BASE = [
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'changetype: modify',
  'replace: ipaWinSyncAcctDisable',
  'ipaWinSyncAcctDisable: both',
  '-',
  '',
  'dn: cn=u1,dc=example,dc=com',
  'changetype: update',
  '',
  'dn: cn=u2,dc=example,dc=com',
  'cn: u2',
  '',
].join('\n');

test('an edit inside one record re-parses that record only and gives the same result as a fresh parse', () => {
  const before = service.parse(BASE);
  const edited = BASE.replace('ipaWinSyncAcctDisable: both', 'ipaWinSyncAcctDisable: bogus');
  const after = service.parse(edited, before);
  assert.notEqual(after.ldif.records[0], before.ldif.records[0]);
  assert.equal(after.ldif.records[1], before.ldif.records[1]);
  assert.equal(after.ldif.records[2], before.ldif.records[2]);
  assert.deepEqual(service.validate(after), service.validate(service.parse(edited)));
  assert.ok(service.validate(after).some((d) => d.code === 'winsync/invalid-enum'));
});

test('inserting a line shifts the records below it, and their ranges follow', () => {
  const before = service.parse(BASE);
  const after = service.parse(`# new first line\n${BASE}`, before);
  assert.equal(after.ldif.records[2].range.start.line, before.ldif.records[2].range.start.line + 1);
  assert.deepEqual(service.validate(after), service.validate(service.parse(`# new first line\n${BASE}`)));
});

const DS = '1.3.6.1.4.1.1466.115.121.1';
/** The test schema with a sync agreement class, so that the catalog and the schema both judge an agreement's lines. */
const schema = buildSchema(
  {
    ...DEFINITIONS,
    attributeTypes: [
      ...DEFINITIONS.attributeTypes,
      `( 9.9.9.30 NAME 'winSyncMoveAction' SYNTAX ${DS}.15 SINGLE-VALUE )`,
    ],
    objectClasses: [
      ...DEFINITIONS.objectClasses,
      `( 9.9.9.31 NAME 'nsDSWindowsReplicationAgreement' SUP top STRUCTURAL MUST cn MAY ( winSyncMoveAction $ description ) )`,
    ],
  },
  SERVER,
);
/** A record above the others, and an edit inside it that adds a line: the records below move, untouched. */
const FIRST = 'dn: cn=first,dc=example\nchangetype: modify\nreplace: description\ndescription: a\n-\n\n';
const ADDED = 'description: b\n';
const EDIT_AT = FIRST.indexOf('-\n');
/** The text after the edit, and the edit as the editor reports it. */
const withLineAdded = (text: string) => ({
  text: FIRST.slice(0, EDIT_AT) + ADDED + text.slice(EDIT_AT),
  change: { start: EDIT_AT, oldEnd: EDIT_AT, newEnd: EDIT_AT + ADDED.length },
});
const PERSON = 'dn: cn=p,dc=example\nchangetype: add\nobjectClass: person\nsn: p\nmail: p@example.com\n';
const AGREEMENT = [
  'dn: cn=ad,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
  'objectClass: top',
  'objectClass: nsDSWindowsReplicationAgreement',
  'cn: ad',
  'winSyncMoveActon: none',
  'winSyncMoveAction: none',
  'winSyncMoveAction: delete',
  '',
].join('\n');

test('schema diagnostics move with their record when an edit above adds a line, as a fresh parse has them', () => {
  const text = `${FIRST}${PERSON}`;
  const before = service.parse(text);
  const schemaLines = (diagnostics: readonly Diagnostic[]) =>
    diagnostics.filter((d) => d.code.startsWith('schema/')).map((d) => [d.code, d.range.start.line]);
  assert.deepEqual(schemaLines(service.validate(before, {}, schema)), [['schema/not-allowed', 10]]);
  const edited = withLineAdded(text);
  const after = service.parse(edited.text, before, edited.change);
  const diagnostics = service.validate(after, {}, schema);
  assert.deepEqual(schemaLines(diagnostics), [['schema/not-allowed', 11]]);
  assert.deepEqual(diagnostics, service.validate(service.parse(edited.text), {}, schema));
});

test("a record checked before the schema came and moved since: the catalog's lines still get no schema diagnostic", () => {
  // On their own, the schema checks find the typo and the second value the catalog reports.
  const [view] = service.parse(AGREEMENT).views;
  const context = { catalog: service.catalog, schema };
  assert.deepEqual(
    checkRecordAgainstSchema(view, context, []).map((d) => [d.code, d.range.start.line]),
    [
      ['schema/unknown-attribute', 4],
      ['schema/single-value', 6],
    ],
  );
  const text = `${FIRST}${AGREEMENT}`;
  const before = service.parse(text);
  service.validate(before);
  const edited = withLineAdded(text);
  const after = service.parse(edited.text, before, edited.change);
  const diagnostics = service.validate(after, {}, schema);
  assert.deepEqual(
    diagnostics.filter((d) => d.code.startsWith('schema/')),
    [],
  );
  assert.deepEqual(diagnostics, service.validate(service.parse(edited.text), {}, schema));
  assert.ok(diagnostics.some((d) => d.code === 'winsync/unknown-attribute' && d.range.start.line === 11));
});

test('a text parsed afresh is checked before its tree is read, and the tree read later gives the same diagnostics and records', () => {
  // Mixed records, a value read from a file, a winsync entry and an agreement that the checks across records compare.
  const text = `${BASE}\n${FIRST}${PERSON}\ndn: cn=photo,dc=example\njpegPhoto:< file:///tmp/photo.jpg\n\n${AGREEMENT}`;
  for (const withSchema of [undefined, schema]) {
    const checkedFirst = service.parse(text);
    const diagnostics = service.validate(checkedFirst, {}, withSchema);
    const readFirst = service.parse(text);
    const records = readFirst.ldif.records;
    assert.deepEqual(diagnostics, service.validate(readFirst, {}, withSchema));
    assert.ok(diagnostics.some((d) => d.code === 'ldif/mixed-records'));
    assert.deepEqual(plainData(checkedFirst.ldif), plainData(readFirst.ldif));
    assert.equal(records.length, 7);
    // A document keeps the records it handed out: what the server reads files for is what its tree has.
    const [photo] = checkedFirst.recordsWith(RecordTraits.urlValue);
    assert.equal(photo, checkedFirst.ldif.records[5]);
    assert.equal(photo.dn?.value, 'cn=photo,dc=example');
  }
});

test('an edit after the first check of a text parsed afresh gives what a fresh parse gives, its tree unread meanwhile', () => {
  const text = `${FIRST}${AGREEMENT}\n${PERSON}`;
  const before = service.parse(text);
  service.validate(before, {}, schema);
  const edited = withLineAdded(text);
  const after = service.parse(edited.text, before, edited.change);
  const diagnostics = service.validate(after, {}, schema);
  assert.deepEqual(diagnostics, service.validate(service.parse(edited.text), {}, schema));
  assert.deepEqual(service.validate(after), service.validate(service.parse(edited.text)));
  assert.deepEqual(plainData(after.ldif), plainData(service.parse(edited.text).ldif));
});

test('lineText and lineTexts give each physical line of the text ("" for a blank one between blocks)', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        ldifDocument.map(({ text }) => text),
        hostileText,
      ),
      (text) => {
        const document = service.parse(text);
        const physical = text.split('\n').map((line, i, all) => (i < all.length - 1 ? line.replace(/\r$/, '') : line));
        const count = document.lineCount;
        const each = Array.from({ length: count }, (_, line) => document.lineText(line));
        assert.deepEqual(document.lineTexts(0, count - 1), each);
        each.forEach((line, i) =>
          assert.ok(line === physical[i] || (line === '' && physical[i].trim() === ''), `line ${i}`),
        );
        assert.equal(document.lineText(count + 3), '');
      },
    ),
    { numRuns: 200 },
  );
});

test('lineTexts of a record of 100,000 lines reads its block once', () => {
  const text = `dn: cn=g,dc=example,dc=com\nchangetype: modify\nadd: member\n${Array.from({ length: 100_000 }, (_, i) => `member: uid=m${i},dc=example,dc=com`).join('\n')}\n-\n`;
  const document = service.parse(text);
  const started = performance.now();
  const lines = document.lineTexts(0, 100_003);
  // Reading the block per line took minutes; reading it once takes milliseconds.
  assert.ok(performance.now() - started < 2_000, `${performance.now() - started} ms`);
  assert.equal(lines[50_003], 'member: uid=m50000,dc=example,dc=com');
  assert.equal(lines[100_004 - 1], '-');
});

/** An add that 389-DS refuses for two problems: the message of the one it meets second names the line of the first. */
const TWO_PROBLEMS = 'dn: cn=q,dc=example\nchangetype: add\nobjectClass: person\ncn: q\nmail: q@example.com\n';

test('a schema message naming the line of the problem 389-DS meets first stays true when lines are added above', () => {
  const text = `${FIRST}${TWO_PROBLEMS}`;
  const before = service.parse(text);
  const found = service.validate(before, {}, schema).filter((d) => d.code.startsWith('schema/'));
  assert.equal(found.length, 2);
  assert.match(found[1].message, /another problem first \(schema\/missing-must, line 3 of this record\)/);
  const edited = withLineAdded(text);
  const after = service.parse(edited.text, before, edited.change);
  assert.deepEqual(service.validate(after, {}, schema), service.validate(service.parse(edited.text), {}, schema));
});

/** Offsets where a block may start: the text's start, its end, and after each blank line. */
function blockStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 1)) starts.push(at + 2);
  starts.push(text.length);
  return [...new Set(starts)];
}

/** An agreement that a check across records reports on (winsync/subtree-pair-overrides). */
const PAIRED = [
  'dn: cn=paired,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
  'objectClass: nsDSWindowsReplicationAgreement',
  'cn: paired',
  'winSyncSubtreePair: ou=People,dc=example,dc=com:OU=Users,DC=ad,DC=example,DC=com',
  'nsds7WindowsReplicaSubtree: cn=users,dc=ad,dc=example,dc=com',
  '',
].join('\n');

/** Records whose checks find something, for the texts the paste test copies from. */
const FINDINGS = [
  BASE,
  FIRST,
  PERSON,
  TWO_PROBLEMS,
  AGREEMENT,
  PAIRED,
  'dn: cn=photo,dc=example\njpegPhoto:< file:///tmp/photo.jpg\n',
  '# a note\n',
];

/**
 * Pastes `pasted` into `text` at `where`, then undoes and redoes the paste, each version parsed
 * from the one before: each must be checked as a fresh parse of its text is, with the schema or
 * without, and the redo's tree must be a fresh parse's. A redo checked without the schema is
 * checked with it too: the blocks that took their findings without a parse are parsed for its rules.
 */
function assertPasteUndoRedo(text: string, where: number, pasted: string, withSchema: boolean): void {
  const pastedText = text.slice(0, where) + pasted + text.slice(where);
  const paste = { start: where, oldEnd: where, newEnd: where + pasted.length };
  const undo = { start: where, oldEnd: where + pasted.length, newEnd: where };
  const used = withSchema ? schema : undefined;
  const fresh = (edited: string, using = used) => service.validate(service.parse(edited), {}, using);
  const original = service.parse(text);
  service.validate(original, {}, used);
  const afterPaste = service.parse(pastedText, original, paste);
  assert.deepEqual(service.validate(afterPaste, {}, used), fresh(pastedText));
  const afterUndo = service.parse(text, afterPaste, undo);
  assert.deepEqual(service.validate(afterUndo, {}, used), fresh(text));
  const afterRedo = service.parse(pastedText, afterUndo, paste);
  assert.deepEqual(service.validate(afterRedo, {}, used), fresh(pastedText));
  if (!withSchema) assert.deepEqual(service.validate(afterRedo, {}, schema), fresh(pastedText, schema));
  assert.deepEqual(plainData(afterRedo.ldif), plainData(service.parse(pastedText).ldif));
}

test('a paste of blocks found elsewhere in the document, and its undo and redo, give what a fresh parse gives', () => {
  const texts = fc.oneof(
    ldifDocument.map(({ text }) => text),
    fc.shuffledSubarray(FINDINGS, { minLength: 2 }).map((records) => records.join('\n')),
  );
  fc.assert(
    fc.property(texts, fc.nat(), fc.nat(), fc.nat(), fc.boolean(), (text, from, to, at, withSchema) => {
      const starts = blockStarts(text);
      const [start, end] = [starts[from % starts.length], starts[to % starts.length]].sort((a, b) => a - b);
      const pasted = text.slice(start, end);
      assertPasteUndoRedo(text, starts[at % starts.length], pasted, withSchema);
    }),
    { numRuns: 300 },
  );
});

test('a copy of a version: block pasted at the start of the file is parsed there, not given the findings of the copy', () => {
  const text = 'dn: cn=a,dc=example\ncn: a\n\nversion: 1\n\ndn: cn=b,dc=example\ncn: b\n';
  const copied = text.slice(text.indexOf('version'));
  const pastedText = `${copied}\n${text}`;
  const original = service.parse(text);
  const found = service.validate(original);
  assert.ok(found.length > 0, 'a version: line after a record is a finding');
  const afterPaste = service.parse(pastedText, original, { start: 0, oldEnd: 0, newEnd: copied.length + 1 });
  assert.deepEqual(service.validate(afterPaste), service.validate(service.parse(pastedText)));
});

test('a paste of records new to the document, quiet ones among them, and its undo and redo, give what a fresh parse gives', () => {
  const documents = fc.oneof(
    ldifDocument.map(({ text }) => text),
    nearlyQuietText,
    fc.shuffledSubarray(FINDINGS, { minLength: 1 }).map((records) => records.join('\n')),
  );
  fc.assert(
    fc.property(documents, nearlyQuietText, fc.nat(), fc.boolean(), (text, records, at, withSchema) => {
      const starts = blockStarts(text);
      // After a blank line, so that the records are blocks of their own.
      assertPasteUndoRedo(text, starts[at % starts.length], `${records}\n`, withSchema);
    }),
    { numRuns: 300 },
  );
});

test('after hundreds of edits, a paste of blocks copied from the document still gives what a fresh parse gives', () => {
  const text = FINDINGS.join('\n');
  const typedAt = text.indexOf('mail: p@') + 'mail: p'.length;
  let document = service.parse(text);
  service.validate(document, {}, schema);
  // Edits made and taken back, the record between them changed: the checked texts are gathered again meanwhile.
  for (let i = 0; i < 300; i++) {
    const typed = `${text.slice(0, typedAt)}x${text.slice(typedAt)}`;
    document = service.parse(typed, document, { start: typedAt, oldEnd: typedAt, newEnd: typedAt + 1 });
    service.validate(document, {}, schema);
    if (i % 100 === 50) {
      const pasted = `${typed}\n${typed}`;
      const paste = { start: typed.length, oldEnd: typed.length, newEnd: pasted.length };
      const afterPaste = service.parse(pasted, document, paste);
      assert.deepEqual(service.validate(afterPaste, {}, schema), service.validate(service.parse(pasted), {}, schema));
    }
    document = service.parse(text, document, { start: typedAt, oldEnd: typedAt + 1, newEnd: typedAt });
    service.validate(document, {}, schema);
  }
});
