import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLdif } from '../../../server/src/engine/ldif/parser';
import type { LdifDocument } from '../../../server/src/engine/ldif/ast';

const codes = (doc: LdifDocument) => doc.problems.map((p) => p.code);
const lines = (...text: string[]) => text.join('\n') + '\n';

describe('content records', () => {
  test('reads version, comments, attributes with options and every value encoding', () => {
    const doc = parseLdif(
      lines(
        'version: 1',
        '# a comment that is',
        '  folded',
        'dn: cn=Barbara Jensen,dc=example,dc=com',
        'objectclass: person',
        'cn;lang-en: Barbara',
        'description:: w6l0w6k=',
        'jpegphoto:< file:///tmp/photo.jpg',
        'empty:',
      ),
    );
    assert.deepEqual(codes(doc), []);
    assert.equal(doc.version?.version, '1');
    assert.equal(doc.records[0].comments[0].text, ' a comment that is folded');
    const [record] = doc.records;
    assert.equal(record.kind, 'content');
    assert.equal(record.dn?.value, 'cn=Barbara Jensen,dc=example,dc=com');
    const [oc, cn, description, photo, empty] = record.attributes;
    assert.equal(oc.value, 'person');
    assert.deepEqual([cn.name, cn.options, cn.description], ['cn', ['lang-en'], 'cn;lang-en']);
    assert.deepEqual([description.encoding, description.value], ['base64', 'été']);
    assert.deepEqual([photo.encoding, photo.value], ['url', 'file:///tmp/photo.jpg']);
    assert.deepEqual([empty.value, empty.rawValue], ['', '']);
  });

  test('maps a folded value back to its physical lines', () => {
    const doc = parseLdif(lines('dn: cn=x', 'description: abc', ' def', '  ghi'));
    const value = doc.records[0].attributes[0];
    assert.equal(value.value, 'abcdef ghi');
    assert.deepEqual(value.valueRange, { start: { line: 1, character: 13 }, end: { line: 3, character: 5 } });
    assert.deepEqual(value.nameRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
  });

  test('keeps CRLF line ends out of values and reports the file as CRLF', () => {
    const doc = parseLdif('dn: cn=x\r\ncn: x\r\n\r\ndn: cn=y\r\ncn: y\r\n');
    assert.equal(doc.eol, '\r\n');
    assert.deepEqual(
      doc.records.map((r) => r.attributes[0].value),
      ['x', 'y'],
    );
    assert.deepEqual(doc.records[1].range.start, { line: 3, character: 0 });
  });

  test('a base64 value that is not UTF-8 keeps its bytes and has no text', () => {
    const doc = parseLdif(lines('dn: cn=x', 'photo:: /9j/4A=='));
    const photo = doc.records[0].attributes[0];
    assert.equal(photo.value, undefined);
    assert.deepEqual([...(photo.bytes ?? [])], [0xff, 0xd8, 0xff, 0xe0]);
  });
});

describe('change records', () => {
  test('modify: mod-specs with and without the final "-"', () => {
    const doc = parseLdif(
      lines(
        'dn: cn=ipa-winsync,cn=plugins,cn=config',
        'changetype: modify',
        'replace: ipaWinSyncAcctDisable',
        'ipaWinSyncAcctDisable: none',
        '-',
        'add: ipaWinSyncUserAttr',
        'ipaWinSyncUserAttr: uidNumber -1',
        'ipaWinSyncUserAttr: gidNumber -1',
        '-',
        'delete: ipaWinSyncForceSync',
      ),
    );
    assert.deepEqual(codes(doc), []);
    const specs = doc.records[0].modifications;
    assert.deepEqual(
      specs.map((s) => [s.op, s.attribute, s.values.map((v) => v.value), s.terminator !== undefined]),
      [
        ['replace', 'ipaWinSyncAcctDisable', ['none'], true],
        ['add', 'ipaWinSyncUserAttr', ['uidNumber -1', 'gidNumber -1'], true],
        ['delete', 'ipaWinSyncForceSync', [], false],
      ],
    );
  });

  test('unknown mod-op, stray dash and missing attribute name', () => {
    const doc = parseLdif(lines('dn: cn=x', 'changetype: modify', 'change: a', 'a: 1', '-', '-', 'replace:'));
    assert.deepEqual(codes(doc).sort(), ['ldif/missing-mod-attribute', 'ldif/stray-dash', 'ldif/unknown-mod-op']);
  });

  test('modrdn and moddn with newrdn, deleteoldrdn and newsuperior', () => {
    const doc = parseLdif(
      lines(
        'dn: uid=jdoe,ou=People,dc=example,dc=com',
        'changetype: modrdn',
        'newrdn: uid=jdoe2',
        'deleteoldrdn: 1',
        'newsuperior: ou=Staff,dc=example,dc=com',
        '',
        'dn: uid=a,dc=example,dc=com',
        'changetype: moddn',
        'newrdn: uid=b',
        'deleteoldrdn: 0',
      ),
    );
    assert.deepEqual(codes(doc), []);
    const [first, second] = doc.records;
    assert.deepEqual(
      [first.kind, first.newRdn?.value, first.deleteOldRdn?.value, first.newSuperior?.value],
      ['modrdn', 'uid=jdoe2', '1', 'ou=Staff,dc=example,dc=com'],
    );
    assert.equal(second.kind, 'moddn');
  });

  test('modrdn problems: missing deleteoldrdn, bad value, lines out of order', () => {
    assert.deepEqual(codes(parseLdif(lines('dn: uid=a,dc=x', 'changetype: modrdn', 'newrdn: uid=b'))), [
      'ldif/missing-deleteoldrdn',
    ]);
    assert.deepEqual(
      codes(parseLdif(lines('dn: uid=a,dc=x', 'changetype: modrdn', 'newrdn: uid=b', 'deleteoldrdn: yes'))),
      ['ldif/invalid-deleteoldrdn'],
    );
    assert.deepEqual(
      codes(parseLdif(lines('dn: uid=a,dc=x', 'changetype: modrdn', 'deleteoldrdn: 1', 'newrdn: uid=b'))).sort(),
      ['ldif/missing-newrdn', 'ldif/unexpected-modrdn-line'],
    );
  });

  test('controls before changetype, with criticality and value', () => {
    const doc = parseLdif(
      lines(
        'dn: ou=old,dc=example,dc=com',
        'control: 1.2.840.113556.1.4.805 true',
        'control: 1.3.6.1.1.13.1 false:: AAE=',
        'changetype: delete',
      ),
    );
    assert.deepEqual(codes(doc), []);
    const [tree, read] = doc.records[0].controls;
    assert.deepEqual([tree.oid, tree.critical, tree.value], ['1.2.840.113556.1.4.805', true, undefined]);
    assert.deepEqual(
      [read.oid, read.critical, read.valueEncoding, [...(read.bytes ?? [])]],
      ['1.3.6.1.1.13.1', false, 'base64', [0, 1]],
    );
  });

  test('"control:" after dn: in a content record is an ordinary attribute', () => {
    const doc = parseLdif(lines('dn: cn=x', 'control: something', 'cn: x'));
    assert.deepEqual(codes(doc), []);
    assert.equal(doc.records[0].attributes[0].name, 'control');
  });
});

describe('syntax problems', () => {
  test('a record without dn: and a line without a colon', () => {
    const doc = parseLdif(lines('cn: x', 'no colon here'));
    assert.deepEqual(codes(doc).sort(), ['ldif/missing-colon', 'ldif/missing-dn']);
  });

  test('invalid attribute names, base64 and URLs', () => {
    const doc = parseLdif(lines('dn: cn=x', 'bad name: 1', 'cn:: ***', 'a:< not a url', 'b:< http://example.com/x'));
    assert.deepEqual(codes(doc), [
      'ldif/invalid-attribute-description',
      'ldif/invalid-base64',
      'ldif/invalid-url',
      'ldif/unsupported-url-scheme',
    ]);
  });

  test('a continuation after a blank line has nothing to continue', () => {
    const doc = parseLdif(lines('dn: cn=x', 'cn: x', '', ' stray'));
    assert.deepEqual(codes(doc), ['ldif/orphan-continuation']);
    assert.deepEqual(doc.problems[0].range.start, { line: 3, character: 0 });
  });

  test('versions other than 1, and version: after the first record', () => {
    assert.deepEqual(codes(parseLdif(lines('version: 2', '', 'dn: cn=x', 'cn: x'))), ['ldif/unsupported-version']);
    const late = parseLdif(lines('dn: cn=x', 'cn: x', '', 'version: 1'));
    assert.deepEqual(codes(late), ['ldif/missing-dn']);
  });

  test('a line of tabs between records is reported, and still separates them', () => {
    const doc = parseLdif('dn: cn=a\ncn: a\n\t\ndn: cn=b\ncn: b\n');
    assert.deepEqual(codes(doc), ['ldif/whitespace-line']);
    assert.equal(doc.records.length, 2);
  });

  test('OpenLDAP include: blocks are information, not records', () => {
    const doc = parseLdif(lines('include: file:///etc/ldap/schema/core.ldif', '', 'dn: cn=x', 'cn: x'));
    assert.deepEqual(codes(doc), ['ldif/include-directive']);
    assert.equal(doc.records.length, 1);
  });

  test('never throws, whatever the text', () => {
    const samples = [
      '',
      '\n',
      '\r',
      ':',
      '::',
      ' ',
      '-',
      'dn::',
      'dn:<',
      '\u0000',
      'dn: x\n-\n-',
      '\ud800',
      'a'.repeat(5000),
    ];
    for (const sample of samples) assert.doesNotThrow(() => parseLdif(sample), JSON.stringify(sample));
  });
});

test('version: may follow a leading comment block', () => {
  const doc = parseLdif(lines('# licence', '', 'version: 1', '', 'dn: cn=x', 'cn: x'));
  assert.deepEqual(codes(doc), []);
  assert.equal(doc.version?.version, '1');
});
