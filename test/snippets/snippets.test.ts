import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../server/src/engine/service';
import { escapeDnValue } from '../../server/src/engine/dn/format';
import { replicaSuffix } from '../../server/src/engine/dn/replica';
import { buildSnippets, renderSnippets, type VsCodeSnippet } from '../../server/src/engine/features/snippets/build';
import { l, text, choice, mirror, type SnippetSpec } from '../../server/src/engine/features/snippets/parts';
import { expandSnippet, parseSnippet } from './expand';

const ROOT = join(__dirname, '..', '..');
const service = getLanguageService();
const committedText = readFileSync(join(ROOT, 'snippets', 'ldif.json'), 'utf8');
const committed = JSON.parse(committedText) as Record<string, VsCodeSnippet>;
const built = buildSnippets(service.catalog);
const byPrefix = (prefix: string) => {
  const found = built.find((snippet) => snippet.prefix === prefix);
  assert.ok(found, `a snippet with prefix ${prefix}`);
  return committed[found.name];
};

function problems(ldif: string, severities: readonly string[] = ['error']): string[] {
  return service
    .validate(service.parse(ldif))
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
}

const expand = (snippet: Pick<VsCodeSnippet, 'body'>, values?: ReadonlyMap<number, string>) =>
  `${expandSnippet(parseSnippet(snippet.body.join('\n')), values)}\n`;

/** `attr: value` lines of an expanded snippet, by lower-cased attribute name. */
function valuesOf(ldif: string, attribute: string): string[] {
  const prefix = `${attribute.toLowerCase()}: `;
  return ldif
    .split('\n')
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length));
}

describe('snippet expander (VS Code snippet semantics)', () => {
  test('placeholders take their default, mirrors repeat it, choices take the first option', () => {
    const parsed = parseSnippet('a ${1:x} b $1 c ${1} d ${2|p,q|} e ${2}');
    assert.equal(expandSnippet(parsed), 'a x b x c x d p e p');
    assert.equal(expandSnippet(parsed, new Map([[2, 'q']])), 'a x b x c x d q e q');
  });

  test('escapes: \\$, \\} and \\\\ are literal, other backslashes stay', () => {
    assert.equal(expandSnippet(parseSnippet('\\$ \\} \\\\ \\3D ${1:a\\}b}')), '$ } \\ \\3D a}b');
    assert.equal(expandSnippet(parseSnippet('${1|a\\,b,c\\|d|}')), 'a,b');
  });

  test('a transform rewrites the tab stop value with conditional group inserts', () => {
    const parsed = parseSnippet('${1:dc=example,dc=com} ${1/(=)|(,)/${1:+\\\\3D}${2:+\\\\2C}/g}');
    assert.equal(expandSnippet(parsed), 'dc=example,dc=com dc\\3Dexample\\2Cdc\\3Dcom');
  });
});

describe('snippets/ldif.json', () => {
  test('is up to date with the snippet spec and the catalog (run: npx tsx scripts/generate-snippets.ts)', () => {
    assert.equal(committedText, renderSnippets(service.catalog));
  });

  test('has no prefixes: VS Code would offer a prefixed snippet everywhere; completion offers them where a record starts', () => {
    for (const snippet of Object.values(committed)) assert.ok(!('prefix' in snippet));
    assert.deepEqual(
      Object.keys(committed),
      built.map((snippet) => snippet.name),
    );
  });

  test('has the snippets the issue asks for, each under its own prefix', () => {
    const prefixes = built.map((snippet) => snippet.prefix);
    for (const prefix of [
      'winsync-plugin-account-lock',
      'winsync-plugin-force-sync',
      'winsync-plugin-user-attr',
      'winsync-plugin-realm',
      'winsync-plugin-default-group',
      'winsync-plugin-new-entry',
      'winsync-agreement',
      'winsync-agreement-one-way',
      'winsync-agreement-move-action',
      'winsync-agreement-windows-subtree',
      'winsync-agreement-enable',
      'winsync-agreement-delete',
    ]) {
      assert.ok(prefixes.includes(prefix), `missing ${prefix}`);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  });

  test('the preview completion shows is what the editor inserts when every default is kept', () => {
    for (const snippet of built) assert.equal(`${snippet.preview.join('\n')}\n`, expand(snippet), snippet.name);
  });

  for (const [name, snippet] of Object.entries(committed)) {
    describe(name, () => {
      test('has a description', () => {
        assert.ok(snippet.description.trim().length > 20, 'description says what the snippet changes');
      });

      test('expanded with its defaults, validates without errors or warnings', () => {
        const ldif = expand(snippet);
        assert.deepEqual(problems(ldif, ['error', 'warning']), [], ldif);
      });

      test('every choice option validates without errors', () => {
        const { choices } = parseSnippet(snippet.body.join('\n'));
        for (const [tabstop, options] of choices) {
          for (const option of options) {
            const ldif = expand(snippet, new Map([[tabstop, option]]));
            assert.deepEqual(problems(ldif), [], ldif);
          }
        }
      });

      test('choice options are exactly the catalog values of the attribute they set', () => {
        for (const line of snippet.body) {
          const match = /^([A-Za-z0-9-]+): \$\{\d+\|(.*)\|\}$/.exec(line);
          if (!match) continue;
          const spec = service.catalog.attribute(match[1]);
          assert.ok(spec, `${match[1]} is a catalog attribute`);
          const options = match[2].split(',');
          if (spec.syntax.kind === 'enum') {
            const documented = spec.syntax.values.filter((value) => !value.legacy).map((value) => value.value);
            assert.deepEqual(
              options.filter((option) => documented.includes(option)).sort(),
              [...documented].sort(),
              `${spec.name} offers every documented value`,
            );
            const all = spec.syntax.values.map((value) => value.value);
            assert.ok(
              options.every((option) => all.includes(option)),
              `${spec.name} offers only catalog values`,
            );
          } else {
            assert.equal(spec.syntax.kind, 'boolean');
          }
          if (spec.default !== undefined) {
            assert.ok(options.includes(spec.default), `${spec.name} offers its default ${spec.default}`);
          }
        }
      });
    });
  }
});

describe('agreement snippets escape the suffix into the DN', () => {
  const suffixes = ['dc=example,dc=com', 'dc=corp,dc=example,dc=org', 'o=Acme+ou=IT,c=US'];
  const agreementSnippets = Object.entries(committed).filter(([, snippet]) =>
    snippet.body.some((line) => line.includes('cn=mapping tree')),
  );

  test('every agreement snippet takes the suffix at tab stop 1', () => {
    assert.ok(agreementSnippets.length >= 6);
  });

  for (const [name, snippet] of agreementSnippets) {
    test(`${name}: the DN holds the RFC 4514 form of what is typed at tab stop 1`, () => {
      for (const suffix of suffixes) {
        const ldif = expand(snippet, new Map([[1, suffix]]));
        const dn = valuesOf(ldif, 'dn')[0];
        assert.ok(dn.includes(`,cn=${escapeDnValue(suffix)},cn=mapping tree,cn=config`), dn);
        const parsed = replicaSuffix(dn);
        assert.equal(parsed?.suffix, suffix);
        assert.equal(parsed?.unescaped, false);
      }
    });
  }

  test('the agreement add names the suffix unescaped in nsDS5ReplicaRoot and under it the IdM users subtree', () => {
    const snippet = byPrefix('winsync-agreement');
    const ldif = expand(snippet, new Map([[1, 'dc=corp,dc=example,dc=org']]));
    assert.ok(
      valuesOf(ldif, 'dn')[0].includes('cn=replica,cn=dc\\3Dcorp\\2Cdc\\3Dexample\\2Cdc\\3Dorg,cn=mapping tree'),
    );
    assert.deepEqual(valuesOf(ldif, 'nsDS5ReplicaRoot'), ['dc=corp,dc=example,dc=org']);
    assert.deepEqual(valuesOf(ldif, 'nsds7DirectoryReplicaSubtree'), [
      'cn=users,cn=accounts,dc=corp,dc=example,dc=org',
    ]);
    assert.deepEqual(problems(ldif), []);
  });

  test('the agreement add has what ipa-replica-manage connect --winsync writes', () => {
    const snippet = byPrefix('winsync-agreement');
    const ldif = expand(snippet);
    const expected: Record<string, string> = {
      objectClass: 'nsDSWindowsReplicationAgreement',
      cn: 'meTodc1.ad.example.com',
      nsDS5ReplicaHost: 'dc1.ad.example.com',
      nsDS5ReplicaPort: '389',
      nsds5ReplicaTimeout: '120',
      nsDS5ReplicaRoot: 'dc=example,dc=com',
      description: 'me to dc1.ad.example.com',
      nsDS5ReplicaTransportInfo: 'TLS',
      nsDS5ReplicaBindMethod: 'SIMPLE',
      nsds7NewWinUserSyncEnabled: 'true',
      nsds7NewWinGroupSyncEnabled: 'false',
    };
    for (const [attribute, value] of Object.entries(expected))
      assert.deepEqual(valuesOf(ldif, attribute), [value], attribute);
    for (const attribute of [
      'nsDS5ReplicatedAttributeList',
      'nsDS5ReplicaBindDN',
      'nsDS5ReplicaCredentials',
      'nsds7WindowsReplicaSubtree',
      'nsds7DirectoryReplicaSubtree',
      'nsds7WindowsDomain',
    ]) {
      assert.equal(valuesOf(ldif, attribute).length, 1, attribute);
    }
    assert.match(valuesOf(ldif, 'nsDS5ReplicatedAttributeList')[0], /^\(objectclass=\*\) \$ EXCLUDE memberof /);
  });
});

describe('snippet builder', () => {
  const catalog = service.catalog;
  const spec = (body: SnippetSpec['body']): SnippetSpec[] => [{ name: 't', prefix: 't', description: 'd', body }];

  test('choices come from the catalog: default first, legacy spellings only when asked for', () => {
    const [snippet] = buildSnippets(
      catalog,
      spec([l`${choice(1, 'nsDS5ReplicaTransportInfo')}`, l`${choice(2, 'winSyncMoveAction')}`]),
    );
    assert.deepEqual(snippet.body, ['${1|LDAP,LDAPS,StartTLS|}', '${2|none,delete,unsync|}']);
  });

  test('refuses an attribute the catalog does not know, a value it does not allow, and a mirror without a value', () => {
    assert.throws(
      () => buildSnippets(catalog, spec([l`${choice(1, 'ipaWinSyncAcctDisabled')}`])),
      /not in the catalog/,
    );
    assert.throws(
      () => buildSnippets(catalog, spec([l`${choice(1, 'oneWaySync', 'both')}`])),
      /not a value of oneWaySync/,
    );
    assert.throws(() => buildSnippets(catalog, spec([l`${mirror(2)}`])), /never given a value/);
    assert.throws(() => buildSnippets(catalog, spec([l`${text(1, 'a')}${text(1, 'b')}`])), /given a value twice/);
  });

  test('escapes $, } and \\ in literal text and defaults', () => {
    const [snippet] = buildSnippets(catalog, spec([l`a $ b } c \\ ${text(1, 'x$}\\')}`]));
    assert.deepEqual(snippet.body, ['a \\$ b \\} c \\\\ ${1:x\\$\\}\\\\}']);
    assert.deepEqual(snippet.preview, ['a $ b } c \\ x$}\\']);
    assert.equal(expandSnippet(parseSnippet(snippet.body[0])), 'a $ b } c \\ x$}\\');
  });
});
