import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../server/src/engine/rules';
import { CLIENT_ID } from '../../client/src/languageClient';
import {
  severityPropertyNames,
  SEVERITY_SETTING,
  spliceSeverityPropertyNames,
} from '../../scripts/docs/severitySchema';

/** The extension manifest follows the conventions VS Code users expect (issue 15, points 7–10). */
const ROOT = join(__dirname, '..', '..');
const text = readFileSync(join(ROOT, 'package.json'), 'utf8');
const pkg = JSON.parse(text);
const contributes = pkg.contributes;
const settings: Record<
  string,
  {
    type: string;
    scope?: string;
    minimum?: number;
    items?: { properties?: Record<string, { type: string; minimum?: number }> };
  }
> = contributes.configuration.properties;
const commandIds = new Set<string>(contributes.commands.map((command: { command: string }) => command.command));
/** Commands that need LDAP sockets: only the node extension host registers them. */
const NEEDS_NODE = [
  ...[
    'applyFile',
    'applySelection',
    'dryRun',
    'applyRecord',
    'dryRunRecord',
    'selectProfile',
    'forgetPassword',
    'addProfile',
    'editProfiles',
    'reloadSchema',
  ],
  ...['refresh', 'openLdif', 'compare', 'sendUpdatesNow', 'reinitialise', 'enable', 'disable'].map(
    (name) => `agreements.${name}`,
  ),
].map((name) => `winsyncLdif.${name}`);
/** The views whose menus need LDAP sockets. */
const NODE_VIEWS = ['winsyncLdif.profiles', 'winsyncLdif.agreements'];
type MenuEntry = { command: string; when?: string; group?: string };

describe('package.json', () => {
  test(`the keys of ${SEVERITY_SETTING} are the engine's codes (run: npx tsx scripts/generate-settings-schema.ts)`, () => {
    assert.equal(spliceSeverityPropertyNames(text, severityPropertyNames(CODES)), text);
    assert.equal(settings[SEVERITY_SETTING].type, 'object');
    assert.equal(severityPropertyNames(CODES).enum.length, Object.keys(CODES).length);
  });

  test('every setting has a scope; counts are integers (a number with a fractional minimum is a measure)', () => {
    for (const [name, setting] of Object.entries(settings)) assert.ok(setting.scope, `${name} has a scope`);
    type Numeric = { type: string; minimum?: number };
    const numeric = (property: Numeric) => property.type === 'number' || property.type === 'integer';
    const numbers: [string, Numeric][] = Object.entries(settings).flatMap(([name, setting]) => [
      ...(numeric(setting) ? [[name, setting] as [string, Numeric]] : []),
      ...Object.entries(setting.items?.properties ?? {})
        .filter(([, property]) => numeric(property))
        .map(([key, property]): [string, Numeric] => [`${name}[].${key}`, property]),
    ]);
    assert.ok(numbers.length >= 5);
    const counts = numbers.filter(([, property]) => Number.isInteger(property.minimum ?? 0));
    assert.deepEqual(
      counts.filter(([, property]) => property.type !== 'integer').map(([name]) => name),
      [],
    );
  });

  test('the language client trace setting is named after the client id', () => {
    const trace = settings[`${CLIENT_ID}.trace.server`] as unknown as {
      enum: string[];
      default: string;
      scope: string;
    };
    assert.ok(trace, `${CLIENT_ID}.trace.server`);
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
    assert.equal(trace.default, 'off');
  });

  test('Dry Run and Apply are buttons in the editor title (group navigation)', () => {
    const title: MenuEntry[] = contributes.menus['editor/title'];
    assert.deepEqual(title.map((entry) => entry.command).sort(), ['winsyncLdif.applyFile', 'winsyncLdif.dryRun']);
    for (const entry of title) {
      assert.match(entry.group ?? '', /^navigation(@\d+)?$/, entry.command);
      assert.ok(
        contributes.commands.find((command: { command: string; icon?: string }) => command.command === entry.command)
          .icon,
        `${entry.command} has an icon`,
      );
    }
  });

  test('where apply cannot run (the browser), its menus, view and walkthrough steps are hidden', () => {
    for (const [menu, entries] of Object.entries(contributes.menus as Record<string, MenuEntry[]>)) {
      for (const entry of entries) {
        if (!NEEDS_NODE.includes(entry.command) || entry.when === 'false') continue;
        const shownInView =
          menu.startsWith('view/') && NODE_VIEWS.some((view) => (entry.when ?? '').includes(`view == ${view}`));
        assert.ok(
          shownInView || /winsyncLdif\.canApply/.test(entry.when ?? ''),
          `${menu}: ${entry.command} when ${entry.when}`,
        );
      }
    }
    // A contributed command without a commandPalette entry would show in the palette everywhere.
    for (const command of NEEDS_NODE) {
      const palette = (contributes.menus.commandPalette as MenuEntry[]).find((entry) => entry.command === command);
      assert.ok(palette, `${command} has a commandPalette entry`);
      assert.ok(
        palette.when === 'false' || /winsyncLdif\.canApply/.test(palette.when ?? ''),
        `${command}: ${palette.when}`,
      );
    }
    const [profiles] = contributes.views.winsyncLdif;
    assert.equal(profiles.id, 'winsyncLdif.profiles');
    assert.equal(profiles.when, '!isWeb || winsyncLdif.canApply');
    const [agreements] = contributes.views.explorer;
    assert.equal(agreements.id, 'winsyncLdif.agreements');
    assert.equal(agreements.when, 'isWorkspaceTrusted && !isWeb || isWorkspaceTrusted && winsyncLdif.canApply');
    for (const step of contributes.walkthroughs[0].steps) {
      const links = [...String(step.description).matchAll(/\(command:([\w.]+)/g)].map((match) => match[1]);
      if (links.some((command) => NEEDS_NODE.includes(command)))
        assert.equal(step.when, 'winsyncLdif.canApply', step.id);
    }
  });

  test('the web extension: `browser` is the same bundle as `main`, which picks its host at run time', () => {
    assert.equal(pkg.browser, pkg.main);
    assert.equal(pkg.main, './dist/client.js');
    assert.equal(
      contributes.commands.every((command: { command: string }) => commandIds.has(command.command)),
      true,
    );
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  });

  test('.ldf files are LDIF too', () => {
    assert.deepEqual(contributes.languages[0].extensions, ['.ldif', '.ldf']);
    const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes/ldif.tmLanguage.json'), 'utf8'));
    assert.deepEqual(grammar.fileTypes, ['ldif', 'ldf']);
  });

  test('the extension entry is what scripts/build.mjs writes', () => {
    const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
    assert.ok(build.includes(`outfile: '${pkg.main.replace(/^\.\//, '')}'`), pkg.main);
  });

  test('the view container, the welcome view and the walkthrough link only to what exists', () => {
    const [container] = contributes.viewsContainers.activitybar;
    assert.equal(container.id, 'winsyncLdif');
    assert.ok(existsSync(join(ROOT, container.icon)), container.icon);
    const walkthrough = contributes.walkthroughs[0];
    const texts = [
      ...contributes.viewsWelcome.map((welcome: { contents: string }) => welcome.contents),
      ...walkthrough.steps.map((step: { description: string }) => step.description),
    ];
    for (const [, command, argument] of texts.flatMap((t: string) => [
      ...t.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g),
    ])) {
      if (command === 'workbench.action.openWalkthrough') {
        assert.equal(JSON.parse(decodeURIComponent(argument)), `${pkg.publisher}.${pkg.name}#${walkthrough.id}`);
      } else {
        assert.ok(commandIds.has(command), command);
      }
    }
    const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
      assert.ok(step.completionEvents.length > 0, step.id);
    }
    assert.match(shipped, /^!walkthrough\/\*\.md$/m);
  });
});
