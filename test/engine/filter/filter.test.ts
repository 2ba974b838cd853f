import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  escapeFilterValue,
  formatFilter,
  parseFilter,
  parseFilterList,
  type FilterNode,
  type FilterProblem,
} from '../../../server/src/engine/filter/filter';

/** Problems as [kind, start, end, severity]. */
function problems(text: string): [string, number, number, FilterProblem['severity']][] {
  return parseFilter(text).problems.map((problem) => [problem.kind, problem.start, problem.end, problem.severity]);
}

function valid(text: string): FilterNode {
  const { filter, problems: found } = parseFilter(text);
  assert.deepEqual(found, [], text);
  assert.ok(filter, text);
  return filter;
}

/** The filter of text that may have warnings but no errors. */
function parsed(text: string): FilterNode {
  const { filter, problems: found } = parseFilter(text);
  assert.ok(filter, `${text}: ${JSON.stringify(found)}`);
  return filter;
}

/** The node without offsets, to compare structure. Test filters are shallow, so recursion is fine here. */
function shape(value: unknown): unknown {
  if (value instanceof Uint8Array || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(shape);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'start' && key !== 'end')
      .map(([key, item]) => [key, shape(item)]),
  );
}

function assertRoundTrip(text: string): void {
  const first = parsed(text);
  const printed = formatFilter(first);
  assert.deepEqual(shape(parsed(printed)), shape(first), `${text} -> ${printed}`);
}

test('a winsync AND filter parses into children with offsets', () => {
  const filter = valid('(&(cn=inactivated)(objectclass=groupOfNames))');
  assert.equal(filter.kind, 'and');
  assert.deepEqual([filter.start, filter.end], [0, 45]);
  if (filter.kind !== 'and') return;
  const [first, second] = filter.children;
  assert.deepEqual(first, {
    kind: 'equality',
    attribute: { text: 'cn', type: 'cn', options: [], start: 3, end: 5 },
    value: { text: 'inactivated', start: 6, end: 17 },
    start: 2,
    end: 18,
  });
  assert.deepEqual([second.start, second.end], [18, 44]);
});

test('OR, NOT and the comparison operators', () => {
  const or = valid('(|(objectClass=user)(objectClass=group))');
  assert.equal(or.kind === 'or' && or.children.length, 2);
  const not = valid('(!(userAccountControl:1.2.840.113556.1.4.803:=2))');
  assert.equal(not.kind === 'not' && not.child.kind, 'extensible');
  assert.equal(valid('(cn~=jon)').kind, 'approx');
  assert.equal(valid('(uidNumber>=1000)').kind, 'greaterOrEqual');
  assert.equal(valid('(uidNumber<=1000)').kind, 'lessOrEqual');
  assert.equal(valid('(cn=)').kind, 'equality');
});

test('presence and substrings', () => {
  const present = valid('(gidNumber=*)');
  assert.deepEqual([present.kind, present.kind === 'present' && present.attribute.text], ['present', 'gidNumber']);
  const substring = valid('(cn=*abc*def*)');
  assert.equal(substring.kind, 'substring');
  if (substring.kind !== 'substring') return;
  assert.equal(substring.initial, undefined);
  assert.equal(substring.final, undefined);
  assert.deepEqual(
    substring.any.map((part) => [part.text, part.start, part.end]),
    [
      ['abc', 5, 8],
      ['def', 9, 12],
    ],
  );
  const ends = valid('(cn=a*b*c)');
  assert.ok(ends.kind === 'substring');
  if (ends.kind !== 'substring') return;
  assert.deepEqual([ends.initial?.text, ends.any.map((part) => part.text), ends.final?.text], ['a', ['b'], 'c']);
});

test('attribute options are kept', () => {
  const filter = valid('(cn;lang-en;binary=x)');
  assert.ok(filter.kind === 'equality');
  if (filter.kind !== 'equality') return;
  assert.deepEqual(
    [filter.attribute.type, filter.attribute.options, filter.attribute.text],
    ['cn', ['lang-en', 'binary'], 'cn;lang-en;binary'],
  );
  assert.equal(valid('(2.5.4.3=x)').kind, 'equality');
});

test('extensible matches: attribute, :dn and matching rule', () => {
  const rule = valid('(cn:caseExactMatch:=Fred)');
  assert.ok(rule.kind === 'extensible');
  if (rule.kind !== 'extensible') return;
  assert.deepEqual(
    [rule.attribute?.text, rule.dnAttributes, rule.matchingRule?.text, rule.value.text],
    ['cn', false, 'caseExactMatch', 'Fred'],
  );
  assert.deepEqual([rule.matchingRule?.start, rule.matchingRule?.end], [4, 18]);
  const dn = valid('(:dn:2.4.6.8.10:=Dino)');
  assert.ok(dn.kind === 'extensible');
  if (dn.kind !== 'extensible') return;
  assert.deepEqual(
    [dn.attribute, dn.dnAttributes, dn.matchingRule?.text, dn.value.text],
    [undefined, true, '2.4.6.8.10', 'Dino'],
  );
  valid('(o:dn:=Ace Industry)');
  valid('(sn:dn:2.4.6.8.10:=Barney Rubble)');
  valid('(cn:=Betty)');
});

test('escapes decode to text; non-UTF-8 escapes keep their bytes', () => {
  const text = valid('(cn=a\\2a\\28\\29\\5c\\C3\\A9)');
  assert.equal(text.kind === 'equality' && text.value.text, 'a*()\\é');
  const guid = valid('(objectGUID=\\a1\\b2\\00)');
  assert.ok(guid.kind === 'equality');
  if (guid.kind !== 'equality') return;
  assert.deepEqual(guid.value.bytes, Uint8Array.from([0xa1, 0xb2, 0]));
  assert.equal(formatFilter(guid), '(objectGUID=\\a1\\b2\\00)');
});

test('a filter without outer parentheses is missing-parens, fixable by wrapping', () => {
  const result = parseFilter('objectclass=user');
  assert.equal(result.fixedByWrapping, true);
  assert.deepEqual(
    result.problems.map((p) => [p.kind, p.start, p.end, p.severity, p.message]),
    [['missing-parens', 0, 16, 'error', 'A filter must be enclosed in parentheses: write (objectclass=user)']],
  );
  assert.ok(result.filter);
  assert.deepEqual([result.filter.start, result.filter.end], [0, 16]);
  assert.ok(result.filter.kind === 'equality');
  if (result.filter.kind !== 'equality') return;
  assert.deepEqual([result.filter.attribute.start, result.filter.value.start, result.filter.value.end], [0, 12, 16]);
  assert.equal(parseFilter('&(a=b)(c=d)').fixedByWrapping, true);
});

test('text that wrapping alone cannot fix reports missing-parens and the real errors', () => {
  const result = parseFilter('not a filter');
  assert.equal(result.fixedByWrapping, false);
  assert.equal(result.filter, undefined);
  assert.deepEqual(
    result.problems.map((p) => [p.kind, p.start, p.end]),
    [
      ['missing-parens', 0, 12],
      ['invalid-attribute', 3, 4],
    ],
  );
  assert.deepEqual(problems('cn=\\zz'), [
    ['missing-parens', 0, 6, 'error'],
    ['bad-escape', 3, 6, 'error'],
  ]);
});

test('unbalanced parentheses', () => {
  assert.deepEqual(problems('(&(foo=bar)'), [['unbalanced', 0, 1, 'error']]);
  assert.equal(
    parseFilter('(&(foo=bar)').problems[0].message,
    "'(' is never closed: expected ')' at the end of the filter",
  );
  assert.deepEqual(problems('(cn=abc'), [['unbalanced', 0, 1, 'error']]);
  assert.deepEqual(problems('(a=b))'), [['unbalanced', 5, 6, 'error']]);
  assert.deepEqual(problems('(&(|(a=b)'), [['unbalanced', 2, 3, 'error']]);
  assert.match(parseFilter('(&(|(a=b)').problems[0].message, /^2 '\(' are never closed/);
  assert.deepEqual(problems('('), [['unbalanced', 0, 1, 'error']]);
});

test('empty filters: (), empty text, and the RFC 4526 (&) and (|) as warnings', () => {
  assert.deepEqual(problems('()'), [['empty-filter', 0, 2, 'error']]);
  assert.deepEqual(problems(''), [['empty-filter', 0, 0, 'error']]);
  assert.deepEqual(problems('(&)'), [['empty-set', 0, 3, 'warning']]);
  assert.deepEqual(problems('(&(a=b)(|))'), [['empty-set', 7, 10, 'warning']]);
  assert.ok(parseFilter('(&)').filter, 'a warning keeps the filter');
  assert.equal(formatFilter(parsed('(|)')), '(|)');
});

test('a missing attribute, an invalid attribute and unknown operators', () => {
  assert.deepEqual(problems('(=x)'), [['missing-attribute', 1, 2, 'error']]);
  assert.deepEqual(problems('(~=x)'), [['missing-attribute', 1, 3, 'error']]);
  assert.deepEqual(problems('(1cn=x)'), [['invalid-attribute', 1, 4, 'error']]);
  assert.deepEqual(problems('(cn;=x)'), [['invalid-attribute', 1, 4, 'error']]);
  assert.deepEqual(problems('(c_n=x)'), [['invalid-attribute', 2, 3, 'error']]);
  assert.deepEqual(problems('(cn!=x)'), [['unknown-operator', 3, 5, 'error']]);
  assert.match(parseFilter('(cn!=x)').problems[0].message, /write \(!\(attr=value\)\)/);
  assert.deepEqual(problems('(cn>x)'), [['unknown-operator', 3, 4, 'error']]);
  assert.deepEqual(problems('(cn)'), [['unknown-operator', 1, 3, 'error']]);
});

test('values: bad escapes, unescaped parentheses, asterisks and NUL', () => {
  assert.deepEqual(problems('(cn=\\zz)'), [['bad-escape', 4, 7, 'error']]);
  assert.match(
    parseFilter('(cn=\\zz)').problems[0].message,
    /^Invalid escape '\\zz': '\\' must be followed by two hex digits/,
  );
  assert.deepEqual(problems('(cn=a\\5)'), [['bad-escape', 5, 7, 'error']]);
  assert.deepEqual(problems('(cn=a\\)'), [['bad-escape', 5, 6, 'error']]);
  assert.deepEqual(problems('(cn=a(b)'), [['unescaped-paren', 5, 6, 'error']]);
  assert.deepEqual(problems('(cn>=a*)'), [['unescaped-asterisk', 6, 7, 'error']]);
  assert.deepEqual(problems('(cn=a\u0000)'), [['nul', 5, 6, 'error']]);
  assert.deepEqual(problems('(cn=a**b)'), [['empty-substring', 5, 7, 'warning']]);
});

test('NOT takes exactly one filter', () => {
  assert.deepEqual(problems('(!(a=b)(c=d))'), [['invalid-not', 0, 13, 'error']]);
  assert.deepEqual(problems('(!)'), [['invalid-not', 0, 3, 'error']]);
  assert.deepEqual(problems('(!a=b)'), [
    ['expected-filter', 2, 5, 'error'],
    ['invalid-not', 0, 6, 'error'],
  ]);
});

test('text after the filter is an error', () => {
  assert.deepEqual(problems('(cn=a)x'), [['trailing-text', 6, 7, 'error']]);
  assert.deepEqual(problems('(a=b)(c=d)'), [['trailing-text', 5, 10, 'error']]);
  assert.match(parseFilter('(a=b)(c=d)').problems[0].message, /combine filters with \(&…\) or \(\|…\)/);
});

test('invalid extensible match syntax', () => {
  assert.deepEqual(problems('(:=x)'), [['invalid-extensible', 1, 3, 'error']]);
  assert.deepEqual(problems('(:dn:=x)'), [['invalid-extensible', 1, 6, 'error']]);
  assert.deepEqual(problems('(cn:foo=x)'), [['invalid-extensible', 3, 7, 'error']]);
  assert.deepEqual(problems('(cn::=x)'), [['invalid-extensible', 3, 4, 'error']]);
  assert.deepEqual(problems('(cn:1.2.:=x)'), [['invalid-extensible', 4, 8, 'error']]);
  assert.deepEqual(problems('(cn:caseExactMatch:dn:=x)'), [['invalid-extensible', 18, 21, 'error']]);
  assert.deepEqual(problems('(cn:=a*)'), [['unescaped-asterisk', 6, 7, 'error']]);
});

test('spaces around and between filters are warnings', () => {
  assert.deepEqual(problems(' (a=b) '), [
    ['whitespace', 0, 1, 'warning'],
    ['whitespace', 6, 7, 'warning'],
  ]);
  assert.deepEqual(problems('(&(a=b) (c=d))'), [['whitespace', 7, 8, 'warning']]);
  assert.ok(parseFilter('(&(a=b) (c=d))').filter);
});

test('a filterlist is filters back to back, as ipaWinSyncDefaultGroupFilter uses', () => {
  const { filters, problems: found } = parseFilterList(
    '(gidNumber=*)(objectclass=posixGroup)(objectclass=groupOfNames)',
  );
  assert.deepEqual(found, []);
  assert.deepEqual(
    filters.map((filter) => [filter.kind, filter.start, filter.end]),
    [
      ['present', 0, 13],
      ['equality', 13, 37],
      ['equality', 37, 63],
    ],
  );
  assert.deepEqual(
    parseFilterList('(a=b)x(c=d)').problems.map((p) => [p.kind, p.start, p.end]),
    [['expected-filter', 5, 6]],
  );
  assert.deepEqual(parseFilterList('(a=b)x(c=d)').filters, []);
  assert.deepEqual(
    parseFilterList('').problems.map((p) => p.kind),
    ['empty-filter'],
  );
  assert.deepEqual(
    parseFilterList('objectclass=x').problems.map((p) => p.kind),
    ['expected-filter'],
  );
});

test('formatFilter prints canonical text that parses back to the same structure', () => {
  for (const text of [
    '(&(cn=inactivated)(objectclass=groupOfNames))',
    '(|(objectClass=user)(objectClass=group))',
    '(!(&(a=b)(|(c~=d)(e>=f)(g<=h))))',
    '(cn=*abc*def*)',
    '(cn=a*\\2a*b)',
    '(cn:caseExactMatch:=Fred)',
    '(:dn:2.4.6.8.10:=Dino)',
    '(cn=\\28x\\29 \\5C \\C3\\A9)',
    '(objectGUID=\\a1\\b2\\00\\7f)',
    '(&)',
  ]) {
    assertRoundTrip(text);
  }
  assert.equal(formatFilter(valid('(cn=\\C3\\A9\\2A)')), '(cn=é\\2a)');
  assert.equal(formatFilter(parsed('(cn=a**b)')), '(cn=a*b)');
});

test('escapeFilterValue escapes the RFC 4515 specials only', () => {
  assert.equal(escapeFilterValue('a*(b)\\c\u0000é'), 'a\\2a\\28b\\29\\5cc\\00é');
  assert.equal(escapeFilterValue('plain'), 'plain');
});

test('100,000 nested NOTs and ANDs parse and print without recursion', () => {
  const depth = 100_000;
  for (const op of ['!', '&']) {
    const text = `(${op}`.repeat(depth) + '(a=b)' + ')'.repeat(depth);
    const root = valid(text);
    let node: FilterNode = root;
    let levels = 0;
    for (;;) {
      if (node.kind === 'not') node = node.child;
      else if (node.kind === 'and') node = node.children[0];
      else break;
      levels++;
    }
    assert.equal(levels, depth);
    assert.equal(formatFilter(root), text);
  }
});

test('100,000 unclosed levels give one problem, not a stack overflow', () => {
  const { filter, problems: found } = parseFilter('(&'.repeat(100_000) + '(a=b)');
  assert.equal(filter, undefined);
  assert.deepEqual(
    found.map((p) => [p.kind, p.start]),
    [['unbalanced', 199_998]],
  );
});

test('parseFilter never throws on arbitrary input', () => {
  const alphabet = [
    '(',
    ')',
    '&',
    '|',
    '!',
    'a',
    '=',
    '*',
    '~',
    '>',
    '<',
    ':',
    'dn',
    '\\',
    '2',
    'z',
    ' ',
    ';',
    '\u0000',
  ];
  let seed = 7;
  for (let round = 0; round < 3000; round++) {
    let text = '';
    for (let i = 0; i < round % 20; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += alphabet[seed % alphabet.length];
    }
    const { filter, problems: found } = parseFilter(text);
    for (const problem of found)
      assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length, text);
    if (filter) assertRoundTrip(formatFilter(filter));
    parseFilterList(text);
  }
});
