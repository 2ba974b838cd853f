/**
 * The winsync lab the sync tests run against (scripts/lab.sh: a Samba AD DC and a 389-DS with a
 * Windows sync agreement), described by the LAB_* variables scripts/run-sync-tests.sh exports.
 * Agreement settings and 389-DS entries change through the project's own apply engine (LDIF →
 * preflight → openSession → runRecords, as `winsync-ldif apply` does); AD changes, which an AD
 * administrator would make, go straight to Samba with ldapts. Every wait polls and is bounded.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { Client, type Entry } from 'ldapts';
import { openSession, type LdapSession } from '../../server/src/apply/connection';
import { preflight } from '../../server/src/apply/preflight';
import { DEFAULT_MAX_FILE_VALUE_BYTES } from '../../server/src/apply/localFiles';
import { runRecords, type ApplyReport, type RecordResult } from '../../server/src/apply/run';
import { sourceRecords, textInput } from '../../server/src/apply/source';
import { Secret } from '../../server/src/apply/secret';
import { loadCatalog } from '../../server/src/engine/catalog';
import type { Diagnostic } from '../../server/src/engine/ldif/ast';
import { getLanguageService } from '../../server/src/engine/service';

export interface Lab {
  readonly url: string;
  readonly bindDn: string;
  readonly passwordFile: string;
  readonly caFile: string;
  readonly agreementDn: string;
  readonly dsSubtree: string;
  readonly errorsLog: string;
  /** winSyncInterval of the lab's agreement, seconds. */
  readonly interval: number;
  readonly adUrl: string;
  /** The name in Samba's certificate (the lab reaches it by address). */
  readonly adHost: string;
  readonly adBindDn: string;
  readonly adPasswordFile: string;
  readonly adCaFile: string;
  readonly adBase: string;
  readonly adSubtree: string;
  readonly adOutside: string;
}

const VARIABLES = {
  url: 'LAB_URL',
  bindDn: 'LAB_BIND_DN',
  passwordFile: 'LAB_PASSWORD_FILE',
  caFile: 'LAB_CA_FILE',
  agreementDn: 'LAB_AGREEMENT_DN',
  dsSubtree: 'LAB_DS_SUBTREE',
  errorsLog: 'LAB_ERRORS_LOG',
  interval: 'LAB_SYNC_INTERVAL',
  adUrl: 'LAB_AD_URL',
  adHost: 'LAB_AD_HOST',
  adBindDn: 'LAB_AD_BIND_DN',
  adPasswordFile: 'LAB_AD_PASSWORD_FILE',
  adCaFile: 'LAB_AD_CA_FILE',
  adBase: 'LAB_AD_BASE',
  adSubtree: 'LAB_AD_SUBTREE',
  adOutside: 'LAB_AD_OUTSIDE',
} as const;

/** The lab, or a skip reason on a developer machine; under CI a missing lab is a failure. */
export function labFromEnv(): Lab | { skip: string } {
  const missing = Object.values(VARIABLES).filter((name) => !process.env[name]);
  if (missing.length > 0) {
    const reason = `no winsync lab: ${missing.join(', ')} not set (run scripts/run-sync-tests.sh)`;
    if (process.env.CI) throw new Error(`${reason}; sync tests must not be skipped in CI`);
    return { skip: reason };
  }
  const value = (key: keyof typeof VARIABLES) => process.env[VARIABLES[key]] as string;
  return {
    ...(Object.fromEntries(Object.keys(VARIABLES).map((key) => [key, value(key as keyof typeof VARIABLES)])) as Omit<
      Lab,
      'interval'
    >),
    interval: Number(value('interval')),
  };
}

/**
 * The lab for one test file: a session opened before its tests and closed after them, once
 * `restore` has put back what the file changes on the agreement. `skip` goes to every test; `s`
 * stands for the session (it forwards to the one `before` opened).
 */
export function labForTests(restore?: (session: LabSession) => Promise<unknown>): {
  readonly skip: string | false;
  readonly s: LabSession;
} {
  const lab = labFromEnv();
  const skip = 'skip' in lab ? lab.skip : false;
  let session: LabSession | undefined;
  before(async () => {
    if (!skip) session = await LabSession.open(lab as Lab);
  });
  after(async () => {
    if (!session) return;
    try {
      await restore?.(session);
    } finally {
      await session.close();
    }
  });
  const s = new Proxy({} as LabSession, {
    get: (_, key) => {
      assert.ok(session, 'the lab session is open (only inside tests)');
      const value = Reflect.get(session, key, session) as unknown;
      return typeof value === 'function' ? value.bind(session) : value;
    },
  });
  return { skip, s };
}

/** A short name no earlier run used: sAMAccountName allows 20 characters. */
export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(3).toString('hex')}`;
}

export type Values = Record<string, string[]>;

function valuesOf(entry: Entry): Values {
  const values: Values = {};
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'dn') continue;
    values[name.toLowerCase()] = (Array.isArray(value) ? value : [value]).map((item) => item.toString());
  }
  return values;
}

export interface Applied {
  readonly report: ApplyReport;
  /** What the validator said about the LDIF before it was sent. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Both sides of the lab, open for one test file. */
export class LabSession {
  private constructor(
    readonly lab: Lab,
    /** The apply engine's session to 389-DS (LDAPS, the lab's CA, bound as Directory Manager). */
    private readonly apply: LdapSession,
    /** Reads from 389-DS. */
    private readonly ds: Client,
    /** Samba AD, as its administrator. */
    private readonly ad: Client,
  ) {}

  static async open(lab: Lab): Promise<LabSession> {
    const password = readFileSync(lab.passwordFile, 'utf8');
    const apply = await openSession({
      url: lab.url,
      bindDn: lab.bindDn,
      password: new Secret(password),
      caFile: lab.caFile,
    });
    const ca = readFileSync(lab.caFile);
    const ds = new Client({ url: lab.url, tlsOptions: { ca: [ca] }, timeout: 15_000, connectTimeout: 5_000 });
    await ds.bind(lab.bindDn, password);
    const ad = new Client({
      url: lab.adUrl,
      tlsOptions: { ca: [readFileSync(lab.adCaFile)], servername: lab.adHost },
      timeout: 15_000,
      connectTimeout: 5_000,
    });
    await ad.bind(lab.adBindDn, readFileSync(lab.adPasswordFile, 'utf8'));
    return new LabSession(lab, apply, ds, ad);
  }

  async close(): Promise<void> {
    await this.apply.close();
    await this.ds.unbind().catch(() => undefined);
    await this.ad.unbind().catch(() => undefined);
  }

  // ---------------------------------------------------------------------------- apply engine

  /** Validates and applies LDIF with the project's apply engine; every record must apply. */
  async applyLdif(text: string): Promise<Applied> {
    const catalog = loadCatalog();
    const input = textInput('sync-test.ldif', undefined, text);
    const checked = await preflight([input], { catalog, maxFileValueBytes: DEFAULT_MAX_FILE_VALUE_BYTES });
    assert.deepEqual(
      checked.blocking.map((problem) => problem.diagnostic.message),
      [],
      `the validator blocks this LDIF:\n${text}`,
    );
    const results: RecordResult[] = [];
    const summary = await runRecords(
      this.apply,
      sourceRecords(input, catalog, { documentDiagnostics: checked.documentDiagnostics(input.file) }),
      { catalog, maxFileValueBytes: DEFAULT_MAX_FILE_VALUE_BYTES, onResult: (result) => void results.push(result) },
    );
    const notApplied = results.filter((result) => result.status !== 'applied');
    assert.deepEqual(
      notApplied.map((result) => `${result.status}: ${result.cause}`),
      [],
      `applying failed:\n${text}`,
    );
    return { report: { ...summary, results }, diagnostics: validate(text) };
  }

  /**
   * `replace: attribute` on the agreement; no values removes the attribute. Sent between sync
   * sessions: the lab's 389-DS 2.3.1 once died on an agreement modify that arrived while a session
   * was deleting entries for winSyncMoveAction (no core, no log line), so the tests do not race it.
   */
  async setAgreement(attribute: string, ...values: string[]): Promise<Applied> {
    await this.until(
      'no sync session is running',
      async () => (await this.agreement()).nsds5replicaupdateinprogress?.[0] !== 'TRUE',
    );
    const lines = values.map((value) => `${attribute}: ${value}\n`).join('');
    return this.applyLdif(`dn: ${this.lab.agreementDn}\nchangetype: modify\nreplace: ${attribute}\n${lines}-\n`);
  }

  /** Adds a 389-DS user that winsync may create in AD (objectClass ntUser, ntUserCreateNewAccount). */
  addDsUser(uid: string, extra: Record<string, string> = {}): Promise<Applied> {
    const attributes = { cn: `${uid} Test`, sn: 'Test', ntUserDomainId: uid, ntUserCreateNewAccount: 'true', ...extra };
    const lines = Object.entries(attributes)
      .map(([name, value]) => `${name}: ${value}\n`)
      .join('');
    return this.applyLdif(
      `dn: ${this.dsDn(uid)}\nchangetype: add\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\n` +
        `objectClass: inetOrgPerson\nobjectClass: ntUser\nuid: ${uid}\n${lines}`,
    );
  }

  modifyDsUser(uid: string, attribute: string, value: string): Promise<Applied> {
    return this.applyLdif(
      `dn: ${this.dsDn(uid)}\nchangetype: modify\nreplace: ${attribute}\n${attribute}: ${value}\n-\n`,
    );
  }

  deleteDsUser(uid: string): Promise<Applied> {
    return this.applyLdif(`dn: ${this.dsDn(uid)}\nchangetype: delete\n`);
  }

  dsDn(uid: string): string {
    return `uid=${uid},${this.lab.dsSubtree}`;
  }

  // ---------------------------------------------------------------------------- reading

  /** The 389-DS entry with this uid anywhere under the synced subtree, or undefined. */
  async dsUser(uid: string): Promise<Values | undefined> {
    const { searchEntries } = await this.ds.search(this.lab.dsSubtree, { filter: `(uid=${uid})`, attributes: ['*'] });
    return searchEntries[0] ? valuesOf(searchEntries[0]) : undefined;
  }

  /** The AD user with this sAMAccountName anywhere in the domain, with its DN, or undefined. */
  async adUser(sam: string): Promise<(Values & { dn: string[] }) | undefined> {
    const { searchEntries } = await this.ad.search(this.lab.adBase, {
      filter: `(&(objectClass=user)(sAMAccountName=${sam}))`,
      attributes: ['*'],
    });
    const entry = searchEntries[0];
    return entry ? { ...valuesOf(entry), dn: [entry.dn] } : undefined;
  }

  /** The agreement entry, status attributes included. */
  async agreement(): Promise<Values> {
    const { searchEntries } = await this.ds.search(this.lab.agreementDn, { scope: 'base', attributes: ['*'] });
    assert.ok(searchEntries[0], `the agreement ${this.lab.agreementDn} exists`);
    return valuesOf(searchEntries[0]);
  }

  // ---------------------------------------------------------------------------- AD side

  adDn(sam: string, container = this.lab.adSubtree): string {
    return `CN=${sam},${container}`;
  }

  /** Creates an AD user the way an AD administrator would (no password: the account is disabled, which winsync ignores). */
  async createAdUser(sam: string, container = this.lab.adSubtree, extra: Record<string, string> = {}): Promise<void> {
    await this.ad.add(this.adDn(sam, container), {
      objectClass: 'user',
      sAMAccountName: sam,
      givenName: 'Sync',
      sn: sam,
      ...extra,
    });
  }

  async modifyAdUser(sam: string, attribute: string, value: string): Promise<void> {
    const user = await this.adUser(sam);
    assert.ok(user, `AD user ${sam} exists`);
    const { Attribute, Change } = await import('ldapts');
    await this.ad.modify(user.dn[0], [
      new Change({ operation: 'replace', modification: new Attribute({ type: attribute, values: [value] }) }),
    ]);
  }

  async moveAdUser(sam: string, container: string): Promise<void> {
    const user = await this.adUser(sam);
    assert.ok(user, `AD user ${sam} exists`);
    await this.ad.modifyDN(user.dn[0], this.adDn(sam, container));
  }

  async deleteAdUser(sam: string): Promise<void> {
    const user = await this.adUser(sam);
    assert.ok(user, `AD user ${sam} exists`);
    await this.ad.del(user.dn[0]);
  }

  // ---------------------------------------------------------------------------- waiting

  /** Polls `probe` every 200 ms until it returns a value other than undefined/false; fails after `seconds`. */
  async until<T>(what: string, probe: () => Promise<T | undefined | false>, seconds = 30): Promise<T> {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * Waits until the agreement has run one whole incremental session that began after this call:
   * it sends what the changelog holds (unless fromWindows) and runs one DirSync round (unless
   * toWindows). Every change made before the call has then been seen by winsync, so "nothing
   * happened" can be asserted without sleeping. The status times have one-second resolution.
   */
  async syncPass(): Promise<void> {
    const after = Math.floor(Date.now() / 1000) + 1;
    await this.until(
      `a sync session that starts after ${new Date(after * 1000).toISOString()} has finished`,
      async () => {
        const agreement = await this.agreement();
        const start = generalizedSeconds(agreement.nsds5replicalastupdatestart?.[0]);
        const end = generalizedSeconds(agreement.nsds5replicalastupdateend?.[0]);
        return agreement.nsds5replicaupdateinprogress?.[0] === 'FALSE' && start >= after && end >= start;
      },
    );
  }

  /** Lines the 389-DS errors log gained since `mark` (a byte offset from errorsLogMark). */
  errorsLogSince(mark: number): string {
    return readFileSync(this.lab.errorsLog).subarray(mark).toString('utf8');
  }

  errorsLogMark(): number {
    return readFileSync(this.lab.errorsLog).length;
  }
}

/** `20261205002402Z` → seconds since the epoch (0 for missing values). */
function generalizedSeconds(value: string | undefined): number {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return 0;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
}

/** What the validator says about LDIF (every severity), as the editor shows it. */
function validate(text: string): Diagnostic[] {
  const service = getLanguageService();
  return service.validate(service.parse(text));
}
