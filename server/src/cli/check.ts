import { promises as fs, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { RecordTraits, type Diagnostic } from '../engine/ldif/ast';
import { loadCatalog, type Catalog } from '../engine/catalog';
import { applySettings } from '../engine/rules/validate';
import { DEFAULT_MAX_FILE_VALUE_BYTES } from '../apply/localFiles';
import { checkPieces, LocalFileInspector, localFileDiagnostic } from '../apply/preflight';
import { choiceOption, countOption, parseArgs, sizeOption, UsageError } from './args';
import type { CommandIO } from './io';
import {
  decoded,
  fileBytesSync,
  LineCounter,
  quietParts,
  readBytes,
  unreadableReason,
  type PieceBytes,
} from './pieces';
import { loadSchema, SCHEMA_OPTIONS, SCHEMA_USAGE } from './schemaSource';
import type { Schema } from '../engine/schema/schema';
import { createReporter, REPORT_FORMATS } from './reporters';
import { QuietRecords } from '../engine/rules/quietRecords';
import type { TextPart } from '../engine/partsCheck';
import { quietPartsOnTwoThreads, twoThreadsPay } from './twoThreads';

export const CHECK_USAGE = `usage: winsync-ldif check [--format text|json|sarif] [--max-warnings N] [--max-value-file-size SIZE]
          ${SCHEMA_USAGE} <file|folder|->...
  With a schema (a file, or read from the server), every entry is also checked against it (rule group schema).`;

const OPTIONS = {
  format: { value: true },
  'max-warnings': { value: true },
  'max-value-file-size': { value: true },
  ...SCHEMA_OPTIONS,
} as const;

/** `winsync-ldif check`: validates files, prints diagnostics, returns the exit code (0 clean, 1 errors, 2 usage or I/O). */
export async function runCheckCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  const format = choiceOption(args, 'format', REPORT_FORMATS, 'text');
  const maxWarnings = countOption(args, 'max-warnings');
  const maxFileValueBytes = sizeOption(args, 'max-value-file-size') ?? DEFAULT_MAX_FILE_VALUE_BYTES;
  if (args.positional.length === 0) throw new UsageError('name at least one file or folder (or - for standard input)');

  const files = await expandInputs(args.positional, io.cwd);
  const loaded = await loadSchema(args, io);
  if (loaded && format === 'text') io.stderr.write(`schema: ${loaded.source}\n`);
  const reporter = createReporter(format, io.stdout);
  const catalog = loadCatalog();
  const localFiles = new LocalFileInspector(maxFileValueBytes);
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const baseDir = file === '-' ? io.cwd : dirname(path);
    const diagnostics = await checkInput(
      partsOf(file, path, io.stdin, catalog, !loaded),
      catalog,
      (found) => reporter.report(file, found),
      {
        files: { localFiles, baseDir },
        schema: loaded?.schema,
      },
    ).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${unreadableReason(error)}`);
    });
    errors += diagnostics.errors;
    warnings += diagnostics.warnings;
  }
  await reporter.finish();
  if (format === 'text') {
    io.stderr.write(
      `${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
  }
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

/**
 * The parts of one input `check` reads: without the quiet blocks unless the schema checks need
 * every entry, a large file's second part scanned by another thread. A file is read
 * synchronously: `check` has nothing else to do while it waits, and a stream's asynchronous reads
 * cost a sixth of the time of checking a large file.
 */
function partsOf(
  file: string,
  path: string,
  stdin: Readable,
  catalog: Catalog,
  leaveOutQuiet: boolean,
): AsyncIterable<TextPart> {
  if (file === '-') return partsToCheck(readBytes(stdin), catalog, leaveOutQuiet);
  if (leaveOutQuiet && twoThreadsPay(sizeOf(path))) return quietPartsOnTwoThreads(path, catalog);
  return partsToCheck(fileBytesSync(path), catalog, leaveOutQuiet);
}

/** The size of a regular file; 0 for anything else (which is read on one thread, and refused there). */
function sizeOf(path: string): number {
  try {
    const info = statSync(path);
    return info.isFile() ? info.size : 0;
  } catch {
    return 0;
  }
}

/** Errors and warnings found in one input. */
export interface CheckCounts {
  errors: number;
  warnings: number;
}

/** Local files that `:<` values name are inspected (from `baseDir`); one that apply could not send is a warning. */
interface LocalFileChecks {
  readonly localFiles: LocalFileInspector;
  readonly baseDir: string;
}

/** What else `check` looks at besides the text. */
interface CheckOptions {
  readonly files?: LocalFileChecks;
  /** With `--schema` or `--url`, the schema rules check every record too. */
  readonly schema?: Schema;
}

/** `checkInput` for a stream (standard input, tests). */
export function checkStream(
  stream: Readable,
  catalog: Catalog,
  emit: (diagnostics: readonly Diagnostic[]) => Promise<void>,
  options: CheckOptions = {},
): Promise<CheckCounts> {
  return checkInput(partsToCheck(readBytes(stream), catalog, !options.schema), catalog, emit, options);
}

/**
 * Validates an input piece by piece (each piece whole records), handing each piece's
 * diagnostics to `emit` at once; only winsync records are kept for the checks that compare
 * records, so memory does not grow with the file.
 */
async function checkInput(
  parts: AsyncIterable<TextPart>,
  catalog: Catalog,
  emit: (diagnostics: readonly Diagnostic[]) => Promise<void>,
  { files, schema }: CheckOptions = {},
): Promise<CheckCounts> {
  const counts = { errors: 0, warnings: 0 };
  const settings = { maxDiagnostics: Number.POSITIVE_INFINITY };
  const send = async (diagnostics: readonly Diagnostic[]) => {
    const shaped = applySettings(diagnostics, settings);
    for (const d of shaped) {
      if (d.severity === 'error') counts.errors++;
      else if (d.severity === 'warning') counts.warnings++;
    }
    if (shaped.length > 0) await emit(shaped);
  };
  const documentLevel = await checkPieces(parts, { catalog, schema }, async (document, diagnostics) => {
    if (files) {
      for (const record of document.ldif.records) {
        // Nearly every record reads no file: the await per record is spared too.
        if ((record.traits & RecordTraits.urlValue) === 0) continue;
        for (const { check, range } of await files.localFiles.inspect(record, files.baseDir)) {
          if (!check.ok) diagnostics.push(localFileDiagnostic(check.problem, range, 'warning'));
        }
      }
    }
    await send(diagnostics);
  });
  await send(documentLevel);
  return counts;
}

/**
 * The input in the parts the full check reads: with `leaveOutQuiet`, without the blocks
 * `QuietRecords` proves no check has anything to say about. An input of one piece (a file under
 * 64 KiB) is read whole all the same: on a small file the scan costs more than it spares (the
 * corpus sweep took a tenth longer with it).
 */
async function* partsToCheck(
  pieces: Iterable<PieceBytes> | AsyncIterable<PieceBytes>,
  catalog: Catalog,
  leaveOutQuiet: boolean,
): AsyncGenerator<TextPart> {
  const lines = new LineCounter();
  let quiet: QuietRecords | undefined;
  let first: PieceBytes | undefined;
  for await (const piece of pieces) {
    if (!leaveOutQuiet) yield lines.number(decoded(piece));
    else if (quiet) yield* quietParts(quiet, piece);
    // A copy: the next read reuses a piece's bytes.
    else if (first === undefined) first = { bytes: Buffer.from(piece.bytes), atFileStart: piece.atFileStart };
    else {
      quiet = new QuietRecords(catalog);
      yield* quietParts(quiet, first);
      yield* quietParts(quiet, piece);
    }
  }
  if (first !== undefined && !quiet) yield lines.number(decoded(first));
}

/** Files named directly, plus every *.ldif and *.ldf below named folders, in a stable order. */
async function expandInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const stat = await fs.stat(resolve(cwd, input)).catch(() => undefined);
    if (!stat) throw new UsageError(`cannot read ${input}: no such file or folder`);
    if (stat.isDirectory())
      files.push(...(await ldifFilesBelow(resolve(cwd, input))).map((path) => relative(cwd, path)));
    else files.push(input);
  }
  return files;
}

async function ldifFilesBelow(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await ldifFilesBelow(path)));
    else if (entry.isFile() && /\.ldi?f$/i.test(entry.name)) found.push(path);
  }
  return found;
}
