/**
 * Bind passwords live only in the editor's SecretStorage, under a key made of the profile's
 * name, URL, bind DN and TLS trust (profileSettings.secretKey). They are asked for with a masked prompt,
 * kept once the server accepted them, and dropped by "Forget Password" or when refused.
 */
import { window, type SecretStorage } from 'vscode';
import { Secret } from '@apply/secret';
import type { PasswordStore } from './flow';
import { describeProfile, secretKey, type ConnectionProfile } from './profileSettings';

export function passwordStore(storage: SecretStorage): PasswordStore {
  return {
    get: async (profile) => {
      const value = await storage.get(secretKey(profile));
      return value ? new Secret(value) : undefined;
    },
    store: (profile, password) => Promise.resolve(storage.store(secretKey(profile), password.reveal())),
    forget: (profile) => Promise.resolve(storage.delete(secretKey(profile))),
  };
}

/** The masked prompt; undefined when dismissed. An empty password is refused in the box (LDAP would bind anonymously). */
export async function askPassword(profile: ConnectionProfile): Promise<Secret | undefined> {
  const value = await window.showInputBox({
    title: `Winsync LDIF: password for profile "${profile.name}"`,
    prompt: `Bind password for ${profile.bindDn} on ${profile.url}${profile.origin ? ` (profile from ${profile.origin})` : ''}. It is kept in the editor's secret storage; "Winsync LDIF: Forget Password" removes it.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) =>
      text.length === 0 ? 'An empty password would bind anonymously: enter the password.' : undefined,
  });
  return value ? new Secret(value) : undefined;
}

export function forgottenMessage(profile: ConnectionProfile): string {
  return `Forgot the stored password of ${describeProfile(profile)}; the next apply asks for it.`;
}
