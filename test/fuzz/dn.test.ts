import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDn, normalizeDn, parseDn, sameDn } from '../../server/src/engine/dn/dn';
import { dnText, hostileFragment, rdns } from './arbitraries';
import { checkProperty } from './runner';

/** Any string a DN parser may be handed: DN-like text, hostile fragments, anything. */
const anyDn = fc.oneof(
  dnText,
  fc.array(hostileFragment, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary' }),
);

describe('DN properties', () => {
  test('parseDn(formatDn(rdns)) gives back the same RDNs, without a problem', () => {
    checkProperty(
      'dn: print/parse round trip',
      fc.property(rdns, (generated) => {
        const text = formatDn(generated);
        const parsed = parseDn(text);
        assert.deepEqual(parsed.problems, [], text);
        assert.deepEqual(
          parsed.rdns.map((rdn) => rdn.avas.map(({ type, value, hexString }) => ({ type, value, hexString }))),
          generated.map((rdn) => rdn.avas.map(({ type, value, hexString }) => ({ type, value, hexString }))),
        );
      }),
      1000,
    );
  });

  test('normalizeDn is idempotent, and a DN is the same DN as its normal form', () => {
    checkProperty(
      'dn: normalizeDn idempotent',
      fc.property(fc.oneof(anyDn, rdns.map(formatDn)), (text) => {
        const normal = normalizeDn(text);
        if (normal === undefined) return;
        assert.equal(normalizeDn(normal), normal);
        assert.ok(sameDn(text, normal));
      }),
      1000,
    );
  });

  test('parseDn never throws, and its offsets lie inside the text in order', () => {
    checkProperty(
      'dn: never throws, offsets inside',
      fc.property(anyDn, (text) => {
        const parsed = parseDn(text);
        for (const problem of parsed.problems) {
          assert.ok(
            problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length,
            JSON.stringify(problem),
          );
        }
        let last = 0;
        for (const rdn of parsed.rdns) {
          for (const ava of rdn.avas) {
            assert.ok(
              last <= ava.typeStart &&
                ava.typeStart <= ava.typeEnd &&
                ava.typeEnd <= ava.valueStart &&
                ava.valueStart <= ava.valueEnd,
              JSON.stringify(ava),
            );
            assert.ok(ava.valueEnd <= text.length);
            last = ava.valueEnd;
          }
        }
      }),
      1000,
    );
  });
});
