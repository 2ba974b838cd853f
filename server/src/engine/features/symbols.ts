import type { LdifRecord, Range } from '../ldif/ast';
import type { ParsedDocument } from '../document';

export type SymbolKind = 'record' | 'changetype' | 'modspec' | 'attribute' | 'control';

export interface DocumentSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly DocumentSymbol[];
}

/** The outline: one symbol per record, its changetype, controls and mod-specs (or attributes) as children. */
export function findDocumentSymbols(document: ParsedDocument): DocumentSymbol[] {
  return document.ldif.records.map(recordSymbol);
}

function recordSymbol(record: LdifRecord): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  for (const control of record.controls) {
    children.push(
      leaf(
        `control: ${control.oid}`,
        control.critical ? 'critical' : '',
        'control',
        control.line.line.range,
        control.oidRange,
      ),
    );
  }
  if (record.changeTypeLine) {
    const line = record.changeTypeLine;
    children.push(leaf(`changetype: ${line.rawValue.trim()}`, '', 'changetype', line.line.range, line.valueRange));
  }
  for (const spec of record.modifications) {
    const count = spec.values.length;
    children.push(
      leaf(
        `${spec.header.description}: ${spec.attribute}`,
        count === 0 ? '' : `${count} value${count === 1 ? '' : 's'}`,
        'modspec',
        spec.range,
        spec.header.valueRange,
      ),
    );
  }
  for (const line of [record.newRdn, record.deleteOldRdn, record.newSuperior]) {
    if (line)
      children.push(
        leaf(`${line.description}: ${line.value ?? line.rawValue}`, '', 'attribute', line.line.range, line.valueRange),
      );
  }
  for (const line of record.attributes) {
    children.push(
      leaf(line.description, line.value ?? `${line.encoding} value`, 'attribute', line.line.range, line.nameRange),
    );
  }
  const dn = record.dn;
  return {
    name: dn ? dn.value || '(root DSE)' : '(record without dn)',
    detail: record.kind === 'content' ? 'entry' : record.kind === 'unknown-change' ? 'unknown changetype' : record.kind,
    kind: 'record',
    range: record.range,
    selectionRange: dn ? dn.valueRange : record.range,
    children,
  };
}

function leaf(name: string, detail: string, kind: SymbolKind, range: Range, selectionRange: Range): DocumentSymbol {
  return { name, detail, kind, range, selectionRange, children: [] };
}
