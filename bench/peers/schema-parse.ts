// Parses a schema (a JSON file of the four definition lists) in a fresh process: the first
// call (cold: nothing compiled yet, as in a language server that just started), then warm
// calls, and JSON.parse of the definitions as the floor. Prints JSON.
import { readFileSync } from 'node:fs';
import { buildSchema } from '../../server/src/engine/schema/schema';

const text = readFileSync(process.argv[2], 'utf8');
let started = performance.now();
const definitions = JSON.parse(text);
const jsonMs = performance.now() - started;
started = performance.now();
const first = buildSchema(definitions.definitions, definitions.server);
const firstMs = performance.now() - started;
const warm: number[] = [];
for (let i = 0; i < 10; i++) {
  started = performance.now();
  buildSchema(definitions.definitions, definitions.server);
  warm.push(performance.now() - started);
}
warm.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    firstMs,
    warmMs: warm[5],
    jsonMs,
    attributeTypes: first.attributeTypes.length,
    objectClasses: first.objectClasses.length,
    problems: first.problems.length,
  }),
);
