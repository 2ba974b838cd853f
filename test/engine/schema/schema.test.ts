import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema, schemaFingerprint } from '../../../server/src/engine/schema/schema';
import { DEFINITIONS, fixtureSchema } from './fixture';

describe('the indexed schema', () => {
  const schema = fixtureSchema();

  test('types and classes are found by any name or the OID, without case', () => {
    assert.equal(schema.attributeType('COMMONNAME')?.name, 'cn');
    assert.equal(schema.attributeType('2.5.4.3')?.name, 'cn');
    assert.equal(schema.attributeType('testlevel-OID')?.name, 'testLevel');
    assert.equal(schema.objectClass('inetorgperson')?.name, 'inetOrgPerson');
    assert.equal(schema.objectClass('2.5.6.6')?.name, 'person');
    assert.equal(schema.attributeType('nosuch'), undefined);
  });

  test('syntax and equality rule are inherited along SUP; SINGLE-VALUE is not', () => {
    const cn = schema.attributeType('cn')!;
    assert.equal(cn.superior?.name, 'name');
    assert.equal(cn.syntax, '1.3.6.1.4.1.1466.115.121.1.15');
    assert.equal(cn.equality, 'caseIgnoreMatch');
    assert.equal(schema.attributeType('c')?.syntax, '1.3.6.1.4.1.1466.115.121.1.11');
    assert.equal(schema.attributeType('seeAlso')?.equality, 'distinguishedNameMatch');
  });

  test("a class requires its own MUST, then its first superior's, as 389-DS lists them", () => {
    assert.deepEqual(schema.objectClass('inetOrgPerson')?.required, ['sn', 'cn', 'objectClass']);
    assert.deepEqual(schema.objectClass('inetOrgPerson')?.allowed, [
      'mail',
      'uid',
      'c',
      'description',
      'seeAlso',
      'telephoneNumber',
    ]);
    assert.equal(schema.allows(schema.objectClass('inetOrgPerson')!, 'TELEPHONENUMBER'), true);
    assert.equal(schema.allows(schema.objectClass('person')!, 'mail'), false);
  });

  test('MUST in / MAY in: every class that needs or allows a type, inherited lists included', () => {
    const sn = schema.attributeType('sn')!;
    assert.deepEqual(
      schema.mustIn(sn).map((objectClass) => objectClass.name),
      ['person', 'organizationalPerson', 'inetOrgPerson', 'aliasLister', 'twoSuperiors'],
    );
    assert.deepEqual(
      schema.mayIn(schema.attributeType('uid')!).map((objectClass) => objectClass.name),
      ['inetOrgPerson', 'aliasLister'],
    );
    assert.deepEqual(
      schema.mustIn(schema.attributeType('uid')!).map((objectClass) => objectClass.name),
      ['account', 'posixAccount', 'twoSuperiors'],
    );
  });

  test('flags, usage, origins and deprecated aliases', () => {
    const modifyTimestamp = schema.attributeType('modifyTimestamp')!;
    assert.equal(modifyTimestamp.noUserModification, true);
    assert.equal(modifyTimestamp.operational, true);
    assert.equal(schema.attributeType('aci')?.operational, true);
    assert.deepEqual(schema.attributeType('testLevel')?.origins, ['test', 'user defined']);
    assert.ok(schema.attributeType('cn')?.deprecatedNames.has('commonname'));
  });

  test('syntax names come from ldapSyntaxes, else from RFC 4517', () => {
    assert.equal(schema.syntaxName('1.3.6.1.4.1.1466.115.121.1.27'), 'INTEGER');
    assert.equal(schema.syntaxName('1.3.6.1.4.1.1466.115.121.1.26'), 'IA5 String');
    assert.equal(schema.syntaxName('9.9.9'), undefined);
  });

  test('the fingerprint depends on the content, not on the order of the definitions', () => {
    const reversed = { ...DEFINITIONS, attributeTypes: [...DEFINITIONS.attributeTypes].reverse() };
    assert.equal(schemaFingerprint(reversed), schema.fingerprint);
    const changed = { ...DEFINITIONS, attributeTypes: [...DEFINITIONS.attributeTypes, "( 9.9.9.9 NAME 'extra' )"] };
    assert.notEqual(schemaFingerprint(changed), schema.fingerprint);
    assert.match(schema.fingerprint, /^[0-9a-f]{64}$/);
  });

  test('a SUP that is missing or loops is a problem, not a hang or a throw', () => {
    const broken = buildSchema({
      attributeTypes: ["( 1.1 NAME 'a' SUP b )", "( 1.2 NAME 'b' SUP a )", "( 1.3 NAME 'c' SUP nowhere )"],
      objectClasses: ["( 2.1 NAME 'x' SUP y )", "( 2.2 NAME 'y' SUP x )"],
    });
    assert.ok(broken.problems.some((problem) => problem.problem.includes('loops')));
    assert.ok(broken.problems.some((problem) => problem.problem.includes('nowhere is not defined')));
    assert.equal(broken.attributeTypes.length, 3);
    assert.equal(broken.objectClasses.length, 2);
  });

  test('the fixture itself reads without problems', () => {
    assert.deepEqual(schema.problems, []);
  });
});
