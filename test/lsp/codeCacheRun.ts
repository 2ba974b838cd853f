// Runs a bundle through runWithCodeCache in a process of its own (V8 keeps what it compiled for the
// life of a process, so only a new one shows what a cache does) and prints what happened as JSON.
// The cache is saved as the process exits, as in the server. Usage: codeCacheRun.ts BUNDLE [FOLDER]
import { runWithCodeCache } from '../../server/src/lsp/codeCache';

const notes: string[] = [];
const { state, exports } = runWithCodeCache(process.argv[2], process.argv[3], (message) => notes.push(message));
process.stdout.write(JSON.stringify({ state, exports, notes }));
