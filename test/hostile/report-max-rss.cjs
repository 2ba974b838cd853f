// Preloaded (node -r) into a process the hostile tests measure: on exit, writes the process's
// peak resident set size in KiB to file descriptor 3, which the test reads.
process.on('exit', () => require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS)));
