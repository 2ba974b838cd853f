/**
 * Talking to the server for the "Sync Agreements" view: one bound session per load or action,
 * with the profile's password from secret storage (asked for only when the user acted, never by
 * the periodic refresh), and every failure turned into one message with its fix. The engine's
 * functions do the work (apply/agreements.ts); this module has no vscode import, so
 * test/client/agreementsSession.test.ts covers every branch with fakes.
 */
import { AGREEMENT_ACTIONS, readAgreements, runAgreementAction, type AgreementAction } from '@apply/agreements';
import { openSession, type LdapSession } from '@apply/connection';
import { advice, ApplyError, formatExplanation } from '@apply/errors';
import { redact, type Secret } from '@apply/secret';
import { loadCatalog } from '@engine/catalog';
import type { AgreementHealth } from '@engine/status/agreementHealth';
import type { FlowLog, PasswordStore } from '../apply/flow';
import { connectionSettings, describeProfile, identityOf, type ConnectionProfile } from '../apply/profileSettings';
import { renderRemedy } from '../apply/remedies';

export interface AgreementsDeps {
  readonly passwords: PasswordStore;
  /** The masked prompt; undefined when dismissed. */
  readonly askPassword: (profile: ConnectionProfile) => Promise<Secret | undefined>;
  readonly log: FlowLog;
  /** The engine's openSession; tests pass a fake. */
  readonly open?: typeof openSession;
}

export type SessionOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'no-password' | 'failed'; readonly message: string };

/**
 * Opens a session for `profile`, runs `work`, closes it. `interactive`: the user asked, so a
 * missing password may be prompted for; a background refresh only uses a stored one.
 */
export async function withSession<T>(
  profile: ConnectionProfile,
  interactive: boolean,
  deps: AgreementsDeps,
  work: (session: LdapSession) => Promise<T>,
): Promise<SessionOutcome<T>> {
  // SASL EXTERNAL over ldapi:// needs no password.
  const stored = profile.saslExternal ? undefined : await deps.passwords.get(profile);
  const password = profile.saslExternal
    ? undefined
    : (stored ?? (interactive ? await deps.askPassword(profile) : undefined));
  if (!password && !profile.saslExternal) {
    return {
      ok: false,
      reason: 'no-password',
      message: `No password for ${describeProfile(profile)} yet. Fix: Click Refresh in the Sync Agreements view and enter it.`,
    };
  }
  let session: LdapSession;
  try {
    session = await (deps.open ?? openSession)(connectionSettings(profile, password));
  } catch (error) {
    if (!(error instanceof ApplyError)) throw error;
    const { explanation } = error;
    if (explanation.kind === 'auth' && explanation.code === 49 && stored) {
      await deps.passwords.forget(profile);
      return fail(
        `${explanation.cause} The stored password was refused and is now forgotten. Fix: Click Refresh and enter the right password.`,
        deps,
        password,
      );
    }
    return fail(formatExplanation(explanation, renderRemedy), deps, password);
  }
  // Kept once the server accepted it, as the apply commands do.
  if (password && !stored) await deps.passwords.store(profile, password);
  try {
    return { ok: true, value: await work(session) };
  } catch (error) {
    if (error instanceof ApplyError) return fail(formatExplanation(error.explanation, renderRemedy), deps, password);
    const code = (error as { code?: unknown }).code;
    const text = error instanceof Error ? error.message.replace(/\s*Code: 0x[0-9a-f]+\s*$/i, '').trim() : String(error);
    if (code === 50 || code === 32) {
      return fail(
        `Cannot read cn=mapping tree,cn=config as ${identityOf(profile)} (${code}${text ? `: ${text}` : ''}). Fix: Use a profile that binds as cn=Directory Manager or another account that may read cn=config.`,
        deps,
        password,
      );
    }
    return fail(`Reading from ${profile.url} failed: ${text || String(code)}.`, deps, password);
  } finally {
    await session.close();
  }
}

function fail(message: string, deps: AgreementsDeps, password: Secret | undefined): SessionOutcome<never> {
  const text = password ? redact(message, [password]) : message;
  deps.log.warn(`Sync Agreements: ${text}`);
  return { ok: false, reason: 'failed', message: text };
}

export function loadAgreements(
  profile: ConnectionProfile,
  interactive: boolean,
  deps: AgreementsDeps,
): Promise<SessionOutcome<AgreementHealth[]>> {
  return withSession(profile, interactive, deps, (session) => readAgreements(session.client));
}

/** Runs an action on one agreement; the message says what happened, for a notification. */
export async function agreementAction(
  profile: ConnectionProfile,
  dn: string,
  name: string,
  action: AgreementAction,
  deps: AgreementsDeps,
): Promise<{ readonly ok: boolean; readonly message: string }> {
  const title = AGREEMENT_ACTIONS[action].title;
  const outcome = await withSession(profile, true, deps, (session) =>
    runAgreementAction(session, dn, action, loadCatalog()),
  );
  if (!outcome.ok) return { ok: false, message: `${title} on "${name}": ${outcome.message}` };
  const refused = outcome.value.find((result) => result.status !== 'applied');
  if (refused) {
    const message = `${title} on "${name}" was refused: ${formatExplanation({ cause: refused.cause ?? '', remedy: refused.remedy ?? advice('See the Winsync LDIF output.') }, renderRemedy)}`;
    deps.log.warn(`Sync Agreements: ${message}`);
    return { ok: false, message };
  }
  const message = `${title}: sent to "${name}" on ${profile.url}.`;
  deps.log.info(`Sync Agreements: ${message}`);
  return { ok: true, message };
}
