/**
 * The whole winsync catalog: entry kinds and attributes, as plain data. It is checked against
 * `CatalogSchema` when the bundles are built and by the tests; typed as the schema's output, it
 * needs no defaults or transforms from zod, so the data the bundles load is what was checked.
 */
import type { CatalogData } from './schema';
import { agreementAttributes, agreementEntryKind } from './agreement.data';
import { ipaWinsyncAttributes, ipaWinsyncEntryKind } from './ipaWinsync.data';

export const catalogData: CatalogData = {
  entryKinds: [ipaWinsyncEntryKind, agreementEntryKind],
  attributes: [...ipaWinsyncAttributes, ...agreementAttributes],
};
