/**
 * The whole winsync catalog: entry kinds and attributes, as plain data. `loadCatalog()` in
 * `./index` validates it with `CatalogSchema` on first use.
 */
import type { z } from 'zod';
import type { CatalogSchema } from './schema';
import { agreementAttributes, agreementEntryKind } from './agreement.data';
import { ipaWinsyncAttributes, ipaWinsyncEntryKind } from './ipaWinsync.data';

export const catalogData: z.input<typeof CatalogSchema> = {
  entryKinds: [ipaWinsyncEntryKind, agreementEntryKind],
  attributes: [...ipaWinsyncAttributes, ...agreementAttributes],
};
