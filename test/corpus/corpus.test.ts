import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../server/src/engine/service';

/**
 * Real LDIF written by other projects (../shared/corpus/real, see SOURCES.tsv).
 * Every file that is not a template must give zero errors. The warnings the engine
 * gives on them are listed here with the reason each one is right.
 */
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real');

const JUSTIFIED_WARNINGS: Readonly<Record<string, string>> = {
  // 30 values in 6 files (OpenLDAP test data, Apache DS data) really end in spaces; ldapmodify keeps
  // them as part of the value, which is rarely what the writer meant.
  'ldif/trailing-space': 'the values do end in spaces',
  // OpenLDAP's test-dn.ldif and nis_sample.ldif hold values starting with "<": RFC 2849 requires
  // base64 for those, and a reader that follows the RFC strictly rejects them.
  'ldif/unsafe-initial-char': 'the values do start with "<"',
  // FreeIPA's ipa-winsync-conf.ldif is the install-time add of the plug-in entry: applied again
  // with ldapmodify it fails (68 on FreeIPA, 53 on plain 389-DS), which is what the warning says.
  'winsync/plugin-entry-add': 'the file is an install-time add of the plug-in entry',
  // OpenLDAP's nis_sample.ldif gives cn, and test-whoami.ldif userPassword, the same value twice in
  // content records: 389-DS refuses such an add with 20.
  'ldif/duplicate-value': 'the records do repeat a value',
  // OpenLDAP's test-modify.ldif uses increment: (RFC 4525), which 389-DS 2.3 refuses with 2, and
  // holds a modify without mod-specs, which changes nothing.
  'ldif/increment': 'the file does use increment:',
  'ldif/empty-change': 'the modify has no mod-spec',
};

interface Source {
  readonly file: string;
  readonly template: boolean;
}

function sources(): Source[] {
  const tsv = readFileSync(join(CORPUS, 'SOURCES.tsv'), 'utf8').trimEnd().split('\n');
  const header = tsv[0].split('\t');
  const column = (name: string) => header.indexOf(name);
  return tsv.slice(1).map((row) => {
    const cells = row.split('\t');
    return { file: cells[column('file')], template: cells[column('template')] === 'yes' };
  });
}

describe('real-world corpus', () => {
  test('the corpus is present beside the project', () => {
    assert.ok(existsSync(join(CORPUS, 'SOURCES.tsv')), `expected the shared corpus at ${CORPUS}`);
  });

  const service = getLanguageService();
  const files = existsSync(join(CORPUS, 'SOURCES.tsv')) ? sources().filter((source) => !source.template) : [];

  test('holds the 115 non-template files SOURCES.tsv lists', () => {
    assert.equal(files.length, 115);
  });

  for (const { file } of files) {
    test(`${file}: no errors, only justified warnings`, () => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const diagnostics = service.validate(service.parse(text), { maxDiagnostics: Number.POSITIVE_INFINITY });
      const describe = (d: (typeof diagnostics)[number]) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map(describe), []);
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 'warning' && !(d.code in JUSTIFIED_WARNINGS)).map(describe),
        [],
      );
    });
  }
});
