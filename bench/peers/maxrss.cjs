// Preloaded (node --require) where /usr/bin/time is missing: writes the process's peak RSS (KiB)
// and its user and system CPU seconds on exit, as /usr/bin/time -f '%M %U %S' would.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_RSS_FILE, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}`);
});
