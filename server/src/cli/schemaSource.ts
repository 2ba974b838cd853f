/**
 * Where `check` gets a server schema from: `--schema FILE|FOLDER` (LDIF, e.g. from
 * `ldapsearch -b cn=schema -s base '(objectclass=*)' +`, or 389-DS schema files), or read live
 * with the connection flags `apply` takes (`--url`, `--bind-dn`, `--password-file`, …). Without
 * `--bind-dn` the schema is read anonymously; with it, the password comes from the file, the
 * variable or the terminal, never from the command line.
 */
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { connectionWarnings, openSession, type ConnectionSettings } from '../apply/connection';
import { ApplyError } from '../apply/errors';
import { fetchSchema } from '../apply/schemaFetch';
import { Secret } from '../apply/secret';
import { readSchemaLdif } from '../engine/schema/ldif';
import { buildSchema, type Schema } from '../engine/schema/schema';
import { countOption, stringOption, UsageError, type ParsedArgs } from './args';
import { CONNECTION_OPTIONS, obtainPassword } from './connectionOptions';
import type { CommandIO } from './io';

export const SCHEMA_OPTIONS = { schema: { value: true }, ...CONNECTION_OPTIONS } as const;

export const SCHEMA_USAGE = `[--schema FILE|FOLDER | --url URL [--bind-dn DN --password-file F | --password-env VAR] [--ca-file F] [--starttls] [--connect-timeout S] [--timeout S] [--insecure-skip-tls-verify]]`;

/** A schema dump is a few hundred KB; anything much larger is not one. */
const MAX_SCHEMA_BYTES = 32 * 1024 * 1024;

export interface LoadedSchema {
  readonly schema: Schema;
  /** Where it came from, for the summary line. */
  readonly source: string;
}

/** The schema the options name, or undefined when they name none. */
export async function loadSchema(args: ParsedArgs, io: CommandIO): Promise<LoadedSchema | undefined> {
  const file = stringOption(args, 'schema');
  const url = stringOption(args, 'url');
  const connectionFlags = Object.keys(SCHEMA_OPTIONS).filter(
    (name) => name !== 'schema' && name !== 'url' && args.options[name] !== undefined,
  );
  if (file && url) throw new UsageError('give either --schema FILE or --url URL, not both');
  if (!url && connectionFlags.length > 0)
    throw new UsageError(`--${connectionFlags[0]} needs --url (the server to read the schema from)`);
  if (file) return schemaFromFiles(file, io);
  if (url) return schemaFromServer(url, args, io);
  return undefined;
}

async function schemaFromFiles(path: string, io: CommandIO): Promise<LoadedSchema> {
  const full = resolve(io.cwd, path);
  const stat = await fs.stat(full).catch(() => undefined);
  if (!stat) throw new UsageError(`cannot read the schema ${path}: no such file or folder`);
  const files = stat.isDirectory()
    ? (await fs.readdir(full))
        .filter((name) => name.toLowerCase().endsWith('.ldif'))
        .sort()
        .map((name) => join(full, name))
    : [full];
  const texts: string[] = [];
  for (const file of files) texts.push(await readSchemaFile(file, path));
  const read = readSchemaLdif(texts);
  if (read.counts.attributeTypes === 0 && read.counts.objectClasses === 0) {
    throw new UsageError(
      `${path} holds no attributeTypes or objectClasses: dump the schema with ldapsearch -b cn=schema -s base '(objectclass=*)' + (389-DS lists them as operational attributes)`,
    );
  }
  const schema = buildSchema(read.definitions, read.vendorVersion ? { vendorVersion: read.vendorVersion } : {});
  return { schema, source: `${path} (${describe(schema)})` };
}

/** Reads one schema file: regular files only (never a FIFO or device), within the size limit. */
async function readSchemaFile(file: string, shown: string): Promise<string> {
  const stat = await fs.lstat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new UsageError(`cannot read the schema ${shown}: ${file} is not a regular file`);
  if (stat.size > MAX_SCHEMA_BYTES)
    throw new UsageError(
      `the schema file ${file} is ${stat.size} bytes, more than a schema dump can be (${MAX_SCHEMA_BYTES})`,
    );
  return fs.readFile(file, 'utf8');
}

async function schemaFromServer(url: string, args: ParsedArgs, io: CommandIO): Promise<LoadedSchema> {
  const bindDn = stringOption(args, 'bind-dn');
  const passwordFile = stringOption(args, 'password-file');
  const passwordEnv = stringOption(args, 'password-env');
  if (!bindDn && (passwordFile || passwordEnv))
    throw new UsageError('a password needs --bind-dn (without it the schema is read anonymously)');
  if (passwordFile && passwordEnv) throw new UsageError('give either --password-file or --password-env, not both');
  const seconds = (name: string) => {
    const value = countOption(args, name);
    if (value === 0) throw new UsageError(`--${name} must be at least 1 second`);
    return value === undefined ? undefined : value * 1000;
  };
  const connectTimeoutMs = seconds('connect-timeout');
  const operationTimeoutMs = seconds('timeout');
  const caFile = stringOption(args, 'ca-file');
  try {
    const password = bindDn ? await obtainPassword({ bindDn, passwordFile, passwordEnv }, io) : new Secret('');
    const settings: ConnectionSettings = {
      url,
      bindDn: bindDn ?? '',
      password,
      anonymous: !bindDn,
      startTls: args.options.starttls === true,
      verifyTls: args.options['insecure-skip-tls-verify'] !== true,
      ...(caFile ? { caFile: resolve(io.cwd, caFile) } : {}),
      ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
      ...(operationTimeoutMs ? { operationTimeoutMs } : {}),
    };
    if (bindDn) for (const warning of connectionWarnings(settings)) io.stderr.write(`${warning}\n`);
    const session = await openSession(settings);
    try {
      const fetched = await fetchSchema(session);
      const schema = buildSchema(fetched.definitions, fetched.server);
      const who = bindDn ? `as ${bindDn}` : 'anonymously';
      return {
        schema,
        source: `${session.endpoint.url} ${who}, ${fetched.server.vendorVersion ?? 'server version unknown'} (${describe(schema)})`,
      };
    } finally {
      await session.close();
    }
  } catch (error) {
    if (error instanceof ApplyError) throw new UsageError(`cannot read the schema: ${error.message}`);
    throw error;
  }
}

function describe(schema: Schema): string {
  const problems = schema.problems.length > 0 ? `, ${schema.problems.length} definitions not fully readable` : '';
  return `${schema.attributeTypes.length} attribute types, ${schema.objectClasses.length} object classes${problems}`;
}
