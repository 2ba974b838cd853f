import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalDn,
  escapeDnValue,
  formatDn,
  isAttributeType,
  isDescendantOrSelf,
  normalizeDn,
  parentDn,
  parseDn,
  replicaSuffix,
  sameDn,
  type DnProblem,
} from '../../../server/src/engine/dn/dn';

/** Problems as [start, end, severity] triples, the part most tests pin down. */
function spans(dn: string): [number, number, DnProblem['severity']][] {
  return parseDn(dn).problems.map((problem) => [problem.start, problem.end, problem.severity]);
}

function onlyProblem(dn: string): DnProblem {
  const { problems } = parseDn(dn);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return problems[0];
}

/** Applies the legacy replacements, last first, to get the RFC 4514 text they promise. */
function applyReplacements(dn: string): string {
  const problems = [...parseDn(dn).problems].sort((a, b) => b.start - a.start);
  return problems.reduce((text, problem) => {
    assert.equal(problem.severity, 'legacy');
    assert.notEqual(problem.replacement, undefined);
    return text.slice(0, problem.start) + problem.replacement + text.slice(problem.end);
  }, dn);
}

const SUFFIX_RDN = 'cn=dc\\3Dexample\\2Cdc\\3Dcom';

test('the empty DN is valid and has no RDNs', () => {
  assert.deepEqual(parseDn(''), { rdns: [], problems: [] });
  assert.equal(normalizeDn(''), '');
});

test('a plain DN yields RDNs and AVAs with exact offsets', () => {
  const { rdns, problems } = parseDn('uid=jdoe,ou=People,dc=example,dc=com');
  assert.deepEqual(problems, []);
  assert.equal(rdns.length, 4);
  assert.deepEqual(rdns[1], {
    start: 9,
    end: 18,
    avas: [
      {
        type: 'ou',
        typeStart: 9,
        typeEnd: 11,
        value: 'People',
        rawValue: 'People',
        valueStart: 12,
        valueEnd: 18,
        hexString: false,
      },
    ],
  });
});

test('escapes decode: \\2C, \\, and multi-byte UTF-8 hex escapes', () => {
  const [hex] = parseDn('cn=Doe\\2C John').rdns;
  assert.equal(hex.avas[0].value, 'Doe, John');
  assert.equal(hex.avas[0].rawValue, 'Doe\\2C John');
  assert.equal(parseDn('cn=Doe\\, John').rdns[0].avas[0].value, 'Doe, John');
  assert.equal(parseDn('cn=Ren\\C3\\A9').rdns[0].avas[0].value, 'René');
  assert.equal(parseDn('cn=\\E2\\82\\AC and \\F0\\9F\\98\\80').rdns[0].avas[0].value, '€ and 😀');
  assert.equal(parseDn('cn=\\ a\\ ').rdns[0].avas[0].value, ' a ');
  assert.equal(parseDn('cn=\\#1').rdns[0].avas[0].value, '#1');
  assert.equal(parseDn('cn=a\\\\b').rdns[0].avas[0].value, 'a\\b');
  assert.equal(normalizeDn('cn=Doe\\2C John'), normalizeDn('CN=doe\\, john'));
});

test('an unescaped = inside a value is allowed', () => {
  assert.deepEqual(parseDn('cn=a=b').problems, []);
  assert.equal(parseDn('cn=a=b').rdns[0].avas[0].value, 'a=b');
});

test('a multi-valued RDN keeps its AVAs, and their order does not matter for comparison', () => {
  const [rdn] = parseDn('cn=a+sn=b,dc=com').rdns;
  assert.deepEqual(
    rdn.avas.map((ava) => [ava.type, ava.value]),
    [
      ['cn', 'a'],
      ['sn', 'b'],
    ],
  );
  assert.deepEqual([rdn.start, rdn.end], [0, 9]);
  assert.equal(normalizeDn('sn=B+cn=A,dc=com'), 'cn=a+sn=b,dc=com');
});

test('numeric OID types are accepted; malformed ones are not', () => {
  assert.deepEqual(parseDn('2.5.4.3=John,0.9.2342.19200300.100.1.25=com').problems, []);
  assert.ok(isAttributeType('2.5.4.3'));
  assert.ok(isAttributeType('userPassword-x1'));
  for (const bad of ['1', '1.', '.1', '1..2', '01.2', '2.05', 'c_n', '1cn', 'cn;lang-en'])
    assert.ok(!isAttributeType(bad), bad);
});

test('hexstring values are kept as #… text', () => {
  const { rdns, problems } = parseDn('cn=#04024869,dc=com');
  assert.deepEqual(problems, []);
  assert.deepEqual([rdns[0].avas[0].value, rdns[0].avas[0].hexString], ['#04024869', true]);
  assert.equal(normalizeDn('CN=#04024869'), normalizeDn('cn=#04024869'));
  assert.equal(normalizeDn('CN=#0402AB'), 'cn=#0402ab');
});

test('the seed replica DN with a leading comma is an empty RDN at offset 0', () => {
  const problem = onlyProblem(`,cn=replica,${SUFFIX_RDN},cn=mapping tree,cn=config`);
  assert.deepEqual([problem.start, problem.end, problem.severity], [0, 1, 'error']);
  assert.equal(problem.message, "Empty RDN before ',': expected attribute=value, or remove the ','");
});

test('empty RDNs and trailing separators are errors at the separator', () => {
  assert.deepEqual(spans('uid=x,,dc=com'), [[6, 7, 'error']]);
  assert.deepEqual(spans('dc=com,'), [[6, 7, 'error']]);
  assert.match(onlyProblem('dc=com,').message, /^Trailing ',' at the end of the DN/);
  assert.deepEqual(spans('cn=a+,dc=com'), [[5, 6, 'error']]);
  assert.match(onlyProblem('cn=a+,dc=com').message, /between '\+' and ','/);
  assert.deepEqual(spans('+cn=a'), [[0, 1, 'error']]);
  assert.deepEqual(spans('cn=a+'), [[4, 5, 'error']]);
});

test("a missing '=' covers the type", () => {
  const problem = onlyProblem('cn,dc=com');
  assert.deepEqual([problem.start, problem.end], [0, 2]);
  assert.equal(problem.message, "Missing '=' after 'cn': expected cn=<value>");
  assert.deepEqual(spans('dc=example,com'), [[11, 14, 'error']]);
});

test('an empty or invalid attribute type is an error', () => {
  const empty = onlyProblem('=x,dc=com');
  assert.deepEqual([empty.start, empty.end, empty.message], [0, 1, "Missing attribute type before '='"]);
  const invalid = onlyProblem('dc=com,c_n=x');
  assert.deepEqual([invalid.start, invalid.end], [7, 10]);
  assert.match(invalid.message, /^Invalid attribute type 'c_n': expected a name/);
});

test('bad escapes, a dangling backslash and bad hexstrings are errors with exact ranges', () => {
  assert.deepEqual(spans('cn=a\\qb'), [[4, 6, 'error']]);
  assert.match(onlyProblem('cn=a\\qb').message, /^Invalid escape '\\q': expected '\\' followed by two hex digits/);
  assert.deepEqual(spans('cn=a\\4g'), [[4, 7, 'error']]);
  assert.deepEqual(spans('cn=a\\4,dc=com'), [[4, 6, 'error']]);
  const dangling = onlyProblem('cn=a\\');
  assert.deepEqual([dangling.start, dangling.end], [4, 5]);
  assert.match(dangling.message, /^Dangling '\\'/);
  assert.deepEqual(spans('cn=#abc,dc=com'), [[3, 7, 'error']]);
  assert.deepEqual(spans('cn=#zz'), [[3, 6, 'error']]);
  assert.deepEqual(spans('cn=#'), [[3, 4, 'error']]);
  assert.match(onlyProblem('cn=#abc').message, /^Invalid hexstring '#abc'.*write \\# /);
});

test('characters RFC 4514 requires escaped are errors: " < > NUL', () => {
  assert.deepEqual(spans('cn=a<b>c'), [
    [4, 5, 'error'],
    [6, 7, 'error'],
  ]);
  assert.equal(onlyProblem('cn=a<b').message, "Unescaped '<' in value: RFC 4514 requires \\< or \\3C");
  assert.deepEqual(spans('cn=a"b'), [[4, 5, 'error']]);
  assert.deepEqual(spans('cn=a\u0000b'), [[4, 5, 'error']]);
  assert.equal(onlyProblem('cn=a\u0000b').message, 'NUL character in value: write \\00');
});

test('hex escapes that are not UTF-8 are an error over the escape run', () => {
  const problem = onlyProblem('cn=x\\C3\\28y');
  assert.deepEqual([problem.start, problem.end], [4, 10]);
  assert.match(problem.message, /^Hex escapes \\C3\\28 are not valid UTF-8/);
  assert.deepEqual(spans('cn=\\C3y'), [[3, 6, 'error']]);
});

test('errors make normalizeDn undefined', () => {
  for (const dn of ['uid=x,,dc=com', 'cn', 'cn=a\\', 'cn=\\C3\\28', 'cn="open'])
    assert.equal(normalizeDn(dn), undefined, dn);
});

test('the quoted (RFC 1779) form is legacy and says what 389-DS stores', () => {
  const dn = 'cn="dc=example,dc=com",cn=mapping tree,cn=config';
  const problem = onlyProblem(dn);
  assert.deepEqual([problem.start, problem.end, problem.severity], [3, 22, 'legacy']);
  assert.equal(
    problem.message,
    '389-DS accepts the quoted (RFC 1779) form and stores it as cn=dc\\3Dexample\\2Cdc\\3Dcom',
  );
  assert.equal(problem.replacement, 'dc\\3Dexample\\2Cdc\\3Dcom');
  const ava = parseDn(dn).rdns[0].avas[0];
  assert.deepEqual(
    [ava.value, ava.rawValue, ava.valueStart, ava.valueEnd],
    ['dc=example,dc=com', '"dc=example,dc=com"', 3, 22],
  );
});

test('quoted values: escapes inside, errors for a missing quote or text after it', () => {
  assert.equal(parseDn('cn="a\\"b"').rdns[0].avas[0].value, 'a"b');
  const open = onlyProblem('cn="abc');
  assert.deepEqual([open.start, open.end, open.severity], [3, 7, 'error']);
  assert.deepEqual(spans('cn="a"b,dc=com'), [
    [3, 6, 'legacy'],
    [6, 7, 'error'],
  ]);
});

test("';' separators and spaces around separators are legacy, with the RFC 4514 replacement", () => {
  const dn = ' cn = a ; ou=b + sn=c ,dc=com ';
  assert.deepEqual(spans(dn), [
    [0, 1, 'legacy'],
    [3, 6, 'legacy'],
    [7, 10, 'legacy'],
    [14, 17, 'legacy'],
    [21, 23, 'legacy'],
    [29, 30, 'legacy'],
  ]);
  const problems = parseDn(dn).problems;
  assert.equal(problems[2].message, "' ; ' between RDNs is a legacy (RFC 1779) form: 389-DS reads it as ','");
  assert.equal(
    problems[3].message,
    "Spaces around '+' are a legacy form: 389-DS removes them (in RFC 4514 they would belong to the values)",
  );
  assert.deepEqual(
    parseDn(dn).rdns.map((rdn) => rdn.avas.map((ava) => ava.value)),
    [['a'], ['b', 'c'], ['com']],
  );
  assert.equal(applyReplacements(dn), 'cn=a,ou=b+sn=c,dc=com');
  assert.equal(normalizeDn(dn), 'cn=a,ou=b+sn=c,dc=com');
  assert.deepEqual(spans('cn=a;dc=com'), [[4, 5, 'legacy']]);
});

test('an escaped trailing space stays in the value; unescaped ones around it are stripped', () => {
  const { rdns, problems } = parseDn('cn=a\\  ,dc=com');
  assert.equal(rdns[0].avas[0].value, 'a ');
  assert.deepEqual(
    problems.map((p) => [p.start, p.end, p.replacement]),
    [[6, 8, ',']],
  );
});

test('legacy replacements turn a DN into problem-free RFC 4514 with the same meaning', () => {
  for (const dn of ['cn="dc=example,dc=com" , cn=mapping tree;cn=config', 'cn = "a+b" + sn = " x "', '  dc=com  ']) {
    const fixed = applyReplacements(dn);
    assert.deepEqual(parseDn(fixed).problems, [], fixed);
    assert.equal(normalizeDn(fixed), normalizeDn(dn));
  }
});

test('all spellings of the suffix RDN normalise to the same DN', () => {
  const expected = 'cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';
  for (const dn of [
    'cn="dc=example,dc=com",cn=mapping tree,cn=config',
    'cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
    'cn=dc\\=example\\,dc\\=com,cn=mapping tree,cn=config',
    'CN=Dc\\3dExample\\2cDC\\3dcom , cn=Mapping Tree,cn=config',
  ]) {
    assert.equal(normalizeDn(dn), expected, dn);
  }
  assert.equal(
    canonicalDn('CN="dc=Example,dc=com" , cn=Mapping Tree;cn=config'),
    'CN=dc\\3DExample\\2Cdc\\3Dcom,cn=Mapping Tree,cn=config',
  );
});

test('escapeDnValue escapes what RFC 4514 requires, plus = as 389-DS does', () => {
  assert.equal(escapeDnValue('dc=example,dc=com'), 'dc\\3Dexample\\2Cdc\\3Dcom');
  assert.equal(escapeDnValue('a"+,;<>\\b\u0000'), 'a\\22\\2B\\2C\\3B\\3C\\3E\\5Cb\\00');
  assert.equal(escapeDnValue(' #a# '), '\\20#a#\\20');
  assert.equal(escapeDnValue('#a'), '\\23a');
  assert.equal(escapeDnValue(' '), '\\20');
  assert.equal(escapeDnValue('René Müller'), 'René Müller');
  assert.equal(escapeDnValue(''), '');
});

test('formatDn round-trips through parseDn', () => {
  const rdns = [
    {
      avas: [
        { type: 'cn', value: ' Doe, "J" <x>#', hexString: false },
        { type: 'sn', value: '#04', hexString: true },
      ],
    },
    { avas: [{ type: 'dc', value: 'com', hexString: false }] },
  ];
  const text = formatDn(rdns);
  assert.equal(text, 'cn=\\20Doe\\2C \\22J\\22 \\3Cx\\3E#+sn=#04,dc=com');
  const parsed = parseDn(text);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(
    parsed.rdns.map((rdn) => rdn.avas.map(({ type, value, hexString }) => ({ type, value, hexString }))),
    rdns.map((rdn) => rdn.avas),
  );
});

test('isDescendantOrSelf, parentDn and sameDn compare normalised forms', () => {
  assert.ok(isDescendantOrSelf('ou=People,dc=example,dc=com', 'dc=example,dc=com'));
  assert.ok(isDescendantOrSelf('uid=a,OU=People, DC=Example,dc=com', 'dc=example,dc=com'));
  assert.ok(isDescendantOrSelf('dc=example,dc=com', 'DC=example,DC=com'));
  assert.ok(isDescendantOrSelf('dc=com', ''));
  assert.ok(!isDescendantOrSelf('dc=example,dc=com', 'ou=People,dc=example,dc=com'));
  assert.ok(!isDescendantOrSelf('dc=notexample,dc=com', 'dc=example,dc=com'));
  assert.ok(!isDescendantOrSelf('cn=a\\,dc=example\\,dc=com', 'dc=example,dc=com'), 'an escaped comma is no separator');
  assert.ok(!isDescendantOrSelf('cn=a+dc=example,dc=com', 'dc=example,dc=com'));
  assert.ok(!isDescendantOrSelf('uid=x,,dc=com', 'dc=com'));
  assert.equal(parentDn('uid=a,OU=People,dc=example,dc=com'), 'ou=people,dc=example,dc=com');
  assert.equal(parentDn('dc=com'), '');
  assert.equal(parentDn(''), undefined);
  assert.ok(sameDn('cn=a, dc=com', parseDn('CN=A,DC=COM')));
  assert.ok(!sameDn('cn', 'cn'));
});

test('replicaSuffix reads the suffix from a replica DN and from an agreement below it', () => {
  const replica = `cn=replica,${SUFFIX_RDN},cn=mapping tree,cn=config`;
  assert.deepEqual(replicaSuffix(replica), { suffix: 'dc=example,dc=com', start: 11, end: 37, unescaped: false });
  assert.deepEqual(replicaSuffix(`cn=ad-sync,${replica}`), {
    suffix: 'dc=example,dc=com',
    start: 22,
    end: 48,
    unescaped: false,
  });
  assert.equal(
    replicaSuffix('cn=replica,cn="dc=example,dc=com",cn=mapping tree,cn=config')?.suffix,
    'dc=example,dc=com',
  );
  assert.equal(
    replicaSuffix(`,${replica}`)?.suffix,
    'dc=example,dc=com',
    'an error elsewhere does not hide the suffix',
  );
  assert.equal(replicaSuffix(`CN=Replica,${SUFFIX_RDN},CN=Mapping Tree,CN=config`)?.suffix, 'dc=example,dc=com');
});

test('replicaSuffix detects a suffix written unescaped, which splits into several RDNs', () => {
  const dn = 'cn=meToAD,cn=replica,cn=dc=example,dc=com,cn=mapping tree,cn=config';
  assert.deepEqual(replicaSuffix(dn), { suffix: 'dc=example,dc=com', start: 21, end: 41, unescaped: true });
  assert.equal(dn.slice(21, 41), 'cn=dc=example,dc=com');
  assert.deepEqual(replicaSuffix('cn=replica,dc=example,dc=com,cn=mapping tree,cn=config'), {
    suffix: 'dc=example,dc=com',
    start: 11,
    end: 28,
    unescaped: true,
  });
});

test('replicaSuffix ignores DNs that are not below a mapping-tree replica', () => {
  for (const dn of [
    'dc=example,dc=com',
    `${SUFFIX_RDN},cn=mapping tree,cn=config`,
    'cn=replica,cn=mapping tree,cn=config',
    `cn=replica,${SUFFIX_RDN},cn=config`,
    '',
  ]) {
    assert.equal(replicaSuffix(dn), undefined, dn);
  }
});

test('parseDn never throws on arbitrary input', () => {
  const alphabet = ['a', '=', ',', ';', '+', '"', '\\', '#', ' ', '<', '0', 'C', '3', '\u0000', 'é', '\uD83D'];
  let seed = 42;
  for (let round = 0; round < 2000; round++) {
    let text = '';
    for (let i = 0; i < round % 24; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += alphabet[seed % alphabet.length];
    }
    const { rdns, problems } = parseDn(text);
    for (const problem of problems)
      assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length, text);
    for (const rdn of rdns) assert.ok(rdn.start <= rdn.end && rdn.end <= text.length, text);
  }
});

test('a long DN parses in linear time', () => {
  const dn = Array.from({ length: 100_000 }, (_, i) => `ou=unit\\2C ${i}`).join(',');
  const started = performance.now();
  const { rdns, problems } = parseDn(dn);
  assert.equal(rdns.length, 100_000);
  assert.equal(problems.length, 0);
  assert.ok(performance.now() - started < 5000);
});
