// The schema check cost per entry, in a process of its own: 10,000 adds of users validated
// without and with the schema (a fresh parse each run, nothing cached), in CPU time of this
// process. `npm run bench` runs it bundled and minified as the language server and the CLI
// ship, and also from the TypeScript sources under tsx. Prints JSON: the CPU milliseconds of
// each run without and with the schema.
import { readFileSync } from 'node:fs';
import { buildSchema } from '../../server/src/engine/schema/schema';
import { getLanguageService } from '../../server/src/engine/service';
import { userAdds } from './userAdds';

const [jsonPath, runsText] = process.argv.slice(2);
const { definitions, server } = JSON.parse(readFileSync(jsonPath, 'utf8'));
const schema = buildSchema(definitions, server);
const service = getLanguageService();
const users = userAdds(10_000);
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const without: number[] = [];
const withSchema: number[] = [];
const all = { maxDiagnostics: Number.POSITIVE_INFINITY };
// The first round warms the code up and is not counted.
for (let i = 0; i <= Number(runsText); i++) {
  const plain = service.parse(users);
  let started = cpu();
  service.validate(plain, all);
  const plainMs = cpu() - started;
  const checked = service.parse(users);
  started = cpu();
  const found = service.validate(checked, all, schema);
  const checkedMs = cpu() - started;
  if (found.some((diagnostic) => diagnostic.code.startsWith('schema/')))
    throw new Error('bench: the generated users should be valid for the 389-DS schema');
  if (i > 0) {
    without.push(plainMs);
    withSchema.push(checkedMs);
  }
}
process.stdout.write(JSON.stringify({ without, withSchema }));
