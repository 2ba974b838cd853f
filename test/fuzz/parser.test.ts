import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWithDiagnostics as parseLdif } from '../engine/rules/helpers';
import type { AttrLine, LdifRecord } from '../../server/src/engine/ldif/ast';
import { getLanguageService } from '../../server/src/engine/service';
import {
  applyTextEdit,
  hostileText,
  ldifDocument,
  textEdit,
  type DocumentModel,
  type LineModel,
  type RecordModel,
  type ValueModel,
} from './arbitraries';
import { assertInside, lineLengths } from './inside';
import { applyReplacement, assertLikeFresh, keystroke, keystrokeChange, textChange, type History } from './edits';
import { checkProperty } from './runner';

const service = getLanguageService();

const value = (line: AttrLine | undefined): ValueModel | undefined =>
  line && { encoding: line.encoding, raw: line.rawValue };
const line = (attr: AttrLine): LineModel => ({ description: attr.description, value: value(attr)! });

/** What a parsed record says, in the model's terms. */
function readBack(record: LdifRecord) {
  return {
    kind: record.kind,
    dn: value(record.dn),
    controls: record.controls.map((control) => ({
      oid: control.oid,
      critical: control.critical,
      value: control.value === undefined ? undefined : { encoding: control.valueEncoding, raw: control.value },
    })),
    attributes: record.attributes.map(line),
    modifications: record.modifications.map((spec) => ({
      op: spec.op,
      attribute: spec.attribute,
      values: spec.values.map(line),
      dash: spec.terminator !== undefined,
    })),
    rename: record.newRdn && {
      newRdn: value(record.newRdn),
      deleteOldRdn: record.deleteOldRdn?.rawValue,
      newSuperior: value(record.newSuperior),
    },
    comments: record.comments.map((comment) => comment.text),
  };
}

function expected(record: RecordModel): ReturnType<typeof readBack> {
  return {
    kind: record.kind,
    dn: record.dn,
    controls: record.controls.map((control) => ({
      oid: control.oid,
      critical: control.criticality === 'true',
      value: control.value,
    })),
    attributes: record.kind === 'content' || record.kind === 'add' ? [...record.attributes] : [],
    modifications: record.modifications.map((spec) => ({ ...spec, values: [...spec.values] })),
    rename: record.rename && { ...record.rename },
    comments: [...record.comments],
  };
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function standaloneComments(model: DocumentModel): string[] {
  const order = [-1, ...model.records.keys()];
  return order.flatMap((after) =>
    model.commentBlocks.filter((block) => block.after === after).flatMap((block) => [...block.texts]),
  );
}

describe('parser properties', () => {
  test('parseLdif never throws, and every range it returns lies inside the text', () => {
    checkProperty(
      'parser: never throws, ranges inside',
      fc.property(hostileText, (text) => {
        const document = parseLdif(text);
        assert.equal(document.lineCount, lineLengths(text).length);
        assertInside(document, text);
      }),
      400,
    );
  });

  test('generated LDIF (every record kind, base64, folding, comments, CRLF/LF) parses back to its model', () => {
    checkProperty(
      'parser: reads generated LDIF back',
      fc.property(ldifDocument, ({ model, text }) => {
        const document = parseLdif(text);
        assert.deepEqual(
          document.problems
            .filter((problem) => problem.code !== 'ldif/mixed-records')
            .map((problem) => `${problem.code} ${problem.message}`),
          [],
        );
        // Through JSON: fast-check builds records without a prototype, and only the data matters.
        assert.deepEqual(plain(document.records.map(readBack)), plain(model.records.map(expected)));
        assert.equal(document.version !== undefined, model.version);
        assert.deepEqual(
          document.comments.map((comment) => comment.text),
          standaloneComments(model),
        );
      }),
      300,
    );
  });

  test('random edits parsed incrementally give what a fresh parse gives (AST, diagnostics, line texts, features)', () => {
    checkProperty(
      'document: incremental equals fresh',
      fc.property(hostileText, fc.array(textEdit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        let text = start;
        let previous = service.parse(text);
        for (const edit of edits) {
          text = applyTextEdit(text, edit);
          previous = service.parse(text, previous);
          assertLikeFresh(service, previous, text);
        }
      }),
      100,
    );
  });

  test('keystrokes (typing, Enter, Backspace joining lines, paste, cut, undo) told to the parse as the editor reports them give what a fresh parse gives', () => {
    checkProperty(
      'document: keystrokes equal fresh',
      fc.property(hostileText, fc.array(keystroke, { minLength: 1, maxLength: 8 }), (start, strokes) => {
        const history: History = [];
        let text = start;
        let previous = service.parse(text);
        for (const stroke of strokes) {
          const change = keystrokeChange(text, stroke, history);
          text = applyReplacement(text, change);
          previous = service.parse(text, previous, textChange(change));
          assertLikeFresh(service, previous, text);
        }
      }),
      100,
    );
  });
});
