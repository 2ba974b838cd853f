import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { doHover, type Hover } from '../../../server/src/engine/features/hover';
import { AGREEMENT_CLASS, AGREEMENT_DN, atCursor, bigDocument, medianMs, PLUGIN_DN, service, textOf } from './cursor';

const catalog = service.catalog;

/** Hover at the cursor mark, with the text its range covers. */
function hoverAt(lines: readonly string[]): (Hover & { covered: string }) | undefined {
  const { text, document, position } = atCursor(lines);
  const hover = doHover(document, position, catalog);
  return hover && { ...hover, covered: textOf(text, hover.range) };
}

function mustHover(lines: readonly string[]): Hover & { covered: string } {
  const hover = hoverAt(lines);
  assert.ok(hover, 'expected a hover');
  return hover;
}

/** The sentences of a hover, for checking that none is said twice. */
function sentences(markdown: string): string[] {
  return markdown
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.replace(/^[-*\s]+/, '').trim())
    .filter((sentence) => sentence.length > 12);
}

describe('hover on attribute names', () => {
  test('ipaWinSyncAcctDisable: first what it is, its values and default; then the details; nothing twice', () => {
    const hover = mustHover([
      PLUGIN_DN,
      'changetype: modify',
      'replace: ipaWinSyncAcctDisable',
      'ipaWinSync¦AcctDisable: to_ad',
      '-',
    ]);
    const spec = catalog.attribute('ipaWinSyncAcctDisable')!;
    assert.equal(hover.covered, 'ipaWinSyncAcctDisable');
    assert.deepEqual(hover.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 21 } });
    assert.deepEqual(hover.contents.split('\n\n'), [
      '**ipaWinSyncAcctDisable** — Chooses the direction in which account lock (disabled) state is synchronised between IdM and Active Directory. Values: one of `none`, `to_ad`, `to_ds`, `both`; FreeIPA ships `both`.',
      'The plug-in compares the value case-insensitively and refuses anything other than the four listed values. With any value other than `none`, the plug-in also reads the optional (in)activated-group filters.',
      'Single-valued; required when the entry is added; a modify may not remove it.',
      [
        `- **Bad value when the entry is added:** ${spec.onBadValue.add.note}`,
        `- **Bad value in a modify:** ${spec.onBadValue.modify.note}`,
      ].join('\n'),
    ]);
  });

  test('what a real sync showed: each statement checked, and where it contradicts the text, what was observed', () => {
    const hover = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'winSyncMove¦Action: unsync']);
    const sync = hover.contents.split('\n\n').at(-1) ?? '';
    assert.match(sync, /^\*\*Checked against a real sync\*\* \(389-DS 2\.3\.1 with a Samba 4\.17 AD DC\):/);
    assert.match(sync, /- ✓ "Removes the ntUser\/ntGroup object class/);
    assert.match(sync, /- ✗ "moving the AD entry back re-links it" — not so; observed: Moving the AD user back/); // The plug-in is not in the lab: its entry says so once, its settings do not repeat it.
    const plugin = mustHover(['dn: cn=ipa-win¦sync,cn=plugins,cn=config', 'changetype: modify']);
    assert.match(plugin.contents, /not checked against a real sync: the winsync lab runs no FreeIPA plug-in/);
  });

  test('every catalog attribute: a first paragraph with what it is and its values, the bad-value handling once, no sentence twice', () => {
    for (const spec of catalog.attributes) {
      const dn = spec.entry === 'ipa-winsync' ? PLUGIN_DN : AGREEMENT_DN;
      const hover = mustHover([
        dn,
        'changetype: modify',
        `replace: ${spec.name}`,
        `${spec.name.slice(0, 3)}¦${spec.name.slice(3)}: x`,
        '-',
      ]);
      assert.equal(hover.covered, spec.name, spec.name);
      const [first] = hover.contents.split('\n\n');
      assert.ok(first.startsWith(`**${spec.name}** — `), spec.name);
      assert.match(first, /Values?: /, spec.name);
      if (spec.default !== undefined) assert.ok(first.includes(`\`${spec.default}\``), spec.name);
      assert.ok(hover.contents.includes(spec.onBadValue.modify.note), spec.name);
      const said = sentences(hover.contents);
      assert.deepEqual(
        said.filter((sentence, index) => said.indexOf(sentence) !== index),
        [],
        spec.name,
      );
    }
  });

  test('names compare case-insensitively (FreeIPA ships ipaWinsyncHomeDirAttr)', () => {
    const hover = mustHover([PLUGIN_DN, 'ipaWinsync¦HomeDirAttr: ipaHomesRootDir']);
    assert.ok(hover.contents.startsWith('**ipaWinSyncHomeDirAttr** —'));
  });

  test('a boolean says how its dialect reads values; on/off says anything else is an error', () => {
    const slapi = mustHover([PLUGIN_DN, 'ipaWinSyncUser¦Flatten: true']);
    assert.ok(slapi.contents.includes('Value: `true` or `false`; default `true`.'));
    assert.ok(
      slapi.contents.includes(
        '\n\n`on`/`off`, `yes`/`no`, `1`/`0` and prefixes such as `t` work too. Any other text is read as a number',
      ),
    );
    assert.ok(slapi.contents.includes('- **Bad value in a modify:** Never refused and nothing is logged'));
    const onOff = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'nsds5Replica¦Enabled: on']);
    assert.ok(onOff.contents.includes('Value: `on` or `off`; default `on`.'));
    assert.ok(onOff.contents.includes('\n\nExactly `on` or `off` (any case); anything else is an error.'));
    assert.ok(onOff.contents.includes('- **Bad value when the entry is added:** Refused with 53;'));
  });

  test('the bad-value lines are the catalog notes, which say the result code or fallback themselves', () => {
    const move = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'winSync¦MoveAction: none']);
    const spec = catalog.attribute('winSyncMoveAction')!;
    assert.ok(move.contents.includes(`- **Bad value when the entry is added:** ${spec.onBadValue.add.note}`));
    assert.match(spec.onBadValue.add.note, /`none` is used/);
    assert.ok(move.contents.includes(' · since 389-ds-base 1.2.11.'));
  });

  test('server-managed attributes say so', () => {
    const hover = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'nsds7Dirsync¦Cookie:: AAEC']);
    assert.ok(hover.contents.includes('server-managed: the server writes it; leave it out of LDIF you author'));
    const status = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'nsds5replicaLast¦UpdateStatus: x']);
    assert.ok(status.contents.includes('- **Bad value (add or modify):** The schema marks it NO-USER-MODIFICATION'));
  });

  test('a misspelt name in the plugin entry gets the nearest known name and what the server does with it', () => {
    const hover = mustHover([
      PLUGIN_DN,
      'changetype: modify',
      'replace: ipaWinSyncAcctDisabel',
      'ipaWinSync¦AcctDisabel: none',
      '-',
    ]);
    assert.equal(
      hover.contents,
      [
        '**ipaWinSyncAcctDisabel** — not an attribute of the FreeIPA ipa-winsync plugin configuration.',
        '',
        'Did you mean `ipaWinSyncAcctDisable`?',
        '',
        'The entry accepts any attribute, so the server stores this one and nothing reads it: the setting silently has no effect.',
      ].join('\n'),
    );
  });

  test('an unknown name in an agreement is refused by its object class', () => {
    const hover = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWay¦Synk: fromWindows']);
    assert.ok(hover.contents.includes('Did you mean `oneWaySync`?'));
    assert.ok(hover.contents.endsWith("The server refuses attributes that the entry's object class does not allow."));
  });

  test('an unknown name with a winsync prefix in an unrelated entry still gets a suggestion', () => {
    const hover = mustHover(['dn: cn=x,dc=example,dc=com', 'ipaWinSyncForce¦Synk: true']);
    assert.ok(hover.contents.includes('Did you mean `ipaWinSyncForceSync`?'));
  });

  test('a generic attribute of the entry is named as such', () => {
    const hover = mustHover([PLUGIN_DN, 'nsslapd-plugin¦Precedence: 60']);
    assert.equal(
      hover.contents,
      '**nsslapd-pluginPrecedence** — one of the generic attributes a FreeIPA ipa-winsync plugin configuration entry carries; the winsync catalog does not describe it.',
    );
  });

  test('an attribute in the wrong entry says first where it belongs; in a plain replication agreement, which entry it is for', () => {
    const hover = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'ipaWinSync¦AcctDisable: both']);
    assert.ok(
      hover.contents.startsWith(
        '**Wrong entry:** this attribute belongs in the FreeIPA ipa-winsync plugin configuration, not in this Windows sync agreement (nsDSWindowsReplicationAgreement).\n\n**ipaWinSyncAcctDisable** — ',
      ),
    );
    const unknown = mustHover([AGREEMENT_DN, 'objectClass: nsds5ReplicationAgreement', 'oneWay¦Sync: toWindows']);
    assert.ok(
      unknown.contents.startsWith(
        '**Wrong kind of agreement:** this attribute belongs in the Windows sync agreement (nsDSWindowsReplicationAgreement), not in this 389-DS replication agreement (nsds5ReplicationAgreement).\n\n**oneWaySync** — ',
      ),
    );
  });

  test('a mod-spec header: the operation on its keyword, the attribute on its value (range without spaces)', () => {
    const op = mustHover([
      PLUGIN_DN,
      'changetype: modify',
      'rep¦lace: ipaWinSyncForceSync',
      'ipaWinSyncForceSync: true',
      '-',
    ]);
    assert.equal(op.covered, 'replace');
    assert.ok(op.contents.startsWith('**replace:** Replaces every value of the attribute'));
    const attribute = mustHover([
      PLUGIN_DN,
      'changetype: modify',
      'replace:  ipaWinSync¦ForceSync  ',
      'ipaWinSyncForceSync: true',
      '-',
    ]);
    assert.equal(attribute.covered, 'ipaWinSyncForceSync');
    assert.ok(attribute.contents.startsWith('**ipaWinSyncForceSync** —'));
  });

  test('keywords: changetype, its value, deleteoldrdn', () => {
    const name = mustHover([PLUGIN_DN, 'change¦type: modify']);
    assert.equal(name.covered, 'changetype');
    assert.ok(name.contents.startsWith('**changetype:** Makes the record a change record'));
    const value = mustHover([PLUGIN_DN, 'changetype: mod¦ify']);
    assert.equal(value.covered, 'modify');
    assert.ok(value.contents.startsWith('**changetype: modify** — Changes an existing entry.'));
    const bad = mustHover([PLUGIN_DN, 'changetype: upd¦ate']);
    assert.equal(bad.contents, '`update` is not a changetype: use `add`, `delete`, `modify`, `modrdn`, `moddn`.');
    const rename = mustHover(['dn: uid=a,dc=x', 'changetype: modrdn', 'newrdn: uid=b', 'deleteoldrdn: ¦1']);
    assert.equal(rename.contents, '**deleteoldrdn: 1** — Removes the old RDN value from the entry.');
  });
});

describe('hover on values', () => {
  test('enum values: to_ad, fromWindows, unsync each say what they do', () => {
    const acct = mustHover([
      PLUGIN_DN,
      'changetype: modify',
      'replace: ipaWinSyncAcctDisable',
      'ipaWinSyncAcctDisable: to¦_ad',
      '-',
    ]);
    assert.equal(acct.covered, 'to_ad');
    assert.equal(
      acct.contents,
      'Value of `ipaWinSyncAcctDisable`\n\n**`to_ad`** — One way, IdM → AD: locking a user in IdM disables the AD account and overrides the AD setting; disabling done in AD is not copied to IdM.',
    );
    const oneWay = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWaySync: from¦Windows']);
    assert.ok(
      oneWay.contents.startsWith('Value of `oneWaySync`\n\n**`fromWindows`** — Only AD → directory: AD is the master.'),
    );
    const move = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'winSyncMoveAction: un¦sync']);
    assert.ok(move.contents.includes('**`unsync`** — Removes the ntUser/ntGroup object class'));
  });

  test('an enum value in another case works and names the documented spelling; older spellings are marked', () => {
    const hover = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWaySync: FROM¦WINDOWS']);
    assert.ok(
      hover.contents.includes('**`fromWindows`** (documented spelling `fromWindows`; the server ignores case) —'),
    );
    const legacy = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'nsDS5ReplicaTransportInfo: T¦LS']);
    assert.ok(legacy.contents.endsWith('*Older spelling, still accepted.*'));
  });

  test('a bad value gets what the attribute is and its default, and leaves the problem to the diagnostic', () => {
    const text = [
      PLUGIN_DN,
      'changetype: modify',
      'replace: ipaWinSyncAcctDisable',
      'ipaWinSyncAcctDisable: sometimes',
      '-',
    ];
    const hover = mustHover([...text.slice(0, 3), 'ipaWinSyncAcctDisable: some¦times', '-']);
    assert.equal(
      hover.contents,
      '**ipaWinSyncAcctDisable** — Chooses the direction in which account lock (disabled) state is synchronised between IdM and Active Directory. FreeIPA ships `both`.',
    );
    // Together with the diagnostic, which the editor shows in the same hover, no sentence comes twice.
    const [diagnostic] = service
      .validate(service.parse(text.join('\n')))
      .filter((d) => d.code === 'winsync/invalid-enum');
    const said = sentences(`${diagnostic.message}\n\n${hover.contents}`);
    assert.deepEqual(
      said.filter((sentence, index) => said.indexOf(sentence) !== index),
      [],
    );
    assert.doesNotMatch(hover.contents, /53|none`, `to_ad/, 'neither the reaction nor the allowed values again');
    const add = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'winSyncMoveAction: move¦d']);
    assert.ok(add.contents.startsWith('**winSyncMoveAction** — '));
    assert.ok(add.contents.endsWith(' Default `none`.'));
  });

  test('boolean values in each dialect', () => {
    const prefix = mustHover([PLUGIN_DN, 'ipaWinSyncForceSync: ¦t']);
    assert.equal(
      prefix.contents,
      'Value of `ipaWinSyncForceSync`\n\n`t` means **true**: the server accepts it as a prefix of `true`.',
    );
    const typo = mustHover([PLUGIN_DN, 'ipaWinSyncUserFlatten: tru¦ee']);
    assert.ok(
      typo.contents.endsWith(
        '`truee` means **false**: the server does not know the word and reads it as a number (non-numeric text is 0).',
      ),
    );
    const winsync = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'nsds7NewWinUserSyncEnabled: enab¦led']);
    assert.ok(
      winsync.contents.endsWith(
        '`enabled` means **false**: only `on`, `yes`, `true` and `1` mean true, so any other word — a typo included — silently means false.',
      ),
    );
    const yes = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'winSyncFlattenTree: y¦es']);
    assert.ok(yes.contents.endsWith('`yes` means **true**.'));
    const onOff = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'nsds5ReplicaEnabled: tr¦ue']);
    assert.ok(onOff.contents.endsWith('`true` is not valid here: only `on` and `off` (any case) are accepted.'));
  });

  test('base64: the decoded text, or the size of binary data, or that it does not decode', () => {
    const text = mustHover(['dn: cn=x,dc=example,dc=com', 'description:: aGVsbG8g¦d29ybGQ=']);
    assert.equal(text.covered, 'aGVsbG8gd29ybGQ=');
    assert.equal(text.contents, '**Base64**, decoded:\n\n```text\nhello world\n```');
    const binary = mustHover(['dn: cn=x,dc=example,dc=com', 'jpegPhoto:: /9j/¦4A==']);
    assert.equal(binary.contents, '**Base64:** binary, 4 bytes (not UTF-8 text).');
    const broken = mustHover(['dn: cn=x,dc=example,dc=com', 'description:: ab¦c']);
    assert.equal(broken.contents, '**Invalid base64:** the value does not decode.');
    const known = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWaySync:: ZnJvbVdp¦bmRvd3M=']);
    assert.ok(
      known.contents.startsWith(
        '**Base64**, decoded:\n\n```text\nfromWindows\n```\n\nValue of `oneWaySync`\n\n**`fromWindows`** —',
      ),
    );
  });

  test('an agreement DN: RDNs with escapes decoded, the entry kind and the replicated suffix', () => {
    const hover = mustHover([AGREEMENT_DN.replace('cn=meToad', 'cn=me¦Toad'), AGREEMENT_CLASS]);
    assert.equal(hover.covered, AGREEMENT_DN.slice(4));
    assert.equal(
      hover.contents,
      [
        '**Entry DN** — Windows sync agreement (nsDSWindowsReplicationAgreement)',
        '',
        'RDNs, from the entry up to the root:',
        '',
        '1. `cn` = `meToad.example.com`',
        '2. `cn` = `replica`',
        '3. `cn` = `dc=example,dc=com` (written `dc\\3Dexample\\2Cdc\\3Dcom`)',
        '4. `cn` = `mapping tree`',
        '5. `cn` = `config`',
        '',
        '**Replicated suffix:** `dc=example,dc=com`',
      ].join('\n'),
    );
  });

  test('a DN still being typed is judged by its shape; legacy forms show what 389-DS stores', () => {
    const hover = mustHover(['dn: cn=new,cn=replica,cn="dc=example,dc=com",cn=mapping tree,cn=con¦fig']);
    assert.ok(
      hover.contents.startsWith(
        '**Entry DN** — looks like a replication agreement (Windows sync or 389-DS) (from its DN and the names it uses)',
      ),
    );
    assert.ok(
      hover.contents.includes(
        '**Legacy form:** 389-DS accepts it and stores `cn=new,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config`.',
      ),
    );
    assert.ok(hover.contents.includes('3. `cn` = `dc=example,dc=com` (written `"dc=example,dc=com"`)'));
  });

  test('an unescaped suffix is flagged with the escaped form', () => {
    const hover = mustHover(['dn: cn=a,cn=replica,cn=dc=example,dc=com,cn=mapping tree,cn=con¦fig']);
    assert.ok(
      hover.contents.endsWith(
        'The suffix is written without escaping, so this DN names a different entry and the server answers 32 (No such object); write it as `cn=dc\\3Dexample\\2Cdc\\3Dcom`.',
      ),
    );
  });

  test('a malformed DN says why, and multi-valued RDNs are joined with +', () => {
    const broken = mustHover(['dn:,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=con¦fig']);
    assert.ok(
      broken.contents.includes("**Not a valid DN:** Empty RDN before ',': expected attribute=value, or remove the ','"),
    );
    assert.ok(broken.contents.startsWith('**Entry DN** — looks like a replication agreement (Windows sync or 389-DS)'));
    const multi = mustHover(['dn: cn=a+sn=b,dc=ex¦ample,dc=com', 'cn: a']);
    assert.ok(multi.contents.includes('1. `cn` = `a` + `sn` = `b`'));
    assert.ok(multi.contents.startsWith('**Entry DN**\n\n'));
  });

  test('DN-syntax attributes, newsuperior and base64 DNs show their RDNs', () => {
    const root = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'nsDS5ReplicaRoot: dc=exa¦mple,dc=com']);
    assert.equal(
      root.contents,
      'Value of `nsDS5ReplicaRoot`\n\nRDNs, from the entry up to the root:\n\n1. `dc` = `example`\n2. `dc` = `com`',
    );
    const superior = mustHover([
      'dn: uid=a,dc=x',
      'changetype: modrdn',
      'newrdn: uid=b',
      'deleteoldrdn: 1',
      'newsuperior: ou=Pe¦ople\\2C old,dc=x',
    ]);
    assert.ok(
      superior.contents.startsWith(
        '**New parent entry**\n\nRDNs, from the entry up to the root:\n\n1. `ou` = `People, old` (written `People\\2C old`)',
      ),
    );
    const encoded = mustHover(['dn:: Y249w6l0w6ksZGM9eA¦==', 'cn: été']);
    assert.ok(encoded.contents.startsWith('**Entry DN**\n\n**Base64**, decoded:\n\n```text\ncn=été,dc=x\n```\n\nRDNs'));
  });

  test('schedules in words; a window that is not valid gets the attribute summary (the diagnostic says what is wrong)', () => {
    const window = (value: string) =>
      mustHover([AGREEMENT_DN, AGREEMENT_CLASS, `nsDS5ReplicaUpdateSchedule: ${value}¦`]).contents;
    assert.equal(
      window('0800-1700 12345'),
      'Value of `nsDS5ReplicaUpdateSchedule`\n\n08:00–17:00 on Monday, Tuesday, Wednesday, Thursday and Friday.',
    );
    assert.ok(window('0000-2359 0123456').endsWith('00:00–23:59 every day.'));
    assert.ok(window('2200-2359 60').endsWith('22:00–23:59 on Sunday and Saturday.'));
    assert.ok(window('*').endsWith('Any time: updates are not restricted to a window.'));
    for (const bad of ['1700-0800 1', '2500-9999 9', '0800-1700 7', 'weekdays', '8-17'])
      assert.ok(window(bad).startsWith('**nsDS5ReplicaUpdateSchedule** — When updates may be sent'), bad);
  });

  test('subtree pairs and ipaWinSyncUserAttr values are read apart', () => {
    const pair = mustHover([
      AGREEMENT_DN,
      AGREEMENT_CLASS,
      'winSyncSubtreePair: ou=People,dc=example,dc=com:OU=Staff,DC=ad¦',
    ]);
    assert.ok(
      pair.contents.includes('**Directory subtree**\n\nRDNs, from the entry up to the root:\n\n1. `ou` = `People`'),
    );
    assert.ok(
      pair.contents.includes(
        '**Active Directory subtree**\n\nRDNs, from the entry up to the root:\n\n1. `OU` = `Staff`\n2. `DC` = `ad`',
      ),
    );
    const userAttr = mustHover([PLUGIN_DN, 'ipaWinSyncUserAttr: uidNumber ¦-1']);
    assert.equal(
      userAttr.contents,
      'Value of `ipaWinSyncUserAttr`\n\nGives synced users `uidNumber` = `-1` when they do not have that attribute yet.',
    );
  });

  test('a value with nothing specific to say shows the attribute description', () => {
    const hover = mustHover([PLUGIN_DN, 'ipaWinSyncRealmFilter: (objectclass=krb¦RealmContainer)']);
    assert.equal(hover.covered, '(objectclass=krbRealmContainer)');
    assert.ok(hover.contents.startsWith('**ipaWinSyncRealmFilter** —'));
  });

  test('a folded value: the hover covers every piece of it', () => {
    const hover = mustHover([AGREEMENT_DN, AGREEMENT_CLASS, 'oneWaySync: from', ' Win¦dows']);
    assert.deepEqual(hover.range, { start: { line: 2, character: 12 }, end: { line: 3, character: 8 } });
    assert.ok(hover.contents.includes('**`fromWindows`** —'));
  });
});

describe('no hover', () => {
  test('on comments, blank lines, separators, plain entries, unknown names and past the end', () => {
    assert.equal(hoverAt(['# ipaWinSync¦AcctDisable', PLUGIN_DN]), undefined);
    assert.equal(hoverAt([PLUGIN_DN, '# ipaWinSync¦AcctDisable: none', 'cn: ipa-winsync']), undefined);
    assert.equal(hoverAt([PLUGIN_DN, 'cn: x', '¦', 'dn: cn=y']), undefined);
    assert.equal(hoverAt([PLUGIN_DN, 'ipaWinSyncAcctDisable¦: none']), undefined);
    assert.equal(hoverAt(['dn: uid=jdoe,dc=example,dc=com', 'ma¦il: jdoe@example.com']), undefined);
    assert.equal(hoverAt(['dn: uid=jdoe,dc=example,dc=com', 'mail: jdoe@exam¦ple.com']), undefined);
    assert.equal(hoverAt(['dn: uid=a,dc=x', 'control: 1.2.840.113556.1.4.805 t¦rue', 'changetype: delete']), undefined);
    assert.equal(hoverAt([PLUGIN_DN, 'cn: x', '', '', '¦']), undefined);
  });
});

test('on a 100k-line document a hover takes well under 5 ms (binary search, no scan)', () => {
  const { document, lines } = bigDocument();
  assert.ok(lines.length >= 100_000);
  // Near the end, where a linear scan would hurt most: a DN, a name, an enum value and a schedule.
  for (const position of [
    { line: 99_000, character: 10 },
    { line: 99_003, character: 3 },
    { line: 99_003, character: 22 },
    { line: 99_006, character: 30 },
  ]) {
    assert.ok(doHover(document, position, catalog), `hover at ${position.line}`);
    const ms = medianMs(50, () => doHover(document, position, catalog));
    assert.ok(ms < 1, `hover at line ${position.line} took ${ms.toFixed(3)} ms`);
  }
});
