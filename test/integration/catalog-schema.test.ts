import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'ldapts';
import { loadCatalog } from '../../server/src/engine/catalog';
import { testServer } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;

/** The live server's schema definitions, as the text values of cn=schema. */
async function schema(): Promise<{ objectClasses: string[]; attributeTypes: string[] }> {
  const client = new Client({ url: live.ipUrl, timeout: 10_000, connectTimeout: 5_000 });
  try {
    await client.bind(live.bindDn, live.password);
    const { searchEntries } = await client.search('cn=schema', {
      scope: 'base',
      attributes: ['objectClasses', 'attributeTypes'],
    });
    const entry = searchEntries[0];
    const list = (value: unknown) => (Array.isArray(value) ? value : [value]).map(String);
    return { objectClasses: list(entry.objectClasses), attributeTypes: list(entry.attributeTypes) };
  } finally {
    await client.unbind();
  }
}

function namesOf(definition: string): string[] {
  const names = /NAME \(([^)]*)\)|NAME '([^']*)'/.exec(definition);
  if (!names) return [];
  return (names[1] ?? `'${names[2]}'`).match(/'[^']*'/g)?.map((n) => n.slice(1, -1).toLowerCase()) ?? [];
}

for (const objectClass of loadCatalog().entryKind('agreement').objectClasses) {
  const kind = objectClass.agreementKind;
  if (!kind) continue;
  test(`the catalog allows exactly what the live server's ${objectClass.name} allows`, { skip }, async () => {
    const catalog = loadCatalog();
    const { objectClasses } = await schema();
    const definition = objectClasses.find((oc) => namesOf(oc).includes(objectClass.name.toLowerCase()));
    assert.ok(definition, `the live schema has no ${objectClass.name}`);
    const list = (keyword: string) =>
      (
        new RegExp(`${keyword} \\(([^)]*)\\)`).exec(definition)?.[1] ??
        new RegExp(`${keyword} (\\S+)`).exec(definition)?.[1] ??
        ''
      )
        .split('$')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
    const allowed = [...list('MUST'), ...list('MAY')];
    assert.ok(allowed.length > 20, definition);
    for (const name of allowed) {
      assert.ok(catalog.isAllowedOn('agreement', name), `${name} is allowed by the server but not by the catalog`);
      const onlyFor = catalog.attribute(name)?.onlyFor;
      assert.ok(
        onlyFor === undefined || onlyFor === kind,
        `${name} is allowed on ${objectClass.name} but marked ${onlyFor}`,
      );
    }
    for (const spec of catalog.attributesOf('agreement')) {
      const known = allowed.includes(spec.name.toLowerCase());
      if (spec.serverManaged) continue;
      assert.equal(
        known,
        spec.onlyFor === undefined || spec.onlyFor === kind,
        `${spec.name} (${spec.onlyFor ?? 'both kinds'}) and the server's ${objectClass.name} disagree`,
      );
    }
  });
}

test('agreement attributes the schema makes single-valued are single-valued in the catalog', { skip }, async () => {
  const catalog = loadCatalog();
  const { attributeTypes } = await schema();
  for (const spec of catalog.attributesOf('agreement')) {
    const definition = attributeTypes.find((at) => namesOf(at).includes(spec.name.toLowerCase()));
    if (!definition || !/\bSINGLE-VALUE\b/.test(definition)) continue;
    assert.equal(spec.multiValued, false, `${spec.name} is SINGLE-VALUE on the server`);
  }
});
