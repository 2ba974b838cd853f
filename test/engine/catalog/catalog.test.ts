import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Catalog, loadCatalog, type AttributeSpec } from '../../../server/src/engine/catalog/index';
import { CatalogSchema } from '../../../server/src/engine/catalog/schema';
import { catalogData } from '../../../server/src/engine/catalog/data';

const repoRoot = typeof __dirname !== 'undefined' ? resolve(__dirname, '../../..') : process.cwd();
const sharedDir = resolve(repoRoot, '../shared');

/** A deep copy of the raw data that a test may break without touching the real catalog. */
function dataCopy(): typeof catalogData {
  return structuredClone(catalogData);
}

function readShared(relative: string, what: string): string {
  const path = join(sharedDir, relative);
  assert.ok(
    existsSync(path),
    `${what} not found at ${path}; the catalog tests need the shared research folder next to the repo`,
  );
  return readFileSync(path, 'utf8');
}

/** Parameter names from the IdM guide's Table 15.3 (the seed), read at test time. */
function seedTableNames(): string[] {
  const seedDir = join(sharedDir, 'seeds');
  assert.ok(existsSync(seedDir), `seed folder not found at ${seedDir}; cannot check the catalog against Table 15.3`);
  const file = readdirSync(seedDir).find((name) => name.startsWith('000_') && name.endsWith('.txt'));
  assert.ok(file, `no 000_*.txt seed (IdM guide §15.5) in ${seedDir}`);
  // the guide uses no-break spaces in captions ("Table\u00a015.3.\u00a0Synced …")
  const text = readFileSync(join(seedDir, file), 'utf8').replace(/\u00a0/g, ' ');
  const start = text.indexOf('Table 15.3. Synced Attribute Settings');
  const end = text.indexOf('15.5.4.', start);
  assert.ok(start >= 0 && end > start, `could not locate Table 15.3 in ${file}`);
  const names = [...text.slice(start, end).matchAll(/^\s*(ipaWinSync[A-Za-z]+)\b/gm)].map((match) => match[1]);
  return [...new Set(names)];
}

/** The nsDSWindowsReplicationAgreement MAY list as recorded in anchors.md A.2. */
function anchorsMayList(): string[] {
  const text = readShared('research/anchors.md', 'anchors.md');
  const section = text.indexOf('### A.2');
  const may = text.indexOf('MAY:', section);
  const end = text.indexOf('(Not in this MAY list', may);
  assert.ok(section >= 0 && may > section && end > may, 'could not locate the objectclass MAY list in anchors.md A.2');
  return text
    .slice(may + 'MAY:'.length, end)
    .split(',')
    .map((name) => name.trim().replace(/\.$/, ''))
    .filter((name) => name.length > 0);
}

test('the catalog data passes the zod schema, which changes nothing in it, and loads', () => {
  // The bundles load the data without zod: what the schema returns must be the data itself.
  assert.deepEqual(CatalogSchema.parse(catalogData), catalogData);
  const catalog = loadCatalog();
  assert.ok(catalog.attributesOf('ipa-winsync').length >= 14);
  assert.ok(catalog.attributesOf('agreement').length >= 39);
  assert.deepEqual(catalog.data.entryKinds.map((kind) => kind.kind).sort(), ['agreement', 'ipa-winsync']);
});

test('a broken copy of the data is rejected', () => {
  const emptyEnum = dataCopy();
  const acct = emptyEnum.attributes.find((attribute) => attribute.name === 'ipaWinSyncAcctDisable');
  assert.ok(acct && acct.syntax.kind === 'enum');
  acct.syntax.values = [];
  assert.throws(() => CatalogSchema.parse(emptyEnum), /values/);

  const duplicate = dataCopy();
  duplicate.attributes.push({
    ...structuredClone(duplicate.attributes[0]),
    name: duplicate.attributes[0].name.toUpperCase(),
  });
  assert.throws(() => new Catalog(CatalogSchema.parse(duplicate)), /listed twice/);

  const badReaction = dataCopy();
  (badReaction.attributes[0].onBadValue.modify as { kind: string }).kind = 'explodes';
  assert.throws(() => CatalogSchema.parse(badReaction));

  const badName = dataCopy();
  badName.attributes[0].name = 'ipa WinSync';
  assert.throws(() => CatalogSchema.parse(badName));
});

test('name look-ups ignore case, including the spellings FreeIPA ships', () => {
  const catalog = loadCatalog();
  assert.equal(catalog.attribute('ipaWinsyncHomeDirAttr')?.name, 'ipaWinSyncHomeDirAttr');
  assert.equal(catalog.attribute('ipawinsyncloginshellattr')?.name, 'ipaWinSyncLoginShellAttr');
  assert.equal(catalog.attribute('NSDS7WINDOWSREPLICASUBTREE')?.name, 'nsds7WindowsReplicaSubtree');
  assert.equal(catalog.attribute('ipaWinSyncNoSuchThing'), undefined);
  assert.equal(catalog.isAllowedOn('ipa-winsync', 'NSSLAPD-PLUGINPRECEDENCE'), true);
  assert.equal(catalog.isAllowedOn('agreement', 'ObjectClass'), true);
});

test('every Table 15.3 parameter of the seed is in the catalog, plus the two the guide omits', () => {
  const catalog = loadCatalog();
  const names = seedTableNames();
  assert.equal(names.length, 12, `expected 12 parameters in Table 15.3, parsed: ${names.join(', ')}`);
  for (const name of [...names, 'ipaWinSyncUserFlatten', 'ipaWinSyncLoginShellAttr']) {
    const spec = catalog.attribute(name);
    assert.ok(spec, `${name} missing from the catalog`);
    assert.equal(spec.entry, 'ipa-winsync', `${name} should belong to the ipa-winsync entry`);
    assert.equal(spec.name, name, `canonical spelling of ${name}`);
  }
  for (const spec of catalog.attributesOf('ipa-winsync')) {
    assert.equal(spec.inSeedTable, names.includes(spec.name), `inSeedTable of ${spec.name}`);
  }
});

test('every attribute of the nsDSWindowsReplicationAgreement MAY list is known on agreements', () => {
  const catalog = loadCatalog();
  const may = anchorsMayList();
  assert.ok(may.length >= 39, `MAY list parsed too short: ${may.join(', ')}`);
  for (const name of may) {
    assert.ok(catalog.isAllowedOn('agreement', name), `${name} is neither an agreement attribute nor in otherAllowed`);
    const spec = catalog.attribute(name);
    if (spec) assert.equal(spec.entry, 'agreement', `${name} should be an agreement attribute`);
  }
  assert.equal(catalog.isAllowedOn('agreement', 'mail'), false);
  assert.equal(catalog.isAllowedOn('agreement', 'ipaWinSyncAcctDisable'), false);
  // 389-DS agreements' own settings are known, and marked as theirs.
  assert.equal(catalog.attribute('nsDS5ReplicatedAttributeListTotal')?.onlyFor, 'replication');
  assert.equal(catalog.attribute('winSyncMoveAction')?.onlyFor, 'windows');
});

test('did-you-mean finds the intended attribute', () => {
  const catalog = loadCatalog();
  assert.equal(catalog.suggest('ipaWinSyncAcctDisabel', 'ipa-winsync'), 'ipaWinSyncAcctDisable');
  assert.equal(catalog.suggest('winSyncMoveActoin', 'agreement'), 'winSyncMoveAction');
  assert.equal(catalog.suggest('oneWaySynch', 'agreement'), 'oneWaySync');
});

test('every enum value is documented, and distinct within its attribute', () => {
  const catalog = loadCatalog();
  let enums = 0;
  for (const spec of catalog.attributes) {
    if (spec.syntax.kind !== 'enum') continue;
    enums++;
    const seen = new Set<string>();
    for (const value of spec.syntax.values) {
      assert.ok(value.doc.trim().length > 20, `${spec.name}=${value.value} needs a real explanation`);
      assert.notEqual(value.doc.trim().toLowerCase(), value.value.toLowerCase());
      assert.ok(!seen.has(value.value.toLowerCase()), `${spec.name} lists ${value.value} twice`);
      seen.add(value.value.toLowerCase());
    }
  }
  assert.ok(enums >= 6);
  const enumValues = (name: string) => {
    const syntax = catalog.attribute(name)?.syntax;
    return syntax?.kind === 'enum' ? syntax.values.map((value) => value.value) : [];
  };
  assert.deepEqual(enumValues('ipaWinSyncAcctDisable'), ['none', 'to_ad', 'to_ds', 'both']);
  assert.deepEqual(enumValues('oneWaySync'), ['fromWindows', 'toWindows']);
  assert.deepEqual(enumValues('winSyncMoveAction'), ['none', 'delete', 'unsync']);
  assert.deepEqual(enumValues('nsds5BeginReplicaRefresh'), ['start', 'stop', 'cancel']);
  const transport = catalog.attribute('nsDS5ReplicaTransportInfo')?.syntax;
  assert.ok(transport?.kind === 'enum');
  assert.deepEqual(
    transport.values.filter((value) => value.legacy).map((value) => value.value),
    ['SSL', 'TLS'],
  );
});

test('server reactions are consistent and match the probed behaviour', () => {
  const catalog = loadCatalog();
  for (const spec of catalog.attributes) {
    for (const op of ['add', 'modify'] as const) {
      const reaction = spec.onBadValue[op];
      if (reaction.kind === 'rejects')
        assert.ok(reaction.code !== undefined, `${spec.name} ${op} rejects without a code`);
      else assert.equal(reaction.code, undefined, `${spec.name} ${op} has a code but does not reject`);
    }
  }
  const reaction = (name: string, op: 'add' | 'modify') => catalog.attribute(name)?.onBadValue[op];
  assert.deepEqual(
    [reaction('ipaWinSyncAcctDisable', 'modify')?.kind, reaction('ipaWinSyncAcctDisable', 'modify')?.code],
    ['rejects', 53],
  );
  assert.equal(reaction('oneWaySync', 'modify')?.kind, 'falls-back');
  assert.match(reaction('oneWaySync', 'modify')?.note ?? '', /Ignoring illegal setting/);
  assert.deepEqual(
    [reaction('winSyncMoveAction', 'modify')?.kind, reaction('winSyncMoveAction', 'modify')?.fallback],
    ['falls-back', 'none'],
  );
  assert.deepEqual(
    [reaction('nsDS5ReplicaPort', 'add')?.kind, reaction('nsDS5ReplicaPort', 'add')?.code],
    ['rejects', 53],
  );
  assert.equal(reaction('nsDS5ReplicaPort', 'modify')?.kind, 'accepts');
  assert.equal(reaction('nsDS5ReplicaUpdateSchedule', 'add')?.kind, 'ignores');
  assert.deepEqual(
    [reaction('nsDS5ReplicaUpdateSchedule', 'modify')?.kind, reaction('nsDS5ReplicaUpdateSchedule', 'modify')?.code],
    ['rejects', 1],
  );
  assert.equal(reaction('ipaWinSyncRealmFilter', 'modify')?.kind, 'accepts');
  assert.equal(reaction('ipaWinSyncUserFlatten', 'modify')?.fallback, 'false');
});

test('required, default and server-managed facts', () => {
  const catalog = loadCatalog();
  const requiredIpa = catalog
    .attributesOf('ipa-winsync')
    .filter((spec) => spec.requiredOnAdd === true)
    .map((spec) => spec.name)
    .sort();
  assert.deepEqual(requiredIpa, [
    'ipaWinSyncAcctDisable',
    'ipaWinSyncDefaultGroupAttr',
    'ipaWinSyncDefaultGroupFilter',
    'ipaWinSyncHomeDirAttr',
    'ipaWinSyncNewEntryFilter',
    'ipaWinSyncNewUserOCAttr',
    'ipaWinSyncRealmAttr',
    'ipaWinSyncRealmFilter',
  ]);
  for (const name of requiredIpa) assert.equal(catalog.attribute(name)?.requiredAlways, true, `${name} requiredAlways`);

  const requiredAgreement = (spec: AttributeSpec) => spec.requiredOnAdd;
  assert.equal(requiredAgreement(catalog.attribute('nsDS5ReplicaHost')!), true);
  assert.equal(requiredAgreement(catalog.attribute('nsDS5ReplicaRoot')!), true);
  assert.equal(requiredAgreement(catalog.attribute('nsDS5ReplicaCredentials')!), 'simple-bind');

  // the seed's default is the effective filter, not the stored value
  assert.equal(
    catalog.attribute('ipaWinSyncDefaultGroupFilter')?.default,
    '(gidNumber=*)(objectclass=posixGroup)(objectclass=groupOfNames)',
  );
  assert.equal(catalog.attribute('ipaWinSyncDefaultGroupFilter')?.syntax.kind, 'filter-list');
  assert.equal(catalog.attribute('ipaWinSyncInactivatedFilter')?.default, undefined);
  assert.equal(catalog.attribute('ipaWinSyncUserFlatten')?.default, 'true');
  assert.equal(catalog.attribute('winSyncInterval')?.default, '300');
  assert.equal(catalog.attribute('ipaWinSyncUserAttr')?.multiValued, true);
  assert.equal(catalog.attribute('winSyncSubtreePair')?.multiValued, true);

  for (const name of [
    'nsds50ruv',
    'nsruvReplicaLastModified',
    'nsds5replicaChangesSentSinceStartup',
    'nsds5replicaLastUpdateEnd',
    'nsds5replicaLastUpdateStart',
    'nsds5replicaLastUpdateStatus',
    'nsds5replicaLastUpdateStatusJSON',
    'nsds5replicaUpdateInProgress',
    'nsds5replicaLastInitEnd',
    'nsds5replicaLastInitStart',
    'nsds5replicaLastInitStatus',
    'nsds5replicaReapActive',
    'nsds7DirsyncCookie',
  ]) {
    assert.equal(catalog.attribute(name)?.serverManaged, true, `${name} should be server-managed`);
  }
  assert.equal(catalog.attribute('nsds5debugreplicatimeout')?.serverManaged, false);
});

test('own prefixes point at the entry kind the attribute belongs to', () => {
  const catalog = loadCatalog();
  for (const spec of catalog.attributes) {
    const byPrefix = catalog.kindByPrefix(spec.name);
    if (byPrefix) assert.equal(byPrefix, spec.entry, `${spec.name} carries the prefix of ${byPrefix}`);
  }
  assert.equal(catalog.kindByPrefix('ipaWinSyncFooBar'), 'ipa-winsync');
  assert.equal(catalog.kindByPrefix('winSyncFooBar'), 'agreement');
});

test('docs are short Markdown paragraphs, sources are given', () => {
  const catalog = loadCatalog();
  for (const spec of catalog.attributes) {
    const sentences = spec.doc.split(/(?<=[.!?])\s+(?=[A-Z`(])/).length;
    assert.ok(sentences >= 2 && sentences <= 6, `${spec.name}: doc has ${sentences} sentences`);
    assert.ok(spec.source.length > 10, `${spec.name}: source missing`);
    assert.ok(spec.group.length > 0);
  }
});
