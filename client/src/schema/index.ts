/**
 * Wires the server schema into the extension: loads it for the active connection profile (at
 * start, when the profile or the setting changes, on "Winsync LDIF: Reload Server Schema"),
 * caches it in the extension's global storage, hands it to the language server and says in
 * the status bar which schema is in use and how old it is.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  commands,
  StatusBarAlignment,
  ThemeColor,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type LogOutputChannel,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { openSession } from '@apply/connection';
import { fetchSchema } from '@apply/schemaFetch';
import {
  SET_SCHEMA_METHOD,
  type SchemaPayload,
  type SetSchemaParams,
  type SetSchemaResult,
} from '@engine/schema/protocol';
import { applyLog } from '../apply/output';
import type { Profiles } from '../apply/profiles';
import { passwordStore } from '../apply/secrets';
import { SchemaLoader, statusText, type CachedSchema, type SchemaCache, type SchemaState } from './loader';

export const RELOAD_SCHEMA_COMMAND = 'winsyncLdif.reloadSchema';
const SETTING = 'winsyncLdif.serverSchema';
type Mode = 'live' | 'cached' | 'off';

export function registerSchema(
  context: ExtensionContext,
  client: LanguageClient,
  profiles: Profiles,
  channel: LogOutputChannel,
): void {
  const loader = new SchemaLoader({
    passwords: passwordStore(context.secrets),
    cache: fileCache(join(context.globalStorageUri.fsPath, 'schema')),
    fetch: async (settings) => {
      const session = await openSession(settings);
      try {
        return await fetchSchema(session);
      } finally {
        await session.close();
      }
    },
    send: (schema: SchemaPayload | null) =>
      client.sendRequest<SetSchemaResult>(SET_SCHEMA_METHOD, { schema } satisfies SetSchemaParams),
    log: applyLog(channel),
  });
  const item = window.createStatusBarItem('winsyncLdif.schema', StatusBarAlignment.Left, 49);
  item.name = 'Winsync LDIF server schema';
  item.command = RELOAD_SCHEMA_COMMAND;
  let state: SchemaState | undefined;
  let loadedFor: string | undefined;

  const show = () => {
    if (window.activeTextEditor?.document.languageId !== 'ldif' || !state) return item.hide();
    const { text, tooltip, warning } = statusText(state);
    item.text = text;
    item.tooltip = tooltip;
    item.backgroundColor = warning ? new ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const load = async (force: boolean): Promise<SchemaState | undefined> => {
    const mode = workspace.getConfiguration().get<Mode>(SETTING, 'live');
    const profile = mode === 'off' ? undefined : profiles.active(window.activeTextEditor?.document.uri);
    const key = `${mode}:${profile?.name ?? ''}:${profile?.url ?? ''}`;
    if (!force && key === loadedFor) return state;
    loadedFor = key;
    try {
      const next = await loader.load(profile, { live: mode === 'live' });
      if (next) state = mode === 'off' ? { kind: 'none', reason: `The setting ${SETTING} is "off".` } : next;
    } catch (error) {
      // The language server went away (e.g. while the window closes): nothing to show.
      channel.warn(`Loading the server schema failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    show();
    return state;
  };

  const listeners: Disposable[] = [
    item,
    commands.registerCommand(RELOAD_SCHEMA_COMMAND, () => load(true)),
    profiles.onDidChange(() => void load(false)),
    window.onDidChangeActiveTextEditor(() => {
      show();
      void load(false);
    }),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTING)) void load(true);
    }),
  ];
  context.subscriptions.push(...listeners);
  void load(true);
}

/** One JSON file per profile in the extension's global storage (schemas are not secret, and never go into the workspace). */
function fileCache(folder: string): SchemaCache {
  const MAX_BYTES = 32 * 1024 * 1024;
  return {
    async read(key) {
      const path = join(folder, `${key}.json`);
      const stat = await fs.lstat(path).catch(() => undefined);
      if (!stat) return undefined;
      if (!stat.isFile() || stat.size > MAX_BYTES)
        throw new Error(`${path} is not a regular file of at most ${MAX_BYTES} bytes`);
      return readCached(JSON.parse(await fs.readFile(path, 'utf8')));
    },
    async write(key, schema) {
      await fs.mkdir(folder, { recursive: true });
      const path = join(folder, `${key}.json`);
      const temporary = `${path}.${process.pid}.tmp`;
      // A fresh file renamed into place: a reader never sees half a file, and a symlink at `path` is replaced, not followed.
      await fs.writeFile(temporary, JSON.stringify(schema), { flag: 'wx', mode: 0o644 });
      await fs.rename(temporary, path);
    },
  };
}

function readCached(value: unknown): CachedSchema {
  const data = value as Partial<CachedSchema> | null;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  const definitions = data?.definitions;
  if (
    !data ||
    typeof data.label !== 'string' ||
    typeof data.fetchedAt !== 'string' ||
    typeof data.fingerprint !== 'string' ||
    typeof data.server !== 'object' ||
    !definitions ||
    !strings(definitions.attributeTypes) ||
    !strings(definitions.objectClasses)
  ) {
    throw new Error('it is not a schema cache file');
  }
  return data as CachedSchema;
}
