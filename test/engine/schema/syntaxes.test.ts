import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isDistinguishedName,
  isDistinguishedNameByRdns,
  serverNormalizedDn,
  serverTraits,
  SYNTAX,
  syntaxRule,
} from '../../../server/src/engine/schema/syntaxes';
import { SYNTAX_CASES, type SyntaxName } from './syntaxCases';

const V2_3_1 = serverTraits('389-Directory/2.3.1 B2025.016.1616');

describe('value syntaxes as 389-DS 2.3.1 checks them', () => {
  for (const [name, cases] of Object.entries(SYNTAX_CASES) as [SyntaxName, readonly (readonly [string, boolean])[]][]) {
    test(`${name}: ${cases.filter(([, ok]) => ok).length} accepted, ${cases.filter(([, ok]) => !ok).length} refused`, () => {
      const rule = syntaxRule(SYNTAX[name]);
      assert.ok(rule, `no rule for ${name}`);
      const wrong = cases
        .filter(([value, ok]) => rule.accepts(value, V2_3_1) !== ok)
        .map(([value, ok]) => `${JSON.stringify(value)} should be ${ok ? 'accepted' : 'refused'}`);
      assert.deepEqual(wrong, []);
    });
  }

  test('bytes that are not UTF-8 (a base64 value) fail every checked syntax', () => {
    for (const name of Object.keys(SYNTAX_CASES) as SyntaxName[])
      assert.equal(syntaxRule(SYNTAX[name])?.accepts(undefined, V2_3_1), false, name);
  });

  test('syntaxes the server does not check have no rule (Octet String, Binary, JPEG)', () => {
    for (const oid of [
      '1.3.6.1.4.1.1466.115.121.1.40',
      '1.3.6.1.4.1.1466.115.121.1.5',
      '1.3.6.1.4.1.1466.115.121.1.28',
      undefined,
    ])
      assert.equal(syntaxRule(oid), undefined);
  });
});

describe('Booleans by server version (389-DS issue 5497)', () => {
  const boolean = syntaxRule(SYNTAX.boolean)!;
  test('2.3.3, 2.2.8, 1.4.4.20 and 2.4+ ignore case; 2.3.1, 2.2.7, 1.4.3.34 do not; unknown versions are read strictly', () => {
    for (const version of ['2.3.3', '2.2.8', '1.4.4.20', '1.4.3.35', '2.0.20', '2.1.8', '2.4.0', '3.0.1']) {
      assert.equal(serverTraits(`389-Directory/${version} B2024.1`).booleanIgnoresCase, true, version);
      assert.equal(boolean.accepts('true', serverTraits(`389-Directory/${version}`)), true, version);
    }
    for (const version of ['2.3.1', '2.3.2', '2.2.7', '1.4.4.19', '1.4.3.34', '2.0.19', '1.3.10.2']) {
      assert.equal(serverTraits(`389-Directory/${version} B2024.1`).booleanIgnoresCase, false, version);
    }
    assert.equal(serverTraits(undefined).booleanIgnoresCase, undefined);
    assert.equal(serverTraits('OpenLDAP').booleanIgnoresCase, undefined);
    assert.equal(boolean.accepts('true', serverTraits(undefined)), false);
    assert.equal(boolean.accepts('yes', serverTraits('389-Directory/2.4.0')), false);
  });
});

describe('DN values are read as the server rewrites them', () => {
  test('spaces around separators and at the ends go, ; becomes a comma, quoted values are escaped', () => {
    assert.equal(serverNormalizedDn('cn = a , dc=b'), 'cn=a,dc=b');
    assert.equal(serverNormalizedDn('uid=x;ou=y'), 'uid=x,ou=y');
    assert.equal(serverNormalizedDn('cn="a,b",dc=c'), 'cn=a\\2Cb,dc=c');
    assert.equal(serverNormalizedDn('cn=a\\zz'), 'cn=azz');
    assert.equal(serverNormalizedDn('cn=a\\41'), 'cn=aA');
    assert.equal(serverNormalizedDn('cn=a\\2C b'), 'cn=a\\2C b');
  });
  test('a type with a quote or separator, or a value ending in a backslash, makes the server give up', () => {
    assert.equal(serverNormalizedDn('c"n=a'), undefined);
    assert.equal(serverNormalizedDn('cn=a\\'), undefined);
    assert.equal(serverNormalizedDn('cn=,dc=b'), undefined);
  });
});

test('the regular expression for plain DNs finds valid only the DNs that the reading RDN by RDN finds valid', () => {
  const valuePiece = fc.constantFrom('a', 'x.y', ' ', '#', '=', '\\', '\\2C', '"', ';', '<', '>', '+', 'é', '\n', '-');
  const rdn = fc
    .tuple(fc.constantFrom('cn', 'uid', 'o-u', '1.2', 'A', '', '2x', 'c n'), fc.array(valuePiece, { maxLength: 5 }))
    .map(([type, value]) => `${type}=${value.join('')}`);
  const dn = fc
    .tuple(fc.array(rdn, { maxLength: 5 }), fc.constantFrom(',', ',', '+', ', ', ';'))
    .map(([rdns, separator]) => rdns.join(separator));
  fc.assert(
    fc.property(dn, (text) => {
      assert.equal(isDistinguishedName(text), isDistinguishedNameByRdns(text), JSON.stringify(text));
    }),
    { numRuns: 50_000 },
  );
  for (const text of [
    'uid=a.b,cn=users,dc=example,dc=com',
    'cn=a ,dc=b',
    'cn=#a',
    'cn=a,dc=#b',
    'cn=a=b',
    'cn=a ',
    'cn=é',
  ])
    assert.equal(isDistinguishedName(text), isDistinguishedNameByRdns(text), text);
});
