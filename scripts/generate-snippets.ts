// Writes snippets/ldif.json from server/src/engine/features/snippets/spec.ts and the catalog:
//   npx tsx scripts/generate-snippets.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../server/src/engine/catalog';
import { renderSnippets } from '../server/src/engine/features/snippets/build';

const target = join(__dirname, '..', 'snippets', 'ldif.json');
writeFileSync(target, renderSnippets(loadCatalog()));
console.log(`wrote ${target}`);
