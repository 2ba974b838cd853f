/**
 * A small hand-written subschema in the shape 389-DS publishes (X-ORIGIN, X-DEPRECATED,
 * `-oid` OIDs, double spaces), with definitions after RFC 4512/4519/2798. The real server's
 * schema (GPL) is read from the test instance by the integration tests, never copied here.
 */
import { buildSchema, type Schema, type SubschemaDefinitions } from '../../../server/src/engine/schema/schema';

const DS = '1.3.6.1.4.1.1466.115.121.1';

export const DEFINITIONS: SubschemaDefinitions = {
  attributeTypes: [
    `( 2.5.4.0 NAME 'objectClass' EQUALITY objectIdentifierMatch SYNTAX ${DS}.38 X-ORIGIN 'RFC 4512' )`,
    `( 2.5.4.41 NAME 'name' EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX ${DS}.15 X-ORIGIN 'RFC 4519' )`,
    `( 2.5.4.3 NAME ( 'cn' 'commonName' )  SUP name X-ORIGIN 'RFC 4519' X-DEPRECATED 'commonName' )`,
    `( 2.5.4.4 NAME ( 'sn' 'surname' )  SUP name X-ORIGIN 'RFC 4519' )`,
    `( 2.5.4.13 NAME 'description' EQUALITY caseIgnoreMatch SYNTAX ${DS}.15 X-ORIGIN 'RFC 4519' )`,
    `( 2.5.4.34 NAME 'seeAlso' SUP distinguishedName X-ORIGIN 'RFC 4519' )`,
    `( 2.5.4.49 NAME 'distinguishedName' EQUALITY distinguishedNameMatch SYNTAX ${DS}.12 X-ORIGIN 'RFC 4519' )`,
    `( 2.5.4.20 NAME 'telephoneNumber' EQUALITY telephoneNumberMatch SYNTAX ${DS}.50 X-ORIGIN 'RFC 4519' )`,
    `( 0.9.2342.19200300.100.1.1 NAME ( 'uid' 'userid' ) EQUALITY caseIgnoreMatch SYNTAX ${DS}.15 X-ORIGIN 'RFC 4519' )`,
    `( 0.9.2342.19200300.100.1.3 NAME ( 'mail' 'rfc822mailbox' ) EQUALITY caseIgnoreIA5Match SYNTAX ${DS}.26 X-ORIGIN 'RFC 4524' )`,
    `( 1.3.6.1.1.1.1.0 NAME 'uidNumber' DESC 'An integer uniquely identifying a user' EQUALITY integerMatch SYNTAX ${DS}.27 SINGLE-VALUE X-ORIGIN 'RFC 2307' )`,
    `( 1.3.6.1.1.1.1.3 NAME 'homeDirectory' EQUALITY caseExactIA5Match SYNTAX ${DS}.26 SINGLE-VALUE X-ORIGIN 'RFC 2307' )`,
    `( 2.5.4.6 NAME ( 'c' 'countryName' ) SUP name SYNTAX ${DS}.11 SINGLE-VALUE X-ORIGIN 'RFC 4519' )`,
    `( 2.5.18.2 NAME 'modifyTimestamp' EQUALITY generalizedTimeMatch SYNTAX ${DS}.24 SINGLE-VALUE NO-USER-MODIFICATION USAGE directoryOperation X-ORIGIN 'RFC 4512' )`,
    `( 2.16.840.1.113730.3.1.55 NAME 'aci' DESC 'access control information' SYNTAX ${DS}.15 USAGE directoryOperation X-ORIGIN 'Netscape Directory Server' )`,
    `( 9.9.9.1 NAME 'testFlag' DESC 'a Boolean for the tests' SYNTAX ${DS}.7 SINGLE-VALUE X-ORIGIN 'test' )`,
    `( 9.9.9.2 NAME 'testWhen' SYNTAX ${DS}.24 X-ORIGIN 'test' )`,
    `( testLevel-oid NAME 'testLevel' SYNTAX ${DS}.27{8} SINGLE-VALUE X-ORIGIN ( 'test' 'user defined' ) )`,
  ],
  objectClasses: [
    `( 2.5.6.0 NAME 'top' ABSTRACT MUST objectClass X-ORIGIN 'RFC 4512' )`,
    `( 2.5.6.6 NAME 'person' SUP top STRUCTURAL MUST ( sn $ cn ) MAY ( description $ seeAlso $ telephoneNumber ) X-ORIGIN 'RFC 4519' )`,
    `( 2.5.6.7 NAME 'organizationalPerson' SUP person STRUCTURAL MAY ( c ) X-ORIGIN 'RFC 4519' )`,
    `( 2.16.840.1.113730.3.2.2 NAME 'inetOrgPerson' SUP organizationalPerson STRUCTURAL MAY ( mail $ uid ) X-ORIGIN 'RFC 2798' )`,
    `( 0.9.2342.19200300.100.4.5 NAME 'account' SUP top STRUCTURAL MUST uid MAY ( description $ seeAlso ) X-ORIGIN 'RFC 4524' )`,
    `( 1.3.6.1.4.1.1466.101.120.111 NAME 'extensibleObject' SUP top AUXILIARY X-ORIGIN 'RFC 4512' )`,
    `( 1.3.6.1.1.1.2.0 NAME 'posixAccount' DESC 'Abstraction of an account with POSIX attributes' SUP top AUXILIARY MUST ( cn $ uid $ uidNumber $ homeDirectory ) MAY description X-ORIGIN 'RFC 2307' )`,
    `( 9.9.9.10 NAME 'aliasLister' SUP top STRUCTURAL MUST ( commonName $ surname ) MAY userid X-ORIGIN 'another server' )`,
    `( 9.9.9.11 NAME 'twoSuperiors' SUP ( person $ account ) STRUCTURAL X-ORIGIN 'another server' )`,
    `( testThing-oid NAME 'testThing' SUP 'top' STRUCTURAL MUST ( cn $ testLevel ) MAY ( testFlag $ testWhen $ description ) X-ORIGIN ( 'test' 'user defined' ) )`,
  ],
  ldapSyntaxes: [
    `( ${DS}.7 DESC 'Boolean' )`,
    `( ${DS}.15 DESC 'Directory String' )`,
    `( ${DS}.27 DESC 'INTEGER' )`,
    `( ${DS}.38 DESC 'OID' )`,
  ],
  matchingRules: [
    `( 2.5.13.2 NAME 'caseIgnoreMatch' DESC 'compares \\ without case' SYNTAX ${DS}.15 )`,
    `( 1.3.6.1.4.1.4203.1.2.1 SYNTAX ${DS}.15 )`,
  ],
};

export const SERVER = { vendorName: '389 Project', vendorVersion: '389-Directory/2.3.1 B2025.016.1616' };

export function fixtureSchema(server = SERVER): Schema {
  return buildSchema(DEFINITIONS, server);
}
