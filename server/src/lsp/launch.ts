/**
 * How a node host starts the language server: the extension's client (nodeClient.ts), and the
 * tests and the bench, which start it as the client does. Nothing here loads vscode or LSP.
 */

/** The node entry of the language server (dist/serverLauncher.js), beside dist/server.js. */
export const SERVER_LAUNCHER = 'serverLauncher.js';

const CODE_CACHE = '--code-cache=';

/** The arguments that give the server a folder for its V8 code cache (codeCache.ts). */
export function launchArguments(codeCacheFolder: string | undefined): string[] {
  return codeCacheFolder === undefined ? [] : [`${CODE_CACHE}${codeCacheFolder}`];
}

/** The folder `launchArguments` gave, read back by the launcher. */
export function codeCacheFolderOf(argv: readonly string[]): string | undefined {
  return argv.find((argument) => argument.startsWith(CODE_CACHE))?.slice(CODE_CACHE.length) || undefined;
}

/**
 * The environment the server runs in: the host's, without NODE_EXTRA_CA_CERTS. Node parses that
 * file of certificates at every start (60–90 ms with Debian's bundle of 140) and the server opens
 * no TLS connection (apply and the schema fetch run in the extension host). The key is kept with
 * the value undefined: the language client lays this over the host's environment, and node's
 * spawn leaves out a variable whose value is undefined.
 */
export function serverEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, NODE_EXTRA_CA_CERTS: undefined };
}
