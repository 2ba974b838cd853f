// An esbuild plugin for the bundles (scripts/build.mjs); test/build/ruleDocumentation.test.ts holds it
// to keeping everything else of the rules.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

// What the rules' metadata holds for their documentation pages (docs/rules, generated from the
// sources) and for the tests alone: what the server does, and the examples. The bundles leave it
// out, about 28 KB of each, so that the .vsix stays within its 400 KB with room to grow.
export const DOCUMENTATION_ONLY = new Set(['server', 'example', 'exampleSchema', 'exampleEntry']);
const RULE_FILE = /[\\/]server[\\/]src[\\/]engine[\\/]rules[\\/][^\\/]+[\\/][^\\/]+\.ts$/;
export const ruleDocumentation = {
  name: 'rule-documentation',
  setup(build) {
    build.onLoad({ filter: RULE_FILE }, async ({ path }) => ({
      contents: withoutDocumentation(await readFile(path, 'utf8'), path),
      loader: 'ts',
    }));
  },
};

/** The source without the documentation-only properties of its rule metadata (an object literal with a `code`). */
function withoutDocumentation(source, path) {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const cuts = [];
  const propertyName = (property) => (ts.isPropertyAssignment(property) ? property.name.getText(file) : undefined);
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node) && node.properties.some((property) => propertyName(property) === 'code')) {
      for (const property of node.properties) {
        if (!DOCUMENTATION_ONLY.has(propertyName(property))) continue;
        // The property and the comma after it.
        let end = property.end;
        while (/\s/.test(source[end] ?? '')) end++;
        cuts.push([property.getStart(file), source[end] === ',' ? end + 1 : property.end]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let kept = source;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) kept = kept.slice(0, start) + kept.slice(end);
  return kept;
}
