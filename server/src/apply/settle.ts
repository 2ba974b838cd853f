/**
 * Settling a record whose answer was lost: read the entry back and decide whether the
 * operation took effect. Possible where the record says what the entry must look like
 * afterwards: an add (the entry with every value), a delete (the entry gone), a modify of given
 * values (each change visible), a rename (the new DN there, the old one gone). An increment,
 * or an entry that matches neither outcome, stays unknown. Secret values (passwords, agreement
 * credentials) are stored hashed or encrypted and cannot be compared; an operation is atomic,
 * so the other values of the same record decide, and a record with nothing else stays unknown.
 */
import { ResultCodeError, type Client } from 'ldapts';
import { dnKey, renamedDn } from './dnText';
import type { AttributeValues, Operation } from './operations';
import { isSecretAttribute } from './secret';

export interface ReadBack {
  readonly verdict: 'applied' | 'not-applied' | 'unknown';
  /** What was found, as a clause: `uid=a,dc=x exists with every value of the record`. */
  readonly evidence: string;
}

type Entry = Map<string, Uint8Array[]>;

export async function readBack(client: Client, operation: Operation): Promise<ReadBack> {
  const { dn } = operation;
  switch (operation.kind) {
    case 'add': {
      const entry = await read(client, dn, operation.attributes);
      if (!entry) return { verdict: 'not-applied', evidence: `${dn} does not exist` };
      const differing = firstMissing(entry, operation.attributes);
      return differing
        ? { verdict: 'unknown', evidence: `${dn} exists but lacks the record's ${differing} value` }
        : { verdict: 'applied', evidence: `${dn} exists with every value of the record` };
    }
    case 'delete':
      return (await read(client, dn, []))
        ? { verdict: 'not-applied', evidence: `${dn} still exists` }
        : { verdict: 'applied', evidence: `${dn} no longer exists` };
    case 'modify': {
      if (operation.changes.some((change) => change.op === 'increment')) {
        return { verdict: 'unknown', evidence: 'an increment cannot be told from the value it produced' };
      }
      const entry = await read(client, dn, operation.changes);
      if (!entry) return { verdict: 'not-applied', evidence: `${dn} does not exist` };
      const visible = operation.changes.filter((change) => !isSecretAttribute(change.type));
      if (visible.length === 0)
        return { verdict: 'unknown', evidence: 'the record changes only secret values, which cannot be read back' };
      const unmet = firstUnmet(entry, visible);
      return unmet
        ? { verdict: 'not-applied', evidence: `the ${unmet} of ${dn} is not as the record sets it` }
        : { verdict: 'applied', evidence: `${dn} shows every change of the record` };
    }
    case 'modrdn': {
      const newDn = renamedDn(dn, operation.newRdn, operation.newSuperior);
      if (dnKey(newDn) === dnKey(dn)) return { verdict: 'unknown', evidence: 'the new name equals the old one' };
      const [before, after] = [await read(client, dn, []), await read(client, newDn, [])];
      if (after && !before) return { verdict: 'applied', evidence: `${newDn} exists and ${dn} no longer does` };
      if (before && !after) return { verdict: 'not-applied', evidence: `${dn} still exists and ${newDn} does not` };
      return {
        verdict: 'unknown',
        evidence: before ? `both ${dn} and ${newDn} exist` : `neither ${dn} nor ${newDn} exists`,
      };
    }
  }
}

/** The entry's values of the named attributes as bytes (keys lower-cased, options kept), or undefined when it does not exist. */
async function read(client: Client, dn: string, attributes: readonly AttributeValues[]): Promise<Entry | undefined> {
  const types = [...new Set(attributes.map((attribute) => attribute.type))];
  try {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      attributes: types.length > 0 ? types : ['1.1'],
      explicitBufferAttributes: types,
    });
    const found = searchEntries[0];
    if (!found) return undefined;
    const entry: Entry = new Map();
    for (const [type, raw] of Object.entries(found)) {
      if (type === 'dn') continue;
      entry.set(
        type.toLowerCase(),
        (Array.isArray(raw) ? raw : [raw]).map((value) =>
          typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value),
        ),
      );
    }
    return entry;
  } catch (error) {
    if (error instanceof ResultCodeError && error.code === 32) return undefined;
    throw error;
  }
}

/** The first attribute whose values the entry lacks; secret ones are not compared (an add is atomic). */
function firstMissing(entry: Entry, attributes: readonly AttributeValues[]): string | undefined {
  for (const attribute of attributes) {
    if (isSecretAttribute(attribute.type)) continue;
    for (const value of attribute.values) if (!holds(entry, attribute.type, value)) return attribute.type;
  }
  return undefined;
}

/** The attribute whose state after the record's changes the entry does not show, if any. */
function firstUnmet(entry: Entry, changes: Extract<Operation, { kind: 'modify' }>['changes']): string | undefined {
  // What the changes demand of each attribute at the end, folded in order.
  const wanted = new Map<string, { type: string; present: Uint8Array[]; absent: Uint8Array[]; exact?: Uint8Array[] }>();
  for (const change of changes) {
    const key = change.type.toLowerCase();
    const state = wanted.get(key) ?? { type: change.type, present: [], absent: [] };
    wanted.set(key, state);
    const without = (list: Uint8Array[], values: readonly Uint8Array[]) =>
      list.filter((kept) => !values.some((value) => sameValue(kept, value)));
    if (change.op === 'replace' || (change.op === 'delete' && change.values.length === 0)) {
      state.exact = change.op === 'replace' ? [...change.values] : [];
      state.present = [];
      state.absent = [];
    } else if (state.exact) {
      state.exact = change.op === 'add' ? [...state.exact, ...change.values] : without(state.exact, change.values);
    } else if (change.op === 'add') {
      state.present = [...without(state.present, change.values), ...change.values];
      state.absent = without(state.absent, change.values);
    } else {
      state.absent = [...without(state.absent, change.values), ...change.values];
      state.present = without(state.present, change.values);
    }
  }
  for (const { type, present, absent, exact } of wanted.values()) {
    const stored = entry.get(type.toLowerCase()) ?? [];
    if (exact) {
      if (stored.length !== exact.length) return type;
      for (const value of exact) if (!holds(entry, type, value)) return type;
      continue;
    }
    for (const value of present) if (!holds(entry, type, value)) return type;
    for (const value of absent) if (holds(entry, type, value)) return type;
  }
  return undefined;
}

function holds(entry: Entry, type: string, value: Uint8Array): boolean {
  return (entry.get(type.toLowerCase()) ?? []).some((stored) => sameValue(stored, value));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Most directory attributes match case-insensitively, DN values by their normal form.
function sameValue(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length === b.length && a.every((byte, i) => byte === b[i])) return true;
  const [x, y] = [decoder.decode(a), decoder.decode(b)];
  return x.toLowerCase() === y.toLowerCase() || (x.includes('=') && dnKey(x) === dnKey(y));
}
