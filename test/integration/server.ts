/**
 * The live 389-DS the integration tests talk to, described by LDAP_TEST_* variables that
 * scripts/run-integration-tests.sh exports. Without them the tests are skipped on a
 * developer machine, and fail under CI: a CI run must never pass by skipping.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer, type AddressInfo, type Server, type Socket, connect } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { Client } from 'ldapts';
import { runApplyCommand } from '../../server/src/cli/apply';

export interface LdapTestServer {
  /** ldap://localhost:PORT (the certificate names localhost). */
  readonly url: string;
  /** ldap://127.0.0.1:PORT */
  readonly ipUrl: string;
  /** ldaps://localhost:PORT */
  readonly tlsUrl: string;
  readonly caFile: string;
  readonly bindDn: string;
  readonly passwordFile: string;
  readonly password: string;
  readonly suffix: string;
  readonly agreementDn: string;
  readonly pidFile: string;
  /** ldapi://%2Frun%2Fslapd-NAME.socket, with autobind: root binds as cn=Directory Manager over SASL EXTERNAL. */
  readonly ldapiUrl: string;
}

const REQUIRED = [
  'LDAP_TEST_URL',
  'LDAP_TEST_IP_URL',
  'LDAP_TEST_TLS_URL',
  'LDAP_TEST_CA',
  'LDAP_TEST_BIND_DN',
  'LDAP_TEST_PASSWORD_FILE',
  'LDAP_TEST_SUFFIX',
  'LDAP_TEST_AGREEMENT_DN',
  'LDAP_TEST_PID_FILE',
  'LDAP_TEST_LDAPI_URL',
] as const;

/** The server, or a skip reason; throws under CI when the variables are missing. */
export function testServer(): LdapTestServer | { skip: string } {
  const missing = REQUIRED.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    const reason = `no live 389-DS: ${missing.join(', ')} not set (run scripts/run-integration-tests.sh)`;
    if (process.env.CI) throw new Error(`${reason}; integration tests must not be skipped in CI`);
    return { skip: reason };
  }
  const env = process.env as Record<(typeof REQUIRED)[number], string>;
  return {
    url: env.LDAP_TEST_URL,
    ipUrl: env.LDAP_TEST_IP_URL,
    tlsUrl: env.LDAP_TEST_TLS_URL,
    caFile: env.LDAP_TEST_CA,
    bindDn: env.LDAP_TEST_BIND_DN,
    passwordFile: env.LDAP_TEST_PASSWORD_FILE,
    password: readFileSync(env.LDAP_TEST_PASSWORD_FILE, 'utf8'),
    suffix: env.LDAP_TEST_SUFFIX,
    agreementDn: env.LDAP_TEST_AGREEMENT_DN,
    pidFile: env.LDAP_TEST_PID_FILE,
    ldapiUrl: env.LDAP_TEST_LDAPI_URL,
  };
}

/** A token that keeps this run's entries apart from earlier runs on the same server. */
export function runId(): string {
  return randomBytes(4).toString('hex');
}

/** An authenticated ldapts client for reading back what a test applied. */
export async function adminClient(server: LdapTestServer): Promise<Client> {
  const client = new Client({ url: server.url, timeout: 10_000, connectTimeout: 5_000 });
  await client.bind(server.bindDn, server.password);
  return client;
}

/** The entry's attributes (lower-cased names, values as arrays), or undefined when it does not exist. */
export async function readBack(
  client: Client,
  dn: string,
  attributes = ['*'],
): Promise<Record<string, (string | Buffer)[]> | undefined> {
  try {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes });
    const entry = searchEntries[0];
    if (!entry) return undefined;
    const result: Record<string, (string | Buffer)[]> = {};
    for (const [name, value] of Object.entries(entry)) {
      if (name !== 'dn') result[name.toLowerCase()] = Array.isArray(value) ? value : [value];
    }
    return result;
  } catch (error) {
    if ((error as { code?: unknown }).code === 32) return undefined;
    throw error;
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `winsync-ldif apply` in-process with captured streams. */
export async function runApply(
  argv: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal; onStdout?: (text: string) => void },
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => {
    out.push(chunk);
    options.onStdout?.(Buffer.concat(out).toString());
  });
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runApplyCommand(argv, {
    stdout,
    stderr,
    stdin: Readable.from([]),
    env: options.env ?? {},
    cwd: options.cwd,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** The arguments every apply against the test server needs (password from the fixture file). */
export function connectArgs(server: LdapTestServer, url = server.url): string[] {
  return ['--url', url, '--bind-dn', server.bindDn, '--password-file', server.passwordFile];
}

/** A port on 127.0.0.1 where nothing listens (bound once by us, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP listener on 127.0.0.1 that accepts connections and never answers. */
export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server, sockets) };
}

/**
 * A TCP relay on 127.0.0.1 in front of the real server, to break a live connection at a
 * chosen moment: `cut()` drops it at the next request, `mute()` lets requests through but
 * swallows the answers (a server that stopped responding), `dropAll()` closes the open
 * connections at once and keeps accepting new ones (a server restart, an idle timeout).
 * `loseNextAnswer()` lets the next request reach the server but drops the connection instead of
 * passing the answer on, and `cutNextRequest()` drops it before the next request reaches the
 * server; both then pass new connections again (a server that restarted).
 */
export async function faultyRelay(target: { host: string; port: number }): Promise<{
  port: number;
  cut(): void;
  mute(): void;
  dropAll(): void;
  loseNextAnswer(): void;
  cutNextRequest(): void;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let mode: 'pass' | 'cut' | 'mute' | 'lose-once' | 'cut-once' = 'pass';
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    let losing = false;
    client.on('data', (chunk) => {
      if (mode === 'cut' || mode === 'cut-once') {
        if (mode === 'cut-once') mode = 'pass';
        client.destroy();
        upstream.destroy();
        return;
      }
      if (mode === 'lose-once') {
        mode = 'pass';
        losing = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (losing) {
        client.destroy();
        upstream.destroy();
      } else if (mode !== 'mute') client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => (mode = 'cut'),
    mute: () => (mode = 'mute'),
    loseNextAnswer: () => (mode = 'lose-once'),
    cutNextRequest: () => (mode = 'cut-once'),
    dropAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () => closeServer(server, sockets),
  };
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface ProcessRun extends CliRun {
  readonly signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit. */
  readonly ms: number;
  /** Peak resident set size of the CLI process. */
  readonly maxRssMiB: number;
}

const CLI = join(__dirname, '../../dist/cli.js');
const MAX_RSS = join(__dirname, '../../bench/peers/maxrss.cjs');

/**
 * Runs the built CLI (dist/cli.js) as its own process, as users and CI run it: real signals,
 * real memory. `onOutput` sees stdout and stderr as they come, and may signal the process.
 */
export function spawnCli(
  argv: string[],
  options: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    onOutput?: (text: string, child: ChildProcess) => void;
    onSpawn?: (child: ChildProcess) => void;
  },
): Promise<ProcessRun> {
  assert.ok(existsSync(CLI), 'dist/cli.js is built (scripts/run-integration-tests.sh builds it)');
  const rssFile = join(mkdtempSync(join(tmpdir(), 'winsync-rss-')), 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', MAX_RSS, CLI, ...argv], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, ...options.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    options.onOutput?.(stdout + stderr, child);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
    options.onOutput?.(stdout + stderr, child);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').split(' ')[0]) : NaN;
      rmSync(dirname(rssFile), { recursive: true, force: true });
      resolve({ code: code ?? -1, signal, stdout, stderr, ms: performance.now() - started, maxRssMiB: rss / 1024 });
    });
  });
}

/** The port of an ldap:// or ldaps:// URL. */
export function portOf(url: string): number {
  return Number(new URL(url).port);
}
