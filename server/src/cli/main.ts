import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { APPLY_USAGE, runApplyCommand } from './apply';
import { CHECK_USAGE, runCheckCommand } from './check';
import { runStatusCommand, STATUS_USAGE } from './status';
import { UsageError } from './args';
import { processIO, type CommandIO } from './io';

const USAGE = `winsync-ldif: validate LDIF for FreeIPA / 389-DS winsync, and apply it safely

${CHECK_USAGE}
  Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or I/O problem.

${APPLY_USAGE}

${STATUS_USAGE}
`;

/** Runs one CLI invocation and returns its exit code; expected failures print one line, never a stack. */
export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheckCommand(rest, io);
      case 'apply':
        return await runApplyCommand(rest, io);
      case 'status':
        return await runStatusCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"; use check, apply or status (see winsync-ldif --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`winsync-ldif: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`winsync-ldif: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

// The thread that scans part of a large file (`twoThreads.ts`) runs this bundle too, for that alone.
if (require.main === module && isMainThread) {
  // check streams a file and keeps little alive, but V8 lets the heap grow to several times
  // that before it collects; growing by 30% at a time keeps a million records under 150 MiB.
  setFlagsFromString('--heap-growing-percent=30');
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other filters do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
