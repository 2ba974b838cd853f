/**
 * Expands VS Code snippet bodies the way the editor does when the user accepts every
 * default and tabs through: placeholders take their default (or first choice, or a value
 * given here), mirrors repeat it, and transforms are applied. Covers the syntax of
 * https://code.visualstudio.com/docs/editor/userdefinedsnippets except variables and
 * nested placeholders, which our snippets do not use (parsing them throws).
 */

type FormatItem = string | { readonly group: number; readonly ifValue?: string; readonly elseValue?: string };

interface Transform {
  readonly regex: RegExp;
  readonly format: readonly FormatItem[];
}

type SnippetNode =
  | string
  | {
      readonly tabstop: number;
      readonly text?: string;
      readonly choices?: readonly string[];
      readonly transform?: Transform;
    };

export interface ParsedSnippet {
  readonly nodes: readonly SnippetNode[];
  /** Choice options per tab stop. */
  readonly choices: ReadonlyMap<number, readonly string[]>;
}

class Reader {
  position = 0;
  constructor(readonly source: string) {}
  peek(offset = 0): string {
    return this.source[this.position + offset] ?? '';
  }
  done(): boolean {
    return this.position >= this.source.length;
  }
  fail(message: string): never {
    throw new Error(`${message} at ${this.position} in ${JSON.stringify(this.source)}`);
  }
  expect(text: string): void {
    if (!this.source.startsWith(text, this.position)) this.fail(`expected "${text}"`);
    this.position += text.length;
  }
  int(): number | undefined {
    const match = /^\d+/.exec(this.source.slice(this.position));
    if (!match) return undefined;
    this.position += match[0].length;
    return Number(match[0]);
  }
  /** Text up to `stop`, with `\` escaping the characters in `escapable` (other backslashes stay). */
  until(stop: string, escapable: string): string {
    let out = '';
    while (!this.done() && !stop.includes(this.peek())) {
      if (this.peek() === '\\' && escapable.includes(this.peek(1)) && this.peek(1) !== '') {
        out += this.peek(1);
        this.position += 2;
      } else {
        out += this.peek();
        this.position++;
      }
    }
    if (this.done()) this.fail(`unterminated, expected one of "${stop}"`);
    return out;
  }
}

function parseFormat(reader: Reader): FormatItem[] {
  const items: FormatItem[] = [];
  while (reader.peek() !== '/') {
    if (reader.done()) reader.fail('unterminated transform');
    if (reader.peek() === '\\') {
      // `\\` and `\/` are escapes; any other backslash is literal.
      const next = reader.peek(1);
      items.push(next === '\\' || next === '/' ? next : '\\');
      reader.position += next === '\\' || next === '/' ? 2 : 1;
    } else if (reader.peek() === '$' && /\d/.test(reader.peek(1))) {
      reader.position++;
      items.push({ group: reader.int()! });
    } else if (reader.peek() === '$' && reader.peek(1) === '{') {
      reader.position += 2;
      const group = reader.int() ?? reader.fail('expected a group number');
      if (reader.peek() === '}') {
        reader.position++;
        items.push({ group });
      } else {
        reader.expect(':');
        const mode = reader.peek();
        if (mode === '+') {
          reader.position++;
          items.push({ group, ifValue: reader.until('}', '$}\\') });
        } else if (mode === '-' || mode === '?' || mode === '/') {
          reader.fail(`format "${mode}" is not supported here`);
        } else {
          items.push({ group, elseValue: reader.until('}', '$}\\') });
        }
        reader.expect('}');
      }
    } else {
      items.push(reader.peek());
      reader.position++;
    }
  }
  reader.expect('/');
  return items;
}

function parseTransform(reader: Reader): Transform {
  let regex = '';
  while (reader.peek() !== '/') {
    if (reader.done()) reader.fail('unterminated transform');
    if (reader.peek() === '\\' && reader.peek(1) === '/') {
      regex += '/';
      reader.position += 2;
    } else {
      regex += reader.peek();
      reader.position++;
    }
  }
  reader.expect('/');
  const format = parseFormat(reader);
  const flags = reader.until('}', '');
  reader.expect('}');
  return { regex: new RegExp(regex, flags), format };
}

/** Parses a snippet body (lines joined with `\n`). */
export function parseSnippet(body: string): ParsedSnippet {
  const reader = new Reader(body);
  const nodes: SnippetNode[] = [];
  const choices = new Map<number, readonly string[]>();
  let text = '';
  const flush = () => {
    if (text) nodes.push(text);
    text = '';
  };
  while (!reader.done()) {
    const c = reader.peek();
    if (c === '\\' && '$}\\'.includes(reader.peek(1)) && reader.peek(1) !== '') {
      text += reader.peek(1);
      reader.position += 2;
    } else if (c === '$' && /\d/.test(reader.peek(1))) {
      flush();
      reader.position++;
      nodes.push({ tabstop: reader.int()! });
    } else if (c === '$' && reader.peek(1) === '{' && /\d/.test(reader.peek(2))) {
      flush();
      reader.position += 2;
      const tabstop = reader.int()!;
      const mark = reader.peek();
      reader.position++;
      if (mark === '}') nodes.push({ tabstop });
      else if (mark === ':') {
        const value = reader.until('}', '$}\\');
        if (value.includes('${')) reader.fail('nested placeholders are not supported');
        reader.expect('}');
        nodes.push({ tabstop, text: value });
      } else if (mark === '|') {
        const options: string[] = [];
        for (;;) {
          options.push(reader.until(',|', ',|\\'));
          const separator = reader.peek();
          reader.position++;
          if (separator === '|') break;
        }
        reader.expect('}');
        choices.set(tabstop, options);
        nodes.push({ tabstop, choices: options });
      } else if (mark === '/') nodes.push({ tabstop, transform: parseTransform(reader) });
      else reader.fail('malformed placeholder');
    } else if (c === '$' && /[A-Za-z_{]/.test(reader.peek(1))) {
      reader.fail('variables are not supported');
    } else {
      text += c;
      reader.position++;
    }
  }
  flush();
  return { nodes, choices };
}

function applyTransform(value: string, { regex, format }: Transform): string {
  return value.replace(regex, (...args: unknown[]) => {
    const groups = args.slice(0, -2) as (string | undefined)[];
    return format
      .map((item) => {
        if (typeof item === 'string') return item;
        const captured = groups[item.group];
        if (captured) return item.ifValue ?? captured;
        return item.elseValue ?? '';
      })
      .join('');
  });
}

/**
 * The text the editor shows after tabbing through every placeholder. `values` replaces what
 * is "typed" at a tab stop (a choice option or any text).
 */
export function expandSnippet(snippet: ParsedSnippet, values: ReadonlyMap<number, string> = new Map()): string {
  const resolved = new Map<number, string>(values);
  for (const node of snippet.nodes) {
    if (typeof node === 'string' || resolved.has(node.tabstop)) continue;
    if (node.text !== undefined) resolved.set(node.tabstop, node.text);
    else if (node.choices) resolved.set(node.tabstop, node.choices[0]);
  }
  return snippet.nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      const value = resolved.get(node.tabstop) ?? '';
      return node.transform ? applyTransform(value, node.transform) : value;
    })
    .join('');
}
