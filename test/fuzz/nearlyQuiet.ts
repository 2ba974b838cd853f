/**
 * Records near the edge of what `QuietRecords` calls quiet: mostly ordinary ones, each now and
 * then with one thing a rule or the parser looks at (a keyword, a catalog name, a value given
 * twice, a trailing space, a character that needs base64...).
 */
import fc from 'fast-check';

/** Mostly `usual`, now and then `edge`: records near the edge, each with a thing or two that may be wrong. */
function mostly<T>(usual: readonly T[], edge: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...usual) },
    { weight: 1, arbitrary: fc.constantFrom(...edge) },
  );
}

/** Names: ordinary ones in several spellings; keywords, catalog attributes, a bad one. */
const description = mostly(
  ['cn', 'CN', 'sn', 'mail', 'member', 'description', 'objectClass', 'uid;lang-en'],
  [
    'objectclass',
    'objectClass;x',
    'dn',
    'changetype',
    'control',
    'replace',
    'add',
    'newrdn',
    'ipaWinSyncAcctDisable',
    'nsds7WindowsReplicaSubtree',
    'winSyncInterval',
    'nsDS5ReplicaRoot',
    'bad_name',
    '1.2.3',
  ],
);

/** Values: ordinary ones that repeat now and then, and every kind of edge a rule or the parser looks at. */
const value = mostly(
  ['a', 'b', 'x y', 'top', 'person', 'Director', 'uid=ann,cn=users,dc=example,dc=com'],
  [
    '',
    ' ',
    'trailing ',
    ':colon',
    '<less',
    'nsDSWindowsReplicationAgreement',
    ' nsds5replicationagreement',
    'cn=config',
    'cn=x,cn=mapping tree,dc=y',
    'a\u00a0b',
    'a\ufffdb',
    'a\0b',
    'a\rb',
    'a\tb',
    '\u00e9t\u00e9',
    'cn=a\\,b,dc=c',
    'cn= a,dc=b',
    'cn=a;dc=b',
    'cn=#1',
    'add',
    'increment',
    '1.2.3::AAAA',
  ],
);

/** A value line, written plain, in base64 (valid or not), or as a URL. */
const valueLine = fc.tuple(description, value, mostly([':', '::'], ['::bad', ':<'])).map(([name, text, separator]) => {
  if (separator === '::') return `${name}:: ${Buffer.from(text).toString('base64')}`;
  if (separator === '::bad') return `${name}:: ${text}=`;
  if (separator === ':<') return `${name}:< file:///tmp/${text.length}`;
  return `${name}: ${text}`;
});

const dnLine = fc
  .tuple(
    mostly(
      ['uid=ann,cn=users,dc=example,dc=com', 'cn=g1,cn=groups,dc=example,dc=com', 'cn=a b,dc=c', 'cn=\u00e9,dc=c'],
      [
        'cn=ipa-winsync,cn=plugins,cn=config',
        'cn=meToAD,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
        'cn=a ,dc=c',
        '',
        'cn=a,,dc=c',
      ],
    ),
    mostly([false], [true]),
  )
  .map(([dn, base64]) => (base64 ? `dn:: ${Buffer.from(dn).toString('base64')}` : `dn: ${dn}`));

const modSpec = fc
  .tuple(
    mostly(['add', 'delete', 'replace'], ['increment', 'Replace']),
    description,
    fc.array(fc.tuple(value, mostly([false], [true])), { maxLength: 4 }),
    mostly(['-'], ['', '- ']),
  )
  .map(([op, name, values, dash]) => [
    `${op}: ${name}`,
    ...values.map(([text, other]) => `${other ? 'sn' : name}: ${text}`),
    ...(dash === '' ? [] : [dash]),
  ]);

/** One record of any kind, mostly well formed, as its lines. */
export const nearEdgeRecord: fc.Arbitrary<string[]> = fc
  .tuple(
    dnLine,
    fc.oneof(
      { weight: 6, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: mostly([['control: 1.2.840.113556.1.4.805 true']], [['control: 1.2.3 false: x']]) },
    ),
    mostly(['content', 'add', 'modify', 'delete', 'modrdn', 'moddn'], ['modfy', 'delete ', 'Modify']),
    fc.array(valueLine, { maxLength: 6 }),
    fc.array(modSpec, { maxLength: 3 }),
    fc.tuple(
      mostly(['cn=new'], ['cn=new,dc=x', '', 'cn=a ']),
      mostly(['0', '1'], ['2', '1 ']),
      mostly([null, 'dc=example,dc=com'], ['dc=x ', 'cn=config']),
    ),
    fc.oneof(fc.constant([]), mostly([['# a comment']], [['#folded\n comment']])),
  )
  .map(([dn, controls, kind, attributes, specs, [newRdn, deleteOld, newSuperior], comments]) => {
    const lines = [...comments, dn];
    if (kind === 'content') return [...lines, ...attributes];
    lines.push(...controls, `changetype: ${kind}`);
    if (kind === 'add') return [...lines, ...attributes];
    if (kind.toLowerCase() === 'modify' || kind === 'modfy') return [...lines, ...specs.flat()];
    if (kind === 'modrdn' || kind === 'moddn') {
      lines.push(`newrdn: ${newRdn}`, `deleteoldrdn: ${deleteOld}`);
      if (newSuperior !== null) lines.push(`newsuperior: ${newSuperior}`);
    }
    return lines;
  });

/** Records rendered with folds, CRLF here and there, blank lines and lines of white space between them. */
export const nearlyQuietText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(nearEdgeRecord, { minLength: 1, maxLength: 8 }),
    fc.oneof(fc.constant([]), fc.array(fc.nat({ max: 200 }), { maxLength: 2 })),
    mostly(['\n'], ['\r\n']),
    mostly(['\n', '\n\n'], [' \n', '\t\n', '\n \n']),
    fc.boolean(),
  )
  .map(([records, folds, eol, between, version]) => {
    let text = (version ? `version: 1${eol}${eol}` : '') + records.map((lines) => lines.join(eol) + eol).join(between);
    // Fold at a few places: inside a name, a value or a separator, as a writer of 76-column lines would.
    for (const at of folds) {
      const cut = at % Math.max(1, text.length);
      if (text[cut - 1] !== '\n' && text[cut] !== '\n' && text[cut] !== '\r')
        text = `${text.slice(0, cut)}${eol} ${text.slice(cut)}`;
    }
    return text;
  });
