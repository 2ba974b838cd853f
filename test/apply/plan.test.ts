import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLdif } from '../../server/src/engine/ldif/parser';
import { planDocument, type PlanStep } from '../../server/src/apply/plan';
import type { Operation } from '../../server/src/apply/operations';
import type { LocalValue } from '../../server/src/apply/localFiles';
import { advice, formatExplanation } from '../../server/src/apply/errors';
import { renderRemedy } from '../../server/src/cli/remedies';

const lines = (...text: string[]) => text.join('\n') + '\n';
const bytes = (text: string) => new TextEncoder().encode(text);
const textOf = (value: Uint8Array) => new TextDecoder().decode(value);

function plan(text: string, urlValues: ReadonlyMap<string, LocalValue> = new Map()): PlanStep[] {
  return planDocument(parseLdif(text), { file: 'in.ldif', urlValues });
}

function operation(step: PlanStep | undefined): Operation {
  assert.ok(step?.ok, step && !step.ok ? step.explanation.cause : 'no step');
  return step.record.operation;
}

function problem(step: PlanStep | undefined): string {
  assert.ok(step && !step.ok, 'expected a record problem');
  return formatExplanation(step.explanation, renderRemedy);
}

test('a content record becomes an add; values of one attribute are grouped, in order, as bytes', () => {
  const [step] = plan(
    lines(
      'version: 1',
      '',
      'dn: uid=a,dc=x',
      'objectClass: top',
      'objectClass: person',
      'cn: A',
      'CN: Another',
      'sn: A',
    ),
  );
  assert.ok(step.ok);
  assert.equal(step.record.changeType, 'add');
  assert.deepEqual(step.record.source, { file: 'in.ldif', index: 0, line: 3 });
  const add = operation(step);
  assert.equal(add.kind, 'add');
  assert.deepEqual(add.kind === 'add' ? add.attributes.map((a) => [a.type, a.values.map(textOf), a.line]) : [], [
    ['objectClass', ['top', 'person'], 4],
    ['cn', ['A', 'Another'], 6],
    ['sn', ['A'], 8],
  ]);
});

test('base64 values are sent as their decoded bytes, file URLs as the file contents', () => {
  const photo = new Uint8Array([0xff, 0x00, 0xd9]);
  const [step] = plan(
    lines(
      'dn: uid=a,dc=x',
      'changetype: add',
      'objectClass: person',
      'description:: AAEC/w==',
      'jpegPhoto:< file:///p.jpg',
    ),
    new Map([['file:///p.jpg', { ok: true, path: '/p.jpg', bytes: photo }]]),
  );
  const add = operation(step);
  assert.ok(add.kind === 'add');
  assert.deepEqual([...add.attributes[1].values[0]], [0, 1, 2, 255]);
  assert.deepEqual(add.attributes[2].values[0], photo);
});

test('an unreadable file URL makes that record a problem naming the file and line, not the whole plan', () => {
  const steps = plan(
    lines(
      'dn: uid=a,dc=x',
      'changetype: add',
      'objectClass: person',
      'jpegPhoto:< file:///missing.jpg',
      '',
      'dn: uid=b,dc=x',
      'changetype: delete',
    ),
    new Map([
      [
        'file:///missing.jpg',
        {
          ok: false,
          path: '/missing.jpg',
          problem: 'the file /missing.jpg named by "file:///missing.jpg" does not exist',
          remedy: advice('Correct the path.'),
        },
      ],
    ]),
  );
  assert.match(
    problem(steps[0]),
    /^Not sent: the file \/missing\.jpg .* does not exist \(line 4\)\. Fix: Correct the path\.$/,
  );
  assert.equal(operation(steps[1]).kind, 'delete');
});

test('modify keeps each mod-spec as one change; delete without values removes the attribute', () => {
  const modify = operation(
    plan(
      lines(
        'dn: uid=a,dc=x',
        'changetype: modify',
        'replace: cn',
        'cn: B',
        '-',
        'add: mail',
        'mail: a@x',
        'mail: b@x',
        '-',
        'delete: description',
        '-',
      ),
    )[0],
  );
  assert.ok(modify.kind === 'modify');
  assert.deepEqual(
    modify.changes.map((change) => [change.op, change.type, change.values.map(textOf), change.line]),
    [
      ['replace', 'cn', ['B'], 4],
      ['add', 'mail', ['a@x', 'b@x'], 7],
      ['delete', 'description', [], 10],
    ],
  );
});

test('modify problems: add without values, increment without exactly one value', () => {
  assert.match(
    problem(plan(lines('dn: uid=a,dc=x', 'changetype: modify', 'add: mail', '-'))[0]),
    /"add: mail" \(line 3\) has no values/,
  );
  assert.match(
    problem(plan(lines('dn: uid=a,dc=x', 'changetype: modify', 'increment: uidNumber', '-'))[0]),
    /needs exactly one value/,
  );
});

test('modrdn and moddn carry newrdn, deleteoldrdn and newsuperior; a missing deleteoldrdn is a problem', () => {
  const rename = operation(
    plan(
      lines('dn: uid=a,ou=x,dc=x', 'changetype: moddn', 'newrdn: uid=b', 'deleteoldrdn: 0', 'newsuperior: ou=y,dc=x'),
    )[0],
  );
  assert.deepEqual(rename, {
    kind: 'modrdn',
    dn: 'uid=a,ou=x,dc=x',
    controls: [],
    newRdn: 'uid=b',
    deleteOldRdn: false,
    newSuperior: 'ou=y,dc=x',
  });
  assert.match(
    problem(plan(lines('dn: uid=a,dc=x', 'changetype: modrdn', 'newrdn: uid=b'))[0]),
    /no deleteoldrdn: line.*Fix: Add "deleteoldrdn: 1"/,
  );
  assert.match(problem(plan(lines('dn: uid=a,dc=x', 'changetype: modrdn', 'deleteoldrdn: 1'))[0]), /no newrdn: line/);
});

test('controls keep OID, criticality and value bytes', () => {
  const del = operation(
    plan(
      lines(
        'dn: uid=a,dc=x',
        'control: 1.2.3 true',
        'control: 1.2.4 false:: AAE=',
        'control: 1.2.5: text',
        'changetype: delete',
      ),
    )[0],
  );
  assert.deepEqual(
    del.controls.map((control) => [control.oid, control.critical, control.value ? [...control.value] : undefined]),
    [
      ['1.2.3', true, undefined],
      ['1.2.4', false, [0, 1]],
      ['1.2.5', false, [...bytes('text')]],
    ],
  );
});

test('an unknown changetype or a record without attributes is a problem with a fix', () => {
  assert.match(
    problem(plan(lines('dn: uid=a,dc=x', 'changetype: rename'))[0]),
    /"changetype: rename" is not a change type.*add, delete, modify, modrdn, moddn/,
  );
  assert.match(problem(plan(lines('dn: uid=a,dc=x', 'changetype: add'))[0]), /has no attributes/);
});
