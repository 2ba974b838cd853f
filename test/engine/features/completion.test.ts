import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { doComplete, type CompletionItem } from '../../../server/src/engine/features/completion';
import { buildSnippets } from '../../../server/src/engine/features/snippets/build';
import { AGREEMENT_CLASS, AGREEMENT_DN, atCursor, bigDocument, medianMs, PLUGIN_DN, service, textOf } from './cursor';

const catalog = service.catalog;

interface Completion {
  readonly items: CompletionItem[];
  readonly text: string;
  /** Labels in the order an editor shows them (by sortText). */
  readonly labels: string[];
}

function complete(lines: readonly string[]): Completion {
  const { text, document, position } = atCursor(lines);
  const items = doComplete(document, position, catalog);
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return { items, text, labels: sorted.map((item) => item.label) };
}

function item(completion: Completion, label: string): CompletionItem {
  const found = completion.items.find((candidate) => candidate.label === label);
  assert.ok(found, `no item ${label} in ${completion.labels.join(', ')}`);
  return found;
}

/** The document after applying an item, as an editor would. */
function apply(completion: Completion, chosen: CompletionItem): string {
  assert.ok(chosen.range, 'items carry the range they replace');
  const lines = completion.text.split('\n');
  const { start, end } = chosen.range;
  assert.equal(start.line, end.line);
  const line = lines[start.line];
  lines[start.line] = line.slice(0, start.character) + chosen.insertText + line.slice(end.character);
  return lines.join('\n');
}

const pluginNames = catalog.attributesOf('ipa-winsync').map((spec) => spec.name);
const agreementNames = catalog
  .attributesOf('agreement')
  .filter((spec) => !spec.serverManaged && spec.onlyFor !== 'replication')
  .map((spec) => spec.name);
/** A modify that does not tell the kind of agreement is offered what either kind takes. */
const eitherAgreementNames = catalog
  .attributesOf('agreement')
  .filter((spec) => !spec.serverManaged)
  .map((spec) => spec.name);
const statusNames = catalog
  .attributesOf('agreement')
  .filter((spec) => spec.serverManaged)
  .map((spec) => spec.name);

const snippets = buildSnippets(catalog);
const snippetLabels = snippets.map((snippet) => snippet.prefix);

describe('completion at the start of a line', () => {
  test('in the plugin entry right after dn: changetype first, then the ipa-winsync attributes, the generic ones, control last', () => {
    const result = complete([PLUGIN_DN, '¦']);
    const generic = catalog.entryKind('ipa-winsync').otherAllowed;
    assert.deepEqual(result.labels, ['changetype', ...pluginNames, ...generic, 'control']);
    const changetype = item(result, 'changetype');
    assert.equal(changetype.insertText, 'changetype: ');
    assert.equal(changetype.retrigger, true);
    assert.deepEqual(changetype.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
    const acct = item(result, 'ipaWinSyncAcctDisable');
    assert.equal(acct.kind, 'attribute');
    assert.equal(acct.insertText, 'ipaWinSyncAcctDisable: ');
    assert.equal(acct.detail, 'User account lock · none | to_ad | to_ds | both · required');
    assert.ok(acct.documentation?.startsWith('**ipaWinSyncAcctDisable** — Chooses the direction'));
    assert.equal(acct.retrigger, true, 'values follow, so the editor asks again');
    assert.equal(item(result, 'ipaWinSyncRealmFilter').retrigger, false);
  });

  test('in an agreement: agreement attributes only, no status attributes, no plugin attributes', () => {
    const result = complete([AGREEMENT_DN, AGREEMENT_CLASS, '¦']);
    const attributes = result.items
      .filter((candidate) => candidate.kind === 'attribute')
      .map((candidate) => candidate.label);
    assert.deepEqual(attributes, [...agreementNames, 'objectClass', 'cn', 'description']);
    for (const name of [...statusNames, ...pluginNames]) assert.ok(!attributes.includes(name), name);
    assert.ok(!result.labels.includes('changetype'), 'changetype must follow dn: directly');
  });

  test('single-valued attributes the entry already has are not offered again; multi-valued ones are', () => {
    const result = complete([
      AGREEMENT_DN,
      AGREEMENT_CLASS,
      'nsDS5ReplicaHost: ad.example.com',
      'nsDS5ReplicaUpdateSchedule: *',
      '¦',
    ]);
    assert.ok(!result.labels.includes('nsDS5ReplicaHost'));
    assert.ok(result.labels.includes('nsDS5ReplicaUpdateSchedule'));
  });

  test('a new dn: below cn=replica with nothing else yet gets agreement attributes (judged by the DN)', () => {
    const result = complete(['dn: cn=new,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config', '¦']);
    assert.ok(result.labels.includes('nsDS5ReplicaHost'));
    assert.ok(!result.labels.includes('ipaWinSyncAcctDisable'));
    const seedStyle = complete([
      'dn:,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
      'changetype: modify',
      'replace: ¦',
    ]);
    assert.ok(seedStyle.labels.includes('nsds7WindowsReplicaSubtree'));
  });

  test('the replica entry itself gets no agreement attributes; a 389-DS agreement only those it takes', () => {
    assert.deepEqual(complete(['dn: cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config', '¦']).labels, [
      'changetype',
      'control',
    ]);
    const plain = complete([
      'dn: cn=x,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
      'objectClass: nsds5ReplicationAgreement',
      '¦',
    ]);
    assert.ok(plain.labels.includes('nsDS5ReplicaHost'));
    assert.ok(plain.labels.includes('nsds5ReplicaProtocolTimeout'));
    assert.ok(!plain.labels.includes('winSyncMoveAction'));
    assert.ok(!plain.labels.includes('nsds7WindowsDomain'));
  });

  test('an unrelated entry only gets the LDIF keywords', () => {
    assert.deepEqual(complete(['dn: uid=jdoe,ou=People,dc=example,dc=com', '¦']).labels, ['changetype', 'control']);
    assert.deepEqual(complete(['dn: uid=jdoe,ou=People,dc=example,dc=com', 'cn: John', '¦']).labels, []);
  });

  test('a half-typed name is replaced whole, and the inserted line is complete', () => {
    const result = complete([PLUGIN_DN, 'ipaWinSyncAc¦ctDis']);
    const acct = item(result, 'ipaWinSyncAcctDisable');
    assert.equal(textOf(result.text, acct.range!), 'ipaWinSyncAcctDis');
    assert.equal(apply(result, acct).split('\n')[1], 'ipaWinSyncAcctDisable: ');
  });

  test('in the name of an existing line only the name is replaced, keeping the colon and value', () => {
    const result = complete([PLUGIN_DN, 'ipaWinSync¦Force: true']);
    const force = item(result, 'ipaWinSyncForceSync');
    assert.equal(textOf(result.text, force.range!), 'ipaWinSyncForce');
    assert.equal(force.insertText, 'ipaWinSyncForceSync');
    assert.equal(apply(result, force).split('\n')[1], 'ipaWinSyncForceSync: true');
    assert.ok(!result.labels.includes('-'));
  });

  test('the line right below a record continues it; after a blank line a new record starts with dn:', () => {
    const below = complete([PLUGIN_DN, 'ipaWinSyncAcctDisable: both', '¦']);
    assert.ok(below.labels.includes('ipaWinSyncForceSync'));
    assert.ok(!below.labels.includes('ipaWinSyncAcctDisable'));
    const fresh = complete([PLUGIN_DN, 'ipaWinSyncAcctDisable: both', '', '¦']);
    assert.deepEqual(fresh.labels, ['dn', ...snippetLabels]);
    assert.equal(item(fresh, 'dn').insertText, 'dn: ');
    assert.deepEqual(complete(['¦']).labels, ['dn', ...snippetLabels]);
  });

  test('an add record offers attributes after changetype: add', () => {
    const result = complete([AGREEMENT_DN, 'changetype: add', AGREEMENT_CLASS, '¦']);
    assert.ok(result.labels.includes('nsDS5ReplicaPort'));
    assert.ok(!result.labels.includes('changetype'));
  });

  test('modrdn records get newrdn:, deleteoldrdn:, newsuperior: in order', () => {
    assert.deepEqual(complete(['dn: uid=a,dc=x', 'changetype: modrdn', '¦']).labels, [
      'newrdn',
      'deleteoldrdn',
      'newsuperior',
    ]);
    assert.deepEqual(complete(['dn: uid=a,dc=x', 'changetype: modrdn', 'newrdn: uid=b', '¦']).labels, [
      'deleteoldrdn',
      'newsuperior',
    ]);
    assert.deepEqual(
      complete(['dn: uid=a,dc=x', 'changetype: moddn', 'newrdn: uid=b', 'deleteoldrdn: 1', '¦']).labels,
      ['newsuperior'],
    );
    assert.deepEqual(complete(['dn: uid=a,dc=x', 'changetype: delete', '¦']).labels, []);
  });
});

describe('record snippets', () => {
  test('where a record starts, after dn: come the whole-record snippets, each with its description and preview', () => {
    const result = complete(['# change the lock sync', '¦']);
    assert.deepEqual(result.labels, ['dn', ...snippetLabels]);
    const lock = item(result, 'winsync-plugin-account-lock');
    assert.equal(lock.kind, 'snippet');
    assert.equal(lock.detail, 'ipa-winsync: account lock sync');
    assert.equal(lock.insertText, snippets.find((s) => s.prefix === lock.label)?.body.join('\n'));
    assert.match(lock.insertText, /^ipaWinSyncAcctDisable: \$\{1\|both,none,to_ad,to_ds\|\}$/m);
    assert.ok(lock.documentation?.includes('\n```ldif\ndn: cn=ipa-winsync,cn=plugins,cn=config\n'));
    assert.ok(lock.documentation?.includes('\nipaWinSyncAcctDisable: both\n'), 'the preview keeps the defaults');
  });

  test('a prefix typed at the start of a record is replaced whole', () => {
    const result = complete([PLUGIN_DN, 'changetype: modify', '', 'winsync-agr¦']);
    const agreement = item(result, 'winsync-agreement');
    assert.equal(textOf(result.text, agreement.range!), 'winsync-agr');
  });

  test('a record right below gets a blank line after the snippet, so the two stay apart', () => {
    const result = complete(['¦', PLUGIN_DN, 'changetype: modify']);
    assert.ok(item(result, 'winsync-agreement-delete').insertText.endsWith('changetype: delete\n'));
    assert.ok(item(complete(['¦']), 'winsync-agreement-delete').insertText.endsWith('changetype: delete'));
  });

  test('nowhere else: not inside a record, not on the line that continues one, not at a value', () => {
    const inside = [
      [PLUGIN_DN, '¦'],
      [PLUGIN_DN, 'changetype: modify', '¦'],
      [PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisable', 'ipaWinSyncAcctDisable: ¦'],
      [PLUGIN_DN, 'changetype: modify', 'replace: ¦'],
      [PLUGIN_DN, 'changetype: ¦'],
      ['dn: uid=jdoe,ou=People,dc=example,dc=com', 'cn: John', '¦'],
    ];
    for (const lines of inside) {
      const result = complete(lines);
      assert.ok(!result.items.some((candidate) => candidate.kind === 'snippet'), lines.join(' / '));
    }
  });
});

describe('completion in a modify record', () => {
  test('after changetype: modify, the four mod-ops, documented, asking again for the attribute', () => {
    const result = complete([PLUGIN_DN, 'changetype: modify', '¦']);
    assert.deepEqual(result.labels, ['add', 'delete', 'replace', 'increment']);
    const replace = item(result, 'replace');
    assert.equal(replace.kind, 'keyword');
    assert.equal(replace.insertText, 'replace: ');
    assert.equal(replace.retrigger, true);
    assert.ok(replace.documentation?.startsWith('Replaces every value of the attribute'));
  });

  test('inside an open mod-spec for X: the value line X: first, then -', () => {
    const result = complete([PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisable', '¦']);
    assert.deepEqual(result.labels, ['ipaWinSyncAcctDisable', '-']);
    const value = item(result, 'ipaWinSyncAcctDisable');
    assert.equal(value.insertText, 'ipaWinSyncAcctDisable: ');
    assert.equal(value.detail, 'value line for replace: ipaWinSyncAcctDisable');
    assert.equal(value.retrigger, true);
    assert.ok(value.documentation?.startsWith('**ipaWinSyncAcctDisable**'));
    assert.equal(item(result, '-').detail, 'close replace: ipaWinSyncAcctDisable');
  });

  test('once the mod-spec has a value, - comes first; a delete: may close at once', () => {
    assert.deepEqual(
      complete([PLUGIN_DN, 'changetype: modify', 'add: ipaWinSyncUserAttr', 'ipaWinSyncUserAttr: uidNumber -1', '¦'])
        .labels,
      ['-', 'ipaWinSyncUserAttr'],
    );
    assert.deepEqual(complete([PLUGIN_DN, 'changetype: modify', 'delete: ipaWinSyncInactivatedFilter', '¦']).labels, [
      '-',
      'ipaWinSyncInactivatedFilter',
    ]);
  });

  test('a header without its attribute yet only offers -', () => {
    assert.deepEqual(complete([PLUGIN_DN, 'changetype: modify', 'replace:', '¦']).labels, ['-']);
  });

  test('after dn: and a control, changetype: is still offered first', () => {
    assert.deepEqual(complete(['dn: uid=a,dc=x', 'control: 1.2.840.113556.1.4.805 true', '¦']).labels, [
      'changetype',
      'control',
    ]);
    assert.deepEqual(
      complete(['dn: uid=a,dc=x', 'control: 1.2.840.113556.1.4.805 true', 'co¦', 'changetype: delete']).labels,
      ['control'],
    );
  });

  test('after - the mod-ops again; a mod-spec for an unknown attribute still offers its own name', () => {
    assert.deepEqual(
      complete([
        PLUGIN_DN,
        'changetype: modify',
        'replace: ipaWinSyncAcctDisable',
        'ipaWinSyncAcctDisable: none',
        '-',
        '¦',
      ]).labels,
      ['add', 'delete', 'replace', 'increment'],
    );
    const other = complete(['dn: uid=a,dc=x', 'changetype: modify', 'replace: mail', '¦']);
    assert.deepEqual(other.labels, ['mail', '-']);
    assert.equal(item(other, 'mail').documentation, 'A value for the mod-spec `replace: mail`.');
  });

  test('after replace: the attribute names of the entry kind, inserted without a colon', () => {
    const result = complete([AGREEMENT_DN, 'changetype: modify', 'replace: ¦']);
    assert.deepEqual(
      result.items.filter((candidate) => candidate.sortText?.startsWith('1')).map((candidate) => candidate.label),
      eitherAgreementNames,
    );
    const move = item(result, 'winSyncMoveAction');
    assert.equal(move.insertText, 'winSyncMoveAction');
    assert.equal(apply(result, move).split('\n')[2], 'replace: winSyncMoveAction');
    const typed = complete([PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAc¦']);
    assert.equal(textOf(typed.text, item(typed, 'ipaWinSyncAcctDisable').range!), 'ipaWinSyncAc');
  });

  test('after increment: only integer attributes, of either kind of agreement while the record does not tell', () => {
    assert.deepEqual(complete([AGREEMENT_DN, 'changetype: modify', 'increment: ¦']).labels, [
      'nsDS5ReplicaPort',
      'nsds5ReplicaTimeout',
      'nsds5replicaBusyWaitTime',
      'nsds5replicaSessionPauseTime',
      'winSyncInterval',
      'nsds5ReplicaProtocolTimeout',
      'nsds5ReplicaFlowControlWindow',
      'nsds5ReplicaFlowControlPause',
      'nsDS5ReplicaWaitForAsyncResults',
    ]);
  });

  test('a modify of an existing agreement that only names generic attributes still knows it from its DN', () => {
    const result = complete([AGREEMENT_DN, 'changetype: modify', 'replace: ¦']);
    assert.ok(result.labels.includes('oneWaySync'));
  });
});

describe('completion of values', () => {
  test('enum values after attr: with per-value docs, the default marked', () => {
    const result = complete([
      PLUGIN_DN,
      'changetype: modify',
      'replace: ipaWinSyncAcctDisable',
      'ipaWinSyncAcctDisable: ¦',
      '-',
    ]);
    assert.deepEqual(result.labels, ['none', 'to_ad', 'to_ds', 'both']);
    const toAd = item(result, 'to_ad');
    assert.equal(toAd.kind, 'value');
    assert.equal(toAd.detail, 'ipaWinSyncAcctDisable');
    assert.ok(toAd.documentation?.startsWith('One way, IdM → AD'));
    assert.equal(item(result, 'both').detail, 'ipaWinSyncAcctDisable · default');
    assert.deepEqual(toAd.range, { start: { line: 3, character: 23 }, end: { line: 3, character: 23 } });
  });

  test('the whole value is replaced, and older spellings come last', () => {
    const result = complete([AGREEMENT_DN, AGREEMENT_CLASS, 'nsDS5ReplicaTransportInfo: St¦art']);
    assert.deepEqual(result.labels, ['LDAP', 'LDAPS', 'StartTLS', 'SSL', 'TLS']);
    assert.equal(item(result, 'TLS').detail, 'nsDS5ReplicaTransportInfo · older spelling');
    const startTls = item(result, 'StartTLS');
    assert.equal(textOf(result.text, startTls.range!), 'Start');
    assert.equal(apply(result, startTls).split('\n')[2], 'nsDS5ReplicaTransportInfo: StartTLS');
  });

  test('oneWaySync and winSyncMoveAction values', () => {
    assert.deepEqual(complete([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWaySync: ¦']).labels, ['fromWindows', 'toWindows']);
    const move = complete([AGREEMENT_DN, AGREEMENT_CLASS, 'winSyncMoveAction: ¦']);
    assert.deepEqual(move.labels, ['none', 'delete', 'unsync']);
    assert.ok(item(move, 'unsync').documentation?.startsWith('Removes the ntUser/ntGroup object class'));
  });

  test("booleans: the dialect's spellings, true/false first; on/off only where nothing else is accepted", () => {
    const slapi = complete([PLUGIN_DN, 'ipaWinSyncForceSync: ¦']);
    assert.deepEqual(slapi.labels, ['true', 'false', 'on', 'off', 'yes', 'no', '1', '0']);
    assert.equal(item(slapi, 'false').detail, 'ipaWinSyncForceSync · false · default');
    assert.equal(item(slapi, 'yes').documentation, 'Means **true**.');
    const winsync = complete([AGREEMENT_DN, AGREEMENT_CLASS, 'nsds7NewWinGroupSyncEnabled: ¦']);
    assert.equal(
      item(winsync, 'off').documentation,
      'Means **false** — as does any value other than `on`, `yes`, `true` or `1`.',
    );
    const onOff = complete([AGREEMENT_DN, AGREEMENT_CLASS, 'nsds5ReplicaEnabled: ¦']);
    assert.deepEqual(onOff.labels, ['on', 'off']);
    assert.equal(item(onOff, 'on').detail, 'nsds5ReplicaEnabled · true · default');
  });

  test('changetype values, each documented; without a space after the colon one is inserted', () => {
    const result = complete([PLUGIN_DN, 'changetype: ¦']);
    assert.deepEqual(result.labels, ['add', 'delete', 'modify', 'modrdn', 'moddn']);
    assert.ok(result.items.every((candidate) => candidate.documentation && candidate.kind === 'keyword'));
    const tight = complete([PLUGIN_DN, 'changetype:¦']);
    const modify = item(tight, 'modify');
    assert.equal(modify.insertText, ' modify');
    assert.equal(apply(tight, modify).split('\n')[1], 'changetype: modify');
  });

  test('deleteoldrdn offers 1 and 0', () => {
    assert.deepEqual(complete(['dn: uid=a,dc=x', 'changetype: modrdn', 'newrdn: uid=b', 'deleteoldrdn: ¦']).labels, [
      '1',
      '0',
    ]);
  });

  test("a value typed in a modify value line uses the line's attribute", () => {
    const result = complete([
      AGREEMENT_DN,
      'changetype: modify',
      'replace: winSyncMoveAction',
      'winSyncMoveAction: un¦',
      '-',
    ]);
    assert.deepEqual(result.labels, ['none', 'delete', 'unsync']);
  });
});

describe('no completion', () => {
  test('in comments, continuation lines, DNs, free-text values, base64 values and unknown attributes', () => {
    assert.deepEqual(complete(['# ipaWin¦', PLUGIN_DN]).items, []);
    assert.deepEqual(complete([PLUGIN_DN, '# ¦']).items, []);
    assert.deepEqual(complete([PLUGIN_DN, 'ipaWinSyncRealmFilter: (objectclass=', ' ¦']).items, []);
    assert.deepEqual(complete([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWaySync: from', ' Win¦']).items, []);
    assert.deepEqual(complete([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWaySync: fr¦om', ' Win']).items, []);
    assert.deepEqual(complete(['dn: cn=¦']).items, []);
    assert.deepEqual(complete([PLUGIN_DN, 'ipaWinSyncRealmFilter: ¦']).items, []);
    assert.deepEqual(complete([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWaySync:: ¦']).items, []);
    assert.deepEqual(complete(['dn: uid=a,dc=x', 'mail: ¦']).items, []);
    assert.deepEqual(complete([PLUGIN_DN, 'not a name ¦']).items, []);
    assert.deepEqual(complete(['dn: uid=a,dc=x', 'control: 1.2.3 ¦', 'changetype: delete']).items, []);
  });

  test('every item of every context carries documentation', () => {
    const contexts = [
      [PLUGIN_DN, '¦'],
      [AGREEMENT_DN, AGREEMENT_CLASS, '¦'],
      [PLUGIN_DN, 'changetype: modify', '¦'],
      [PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisable', '¦'],
      [AGREEMENT_DN, 'changetype: modify', 'replace: ¦'],
      [PLUGIN_DN, 'ipaWinSyncAcctDisable: ¦'],
      [AGREEMENT_DN, AGREEMENT_CLASS, 'nsds7NewWinUserSyncEnabled: ¦'],
      [PLUGIN_DN, 'changetype: ¦'],
      ['dn: uid=a,dc=x', 'changetype: modrdn', '¦'],
      ['¦'],
    ];
    for (const lines of contexts) {
      const result = complete(lines);
      assert.ok(result.items.length > 0, lines.join(' / '));
      for (const candidate of result.items)
        assert.ok(candidate.documentation && candidate.detail, `${candidate.label} in ${lines.join(' / ')}`);
    }
  });
});

test('on a 100k-line document a completion takes well under 5 ms (binary search, no scan)', () => {
  const { document, lines } = bigDocument();
  assert.ok(lines.length >= 100_000);
  for (const position of [
    { line: 99_003, character: 19 },
    { line: 99_004, character: 0 },
    { line: 99_005, character: 9 },
    { line: 99_008, character: 0 },
  ]) {
    assert.ok(doComplete(document, position, catalog).length > 0, `items at ${position.line}`);
    const ms = medianMs(50, () => doComplete(document, position, catalog));
    assert.ok(ms < 1, `completion at line ${position.line} took ${ms.toFixed(3)} ms`);
  }
});

describe('object classes', () => {
  test("objectClass: offers the entry kind's classes from the catalog, the identifying one first", () => {
    const agreement = complete([
      'dn: cn=new,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
      'changetype: add',
      'objectClass: ¦',
    ]);
    assert.deepEqual(agreement.labels, ['nsDSWindowsReplicationAgreement', 'nsds5ReplicationAgreement', 'top']);
    assert.match(item(agreement, 'nsDSWindowsReplicationAgreement').documentation ?? '', /Windows sync agreement/);
    const plugin = complete([PLUGIN_DN, 'objectClass: ¦']);
    assert.deepEqual(plugin.labels.sort(), ['extensibleObject', 'nsSlapdPlugin', 'top']);
  });

  test('no object class suggestions on ordinary entries', () => {
    assert.deepEqual(complete(['dn: uid=jdoe,ou=People,dc=example,dc=com', 'objectClass: ¦']).labels, []);
  });
});
