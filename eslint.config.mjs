// ESLint for the TypeScript and JavaScript sources; Prettier does the formatting (npm test runs both).
// The no-restricted-imports blocks keep the layers apart: ARCHITECTURE.md describes them.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Imports a layer must not make: a regular expression over the import path, and why not. */
function forbid(...rules) {
  return { 'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }] };
}

const EDITOR = ['^vscode$', 'The engine and apply know no editor: only the client imports vscode.'];
const LSP_LIBRARIES = ['^vscode-language(server|client)', 'Only the hosts (server/src/lsp, client) speak LSP.'];
const HOSTS = ['(^|/)(lsp|cli)(/|$)', 'Hosts use the engine and apply, never the other way round.'];
const APPLY = ['(^|/)apply(/|$)|^@apply/', 'The engine does not know apply: apply uses the engine.'];
const NODE = [
  '^node:|^(fs|path|crypto|buffer|os|net|tls|url|util)$',
  "The engine runs in a browser's web worker too (vscode.dev): no node built-ins (util/bytes.ts has base64 and UTF-8).",
];
const OUT_OF_ENGINE = [
  '^(\\.\\./)+(document|service|largeDocument|rules|features|model)(/|$)',
  'The parsers, the catalog and the record model sit below rules, features and the document.',
];
const OUT_OF_RULES = [
  '^(\\.\\./)+(document|service|largeDocument|features)(/|$)',
  'Rules see records and the catalog; features and the document use rules, not the reverse.',
];
const INTO_SERVER = [
  '(^|/)server/src/',
  "The client reaches the engine, apply and the server's launch only through the @engine/*, @apply/* and @lsp/* aliases.",
];

export default defineConfig(
  { ignores: ['dist/', 'out/', 'node_modules/', '.test-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Tests match server output, where runs of spaces are what is asserted.
  { files: ['test/**/*.ts'], rules: { 'no-regex-spaces': 'off' } },
  { files: ['server/src/engine/**/*.ts'], rules: forbid(EDITOR, LSP_LIBRARIES, HOSTS, APPLY, NODE) },
  {
    files: ['server/src/engine/{ldif,dn,filter,catalog,util,model}/**/*.ts'],
    rules: forbid(EDITOR, LSP_LIBRARIES, HOSTS, APPLY, NODE, OUT_OF_ENGINE),
  },
  {
    files: ['server/src/engine/rules/**/*.ts'],
    rules: forbid(EDITOR, LSP_LIBRARIES, HOSTS, APPLY, NODE, OUT_OF_RULES),
  },
  {
    files: ['server/src/engine/**/*.ts'],
    ignores: ['server/src/engine/util/bytes.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: "A browser's web worker has no Buffer: use util/bytes.ts." },
        { name: 'process', message: "A browser's web worker has no process." },
      ],
    },
  },
  { files: ['server/src/apply/**/*.ts'], rules: forbid(EDITOR, LSP_LIBRARIES, HOSTS) },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: forbid(EDITOR, LSP_LIBRARIES, ['(^|/)lsp(/|$)', 'The CLI and the language server are separate hosts.']),
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: forbid(EDITOR, [
      '(^|/)cli(/|$)|^@apply/',
      'The language server checks and edits; apply runs in the client and the CLI.',
    ]),
  },
  {
    files: ['client/src/**/*.ts'],
    rules: forbid(INTO_SERVER, ['^vscode-languageserver', 'The client speaks LSP through vscode-languageclient.']),
  },
);
