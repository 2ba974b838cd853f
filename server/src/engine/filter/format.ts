/** Printing filters in canonical RFC 4515 form. */
import { hexEscape } from '../util/escapes';
import type { AssertionValue, FilterNode } from './ast';

const OPERATORS = { equality: '=', approx: '~=', greaterOrEqual: '>=', lessOrEqual: '<=' } as const;

function mustEscape(c: number): boolean {
  return c === 0x2a || c === 0x28 || c === 0x29 || c === 0x5c || c === 0;
}

/** Escapes a value for a filter (RFC 4515): `*` `(` `)` `\` and NUL as `\2a` `\28` `\29` `\5c` `\00`. */
export function escapeFilterValue(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (mustEscape(c)) {
      out += value.slice(from, i) + hexEscape(c, 'lower');
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

// Binary values keep their exact octets: printable ASCII as is, everything else as \xx.
function formatValue(value: AssertionValue): string {
  if (!value.bytes) return escapeFilterValue(value.text);
  let out = '';
  for (const byte of value.bytes) {
    out += byte >= 0x20 && byte < 0x7f && !mustEscape(byte) ? String.fromCharCode(byte) : hexEscape(byte, 'lower');
  }
  return out;
}

function formatItem(node: Exclude<FilterNode, { kind: 'and' | 'or' | 'not' }>): string {
  switch (node.kind) {
    case 'present':
      return `(${node.attribute.text}=*)`;
    case 'substring': {
      const middle = node.any.map((part) => formatValue(part) + '*').join('');
      const initial = node.initial ? formatValue(node.initial) : '';
      const final = node.final ? formatValue(node.final) : '';
      return `(${node.attribute.text}=${initial}*${middle}${final})`;
    }
    case 'extensible': {
      const dn = node.dnAttributes ? ':dn' : '';
      const rule = node.matchingRule ? `:${node.matchingRule.text}` : '';
      return `(${node.attribute?.text ?? ''}${dn}${rule}:=${formatValue(node.value)})`;
    }
    default:
      return `(${node.attribute.text}${OPERATORS[node.kind]}${formatValue(node.value)})`;
  }
}

/** The filter as canonical RFC 4515 text (values re-escaped); iterative, so any depth prints. */
export function formatFilter(node: FilterNode): string {
  const out: string[] = [];
  const work: (FilterNode | ')')[] = [node];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    if (item === ')') {
      out.push(item);
      continue;
    }
    switch (item.kind) {
      case 'and':
      case 'or':
        out.push(item.kind === 'and' ? '(&' : '(|');
        work.push(')');
        for (let i = item.children.length - 1; i >= 0; i--) work.push(item.children[i]);
        break;
      case 'not':
        out.push('(!');
        work.push(')', item.child);
        break;
      default:
        out.push(formatItem(item));
    }
  }
  return out.join('');
}
