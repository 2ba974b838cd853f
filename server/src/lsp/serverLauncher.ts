/**
 * The language server's entry in node (dist/serverLauncher.js): runs dist/server.js beside it,
 * from a V8 code cache when the host gives a folder for one (launch.ts, codeCache.ts).
 */
import { join } from 'node:path';
import { runWithCodeCache } from './codeCache';
import { codeCacheFolderOf } from './launch';

runWithCodeCache(join(__dirname, 'server.js'), codeCacheFolderOf(process.argv));
