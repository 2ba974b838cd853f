// Writes dist/README.md, the README of the extension page (npm run package passes it to vsce with
// --readme-path): README.md without the sections for those who work on the repository or use the
// command line, which the .vsix does not ship (quick start, demo, building the .vsix, command line,
// winsync lab, tests, layout) and the lists of commands and settings (the extension page's Feature
// Contributions tab shows them from package.json), and with a link to the table of diagnostic codes instead of the
// table (every diagnostic links to its own page). This keeps the .vsix within its 400 KB. Links to
// what is left out go to the repository's README; vsce then makes every relative link absolute
// against package.json's `repository`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const ROOT = new URL('..', import.meta.url);
const LEFT_OUT = [
  'Quick start',
  'The demo',
  'Installing the extension in desktop VS Code',
  'Command line',
  'Commands',
  'Settings',
  'The winsync lab',
  'Tests',
  'Layout',
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading) =>
  heading
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/\s/g, '-');

const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
const { repository } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
const repositoryUrl = (typeof repository === 'string' ? repository : repository.url).replace(/\.git$/, '');

// Sections start at "## "; their "### " subsections go with them.
const sections = readme.split(/^(?=## )/m);
const kept = sections.filter((section) => !LEFT_OUT.includes(/^## (.*)$/m.exec(section)?.[1] ?? ''));
const missing = LEFT_OUT.filter((title) => !sections.some((section) => section.startsWith(`## ${title}\n`)));
if (missing.length > 0) throw new Error(`extension-readme: README.md has no section ${missing.join(', ')}`);

const gone = new Set(
  sections
    .filter((section) => !kept.includes(section))
    .flatMap((section) => [...section.matchAll(/^#{2,} (.*)$/gm)].map((match) => anchorOf(match[1]))),
);
const RULE_TABLE = /<!-- rule-codes: generated[^\n]*-->\n[\s\S]*?<!-- rule-codes: end -->\n/;
if (!RULE_TABLE.test(readme)) throw new Error('extension-readme: README.md has no rule-codes table');
const text = kept
  .join('')
  .replace(
    RULE_TABLE,
    `The [table of every code](${repositoryUrl}#what-it-checks), with its group and default severity, is in the repository's README.\n`,
  )
  .replace(/\]\(#([\w-]+)\)/g, (link, anchor) => (gone.has(anchor) ? `](${repositoryUrl}#${anchor})` : link))
  .replace(
    /^(## Screenshots\n)/m,
    `The command line (\`winsync-ldif check\`, \`apply\`, \`status\`), the demo, the winsync lab and the tests are described in the [repository's README](${repositoryUrl}#readme).\n\n$1`,
  );
mkdirSync(new URL('dist/', ROOT), { recursive: true });
writeFileSync(new URL('dist/README.md', ROOT), text);
console.log(`extension-readme: dist/README.md, ${text.length} characters (README.md: ${readme.length})`);
