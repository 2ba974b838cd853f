import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDefinition } from '../../../server/src/engine/schema/parse';
import {
  readAttributeType,
  readMatchingRule,
  readObjectClass,
  type DefinitionProblem,
} from '../../../server/src/engine/schema/definitions';

describe('RFC 4512 definitions as 389-DS writes them', () => {
  test('an attribute type: names, SUP, rules, syntax, flags, usage and extensions', () => {
    const problems: DefinitionProblem[] = [];
    const type = readAttributeType(
      "( 2.5.18.2 NAME 'modifyTimestamp' EQUALITY generalizedTimeMatch ORDERING generalizedTimeOrderingMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.24 SINGLE-VALUE NO-USER-MODIFICATION USAGE directoryOperation X-ORIGIN 'RFC 4512' )",
      problems,
    );
    assert.deepEqual(problems, []);
    assert.equal(type.oid, '2.5.18.2');
    assert.deepEqual(type.names, ['modifyTimestamp']);
    assert.equal(type.equality, 'generalizedTimeMatch');
    assert.equal(type.ordering, 'generalizedTimeOrderingMatch');
    assert.equal(type.syntax, '1.3.6.1.4.1.1466.115.121.1.24');
    assert.equal(type.singleValue, true);
    assert.equal(type.noUserModification, true);
    assert.equal(type.usage, 'directoryOperation');
    assert.deepEqual(type.extensions.get('X-ORIGIN'), ['RFC 4512']);
  });

  test('a NAME list with double spaces after it, and `SUP name` (a type called name) read as values', () => {
    const type = readAttributeType(
      "( 2.5.4.3 NAME ( 'cn' 'commonName' )  SUP name X-ORIGIN 'RFC 4519' X-DEPRECATED 'commonName' )",
      [],
    );
    assert.deepEqual(type.names, ['cn', 'commonName']);
    assert.equal(type.superior, 'name');
    assert.deepEqual(type.extensions.get('X-DEPRECATED'), ['commonName']);
  });

  test('descriptor-like OIDs (nsAdminDomain-oid), a {len} bound and X-ORIGIN as a list', () => {
    const type = readAttributeType(
      "( testLevel-oid NAME 'testLevel' SYNTAX 1.3.6.1.4.1.1466.115.121.1.27{8} X-ORIGIN ( 'test' 'user defined' ) )",
      [],
    );
    assert.equal(type.oid, 'testLevel-oid');
    assert.equal(type.syntax, '1.3.6.1.4.1.1466.115.121.1.27');
    assert.equal(type.syntaxLength, 8);
    assert.deepEqual(type.extensions.get('X-ORIGIN'), ['test', 'user defined']);
  });

  test("an object class: quoted SUP 'top' (nsslapd-enquote-sup-oc), MUST/MAY lists with $, and STRUCTURAL by default", () => {
    const quoted = readObjectClass("( 1.2.3 NAME 'thing' SUP 'top' MUST ( cn $ sn ) MAY description )", []);
    assert.deepEqual(quoted.superiors, ['top']);
    assert.equal(quoted.kind, 'STRUCTURAL');
    assert.deepEqual(quoted.must, ['cn', 'sn']);
    assert.deepEqual(quoted.may, ['description']);
    assert.equal(readObjectClass("( 1.2.4 NAME 'aux' SUP top AUXILIARY )", []).kind, 'AUXILIARY');
    assert.equal(readObjectClass("( 2.5.6.0 NAME 'top' ABSTRACT MUST objectClass )", []).kind, 'ABSTRACT');
  });

  test('a DESC with a bare backslash keeps it; \\27 and \\5C are unescaped', () => {
    assert.equal(readMatchingRule("( 2.5.13.12 NAME 'x' DESC 'one \\ two' SYNTAX 1.2 )", []).description, 'one \\ two');
    assert.equal(
      readMatchingRule("( 2.5.13.13 NAME 'y' DESC 'it\\27s a \\5C' SYNTAX 1.2 )", []).description,
      "it's a \\",
    );
  });

  test('a matching rule without NAME', () => {
    const rule = readMatchingRule('( 1.3.6.1.4.1.4203.1.2.1 SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )', []);
    assert.deepEqual(rule.names, []);
    assert.equal(rule.syntax, '1.3.6.1.4.1.1466.115.121.1.15');
  });

  test('an unknown extension flag is kept as a flag, an unknown keyword with a value as a field', () => {
    const raw = parseDefinition("( 1.2.5 NAME 'z' X-FOO 'bar' Y-FLAG SUP top )");
    assert.deepEqual(raw.fields.get('X-FOO'), ['bar']);
    assert.ok(raw.flags.has('Y-FLAG'));
    assert.deepEqual(raw.fields.get('SUP'), ['top']);
    assert.deepEqual(raw.problems, []);
  });

  test('broken text is reported, never thrown', () => {
    assert.ok(parseDefinition("( 1.2.3 NAME 'unclosed ").problems.length > 0);
    assert.ok(parseDefinition("1.2.3 NAME 'x'").problems.some((problem) => problem.includes('does not start')));
    assert.ok(parseDefinition('').problems.length > 0);
    assert.ok(parseDefinition("( 1.2.3 NAME ( 'a' 'b' )").problems.some((problem) => problem.includes('does not end')));
  });
});
