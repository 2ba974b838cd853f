/**
 * Values and whether 389-DS 2.3.1 accepts them, per syntax. The unit tests hold the validators
 * to this table; the integration tests add each value to the real server and hold the table to
 * what the server answers (21 or success), so the validators match the server, quirks included.
 */
import type { SYNTAX } from '../../../server/src/engine/schema/syntaxes';

export type SyntaxName = keyof typeof SYNTAX;

export const SYNTAX_CASES: Readonly<Partial<Record<SyntaxName, readonly (readonly [string, boolean])[]>>> = {
  integer: [
    ['0', true], ['42', true], ['-7', true], ['99999999999999999999999', true],
    ['abc', false], ['007', false], ['+5', false], ['-0', false], ['1 ', false], ['', false], ['-', false], ['1.5', false],
  ],
  boolean: [
    ['TRUE', true], ['FALSE', true], ['true', false], ['yes', false], ['True', false], ['TRUE ', false], ['', false],
  ],
  dn: [
    ['cn=a,dc=b', true], ['', true], ['cn = a , dc=b', true], [' cn=a', true], ['cn=a;dc=b', true], ['cn="a,b",dc=c', true],
    ['cn=a+sn=b,dc=c', true], ['cn=a\\,b,dc=c', true], ['cn=a\\2Cb,dc=c', true], ['CN=A,DC=B', true], ['1.2.3=#0101', true],
    ['cn=a,dc=b ', true], ['cn=a b,dc=c', true], ['cn=a=b', true], ['cn=a#b', true], ['cn=é,dc=b', true], ['cn=a\\zz', true],
    ['cn=a  ,  dc=b', true], ['cn =a', true], ['cn=a\\4z', true], ['cn=a, dc=b', true], ['cn="a"', true], ['cn=" a"', true],
    ['cn=a\\ ', true], ['cn=\\ a', true], ['cn= a', true], ['uid=x;ou=y', true], ['cn=a+sn=b;dc=c', true], ['cn=x\\3', true],
    ['cn=#04024869', false], ['cn=a,', false], [',cn=a', false], ['cn=,dc=b', false], ['cn', false], ['=a', false], ['notadn', false],
    ['cn=a\\', false], ['dc=b,cn=<x>', false], ['cn=a,dc=b,', false], ['cn=a;', false], ['c n=a', false], ['cn=#zz', false],
    ['2.5.4.3=a', false], ['cn=a,,dc=b', false], ['cn=a+', false], ['cn=a+,dc=b', false], ['cn=a,dc=b;', false],
  ],
  generalizedTime: [
    ['20240101120000Z', true], ['2024010112Z', true], ['202401011230Z', true], ['20240101123059.5Z', true], ['20240101123060Z', true],
    ['20240101120000+0130', true], ['20240101120000-05', true], ['20240101120000,123Z', true],
    ['2024', false], ['20240101', false], ['20240101120000', false], ['20241301120000Z', false], ['20240132120000Z', false],
    ['20240101240000Z', false], ['20240101126000Z', false], ['20240101120000z', false], ['20240101120000+24', false],
    ['20240101120000+0160', false], ['20240101120000.Z', false],
  ],
  oid: [
    ['cn', true], ['2.5.4.3', true], ['a-b', true], ['0.0', true],
    ['1..2', false], ['1.02', false], ['1', false], ['1.', false], ['_x', false], ['x_y', false], ['', false],
  ],
  ia5String: [['abc', true], ['', true], ['tab\there', true], ['é@x', false]],
  directoryString: [['x', true], ['é', true], [' ', true], ['', false]],
  printableString: [["Ab 0'()+,-./:=?", true], ['a@b', false], ['', false], ['é', false]],
  telephoneNumber: [['call me', true], ['+1 555 0100', true], ['', false], ['555#1', false]],
  countryString: [['US', true], ['USA', false], ['u', false], ['é1', false], ['', false]],
  numericString: [['12 34', true], ['', true], ['12a', false]],
  postalAddress: [['a$b', true], ['a$$b', true], ['$', true], ['a\\24b', true], ['a\\5cb', true], ['a\\x', false], ['a\\', false], ['', false]],
  bitString: [["'0101'B", true], ["'B", true], ["'012'B", false], ['0101', false]],
  nameAndOptionalUid: [
    ['cn=a,dc=b', true], ["cn=a,dc=b#'0101'B", true], ["cn=a#'01'B", true], ['uid=a, ou=b, dc=c', true], ['cn = a , dc=b', true],
    ["cn=a, dc=b#'0101'B", true], [' cn=a', true], ['cn=a;dc=b', true], ['cn="a,b",dc=c', true], ['cn=a\\zz', true], ["cn=a#'0101'b", true],
    ['uid=fr1, ou=En Français, o=Çéliné Ändrè', true],
    ['notadn', false], ['', false], ['cn=a,,dc=b', false], ["cn=a #'01'B", false], ['cn=#04', false],
  ],
  deliveryMethod: [['any', true], ['telephone $ g3fax', true], ['any$$mhs', true], ['any $ $ mhs', false], ['fax', false], ['any ', false], ['', false]],
  facsimile: [['+1 555 0100', true], ['+1 555$fineResolution', true], ['+1$bad', false], ['$x', false], ['1$', false]],
  telexNumber: [['1234$US$ab', true], ['1234$US', false], ['$US$ab', false], ['1$2$', false], ['1$2$3$4', false]],
  teletexTerminalIdentifier: [['abc', true], ['abc$graphic:x', true], ['abc$misc:a\\24b', true], ['abc$bogus:x', false], ['$x', false]],
};
