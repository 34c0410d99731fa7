import { describe, expect, it } from 'vitest';
import { AddonError } from '../../errors/index.js';
import { LIFECYCLE_TYPES } from '../events.js';
import { formatProblem, type ManifestProblem } from './problems.js';
import { ACCESS_LEVELS, rulesFor, SCHEMA_VERSIONS, SCOPES, type SchemaVersion, SETTING_TYPES, SUBSCRIPTION_PLANS } from './schema-rules.js';
import { findManifestProblems, validateManifest } from './validate-manifest.js';

type Tree = Record<string, unknown>;

/** A manifest every version accepts; each case breaks one rule of it. */
function validManifest(version: SchemaVersion = '1.6'): Tree {
  return {
    schemaVersion: version,
    key: 'my-addon',
    name: 'My Add-on',
    baseUrl: 'https://addon.example.com',
    minimalSubscriptionPlan: 'FREE',
    scopes: ['TIME_ENTRY_READ', 'USER_READ'],
    lifecycle: [{ type: 'INSTALLED', path: '/lifecycle/installed' }],
    webhooks: [{ event: 'NEW_TIME_ENTRY', path: '/webhooks/new-time-entry' }],
    components: [{ type: 'sidebar', accessLevel: 'EVERYONE', path: '/ui/sidebar', label: 'My Add-on' }],
    settings: {
      tabs: [
        {
          id: 'general',
          name: 'General',
          header: { title: 'About' },
          settings: [{ id: 'greeting', name: 'Greeting', type: 'TXT', value: 'Hi', accessLevel: 'ADMINS' }],
          groups: [
            {
              id: 'mode',
              title: 'Mode',
              settings: [
                { id: 'mode', name: 'Mode', type: 'DROPDOWN_SINGLE', value: 'a', allowedValues: ['a', 'b'], accessLevel: 'ADMINS' },
              ],
            },
          ],
        },
      ],
    },
  };
}

/** Sets (or, with `undefined`, deletes) the value at a path like `settings.tabs[0].name`. */
function edit(tree: Tree, changes: Record<string, unknown>): Tree {
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.match(/[^.[\]]+/g) ?? [];
    const last = keys.pop() as string;
    const parent = keys.reduce<Tree>((node, key) => node[key] as Tree, tree);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return tree;
}

const TAB = 'settings.tabs[0]';
const SETTING = `${TAB}.settings[0]`;
const GROUPED = `${TAB}.groups[0].settings[0]`;
const eleven = Array.from(rulesFor('1.6').webhookEvents.slice(0, 11), (event) => ({ event, path: `/webhooks/${event}` }));

interface Case {
  name: string;
  version?: SchemaVersion;
  /** Paths to set; `undefined` deletes. */
  change: Record<string, unknown>;
  path: string;
  message: string | RegExp;
  allowed?: readonly string[];
}

const cases: Case[] = [
  { name: 'a key shorter than 2', change: { key: 'k' }, path: 'key', message: 'at least 2 characters' },
  { name: 'a key longer than 50', change: { key: 'k'.repeat(51) }, path: 'key', message: 'at most 50 characters' },
  { name: 'an empty name', change: { name: '' }, path: 'name', message: 'must not be empty' },
  { name: 'a name longer than 50', change: { name: 'n'.repeat(51) }, path: 'name', message: 'at most 50 characters' },
  { name: 'a missing key', change: { key: undefined }, path: 'key', message: 'is required in schema 1.6' },
  { name: 'a baseUrl without http(s)', change: { baseUrl: 'ftp://x' }, path: 'baseUrl', message: 'start with http:// or https://' },
  { name: 'a baseUrl that is no URL', change: { baseUrl: 'https://exa mple' }, path: 'baseUrl', message: 'not a valid URL' },
  { name: 'an iconPath without a slash', change: { iconPath: 'icon.svg' }, path: 'iconPath', message: 'start with "/"' },
  {
    name: 'an unknown plan',
    change: { minimalSubscriptionPlan: 'GOLD' },
    path: 'minimalSubscriptionPlan',
    message: '"GOLD" is not a subscription plan',
    allowed: SUBSCRIPTION_PLANS,
  },
  {
    name: 'an unsupported schema version',
    change: { schemaVersion: '1.1' },
    path: 'schemaVersion',
    message: 'not a supported schema version',
    allowed: SCHEMA_VERSIONS,
  },
  { name: 'an unknown top-level key', change: { scope: [] }, path: 'scope', message: 'did you mean "scopes"?' },
  { name: 'missing scopes in 1.2', version: '1.2', change: { scopes: undefined }, path: 'scopes', message: 'is required in schema 1.2' },
  {
    name: 'an unknown scope',
    change: { 'scopes[2]': 'TIME_ENTRIES_READ' },
    path: 'scopes[2]',
    message: '"TIME_ENTRIES_READ" is not a Clockify scope (did you mean "TIME_ENTRY_READ"?)',
    allowed: SCOPES,
  },
  { name: 'a repeated scope', change: { 'scopes[2]': 'USER_READ' }, path: 'scopes[2]', message: 'already declared at scopes[1]' },
  { name: 'scopes that are no list', change: { scopes: 'USER_READ' }, path: 'scopes', message: 'must be a list' },
  {
    name: 'an unknown lifecycle type',
    change: { 'lifecycle[0].type': 'SETTINGS-UPDATED' },
    path: 'lifecycle[0].type',
    message: 'did you mean "SETTINGS_UPDATED"?',
    allowed: LIFECYCLE_TYPES,
  },
  { name: 'a relative lifecycle path', change: { 'lifecycle[0].path': 'installed' }, path: 'lifecycle[0].path', message: 'start with "/"' },
  {
    name: 'two paths for one lifecycle type',
    change: { 'lifecycle[1]': { type: 'INSTALLED', path: '/other' } },
    path: 'lifecycle[1]',
    message: 'type "INSTALLED" is already declared at lifecycle[0]',
  },
  {
    name: 'a lifecycle entry without a path',
    change: { 'lifecycle[0].path': undefined },
    path: 'lifecycle[0].path',
    message: 'is required',
  },
  {
    name: 'a webhook event schema 1.3 lacks',
    version: '1.3',
    change: { 'webhooks[0].event': 'CLIENT_DELETED' },
    path: 'webhooks[0].event',
    message: '"CLIENT_DELETED" is not a webhook event in schema 1.3 (schemas 1.2, 1.5, 1.6 have it',
    allowed: rulesFor('1.3').webhookEvents,
  },
  {
    name: 'a webhook event only 1.6 has',
    version: '1.5',
    change: { 'webhooks[0].event': 'TIME_OFF_REQUEST_STARTED' },
    path: 'webhooks[0].event',
    message: 'schema 1.6 has it',
    allowed: rulesFor('1.5').webhookEvents,
  },
  {
    name: 'a misspelt webhook event',
    change: { 'webhooks[0].event': 'NEW_TIME_ENTRYY' },
    path: 'webhooks[0].event',
    message: 'did you mean "NEW_TIME_ENTRY"?',
    allowed: rulesFor('1.6').webhookEvents,
  },
  { name: 'a relative webhook path', change: { 'webhooks[0].path': 'hook' }, path: 'webhooks[0].path', message: 'start with "/"' },
  {
    name: 'a repeated webhook',
    change: { 'webhooks[1]': { event: 'NEW_TIME_ENTRY', path: '/webhooks/new-time-entry' } },
    path: 'webhooks[1]',
    message: 'already declared at webhooks[0]',
  },
  {
    name: 'more than 10 webhooks',
    change: { webhooks: eleven },
    path: 'webhooks',
    message: /11 webhooks, but Clockify accepts at most 10 .*handle fewer events.*addon\.config\.yaml/,
  },
  {
    name: 'a webhook entry that is no mapping',
    change: { webhooks: ['NEW_TIME_ENTRY'] },
    path: 'webhooks[0]',
    message: 'must be a webhook entry',
  },
  {
    name: 'invoices.action before 1.4',
    version: '1.3',
    change: { 'components[0].type': 'invoices.action' },
    path: 'components[0].type',
    message: 'one of 1.4, 1.5, 1.6',
    allowed: rulesFor('1.3').componentTypes,
  },
  {
    name: 'timeentries.action.uiblocks before 1.6',
    version: '1.5',
    change: { 'components[0].type': 'timeentries.action.uiblocks' },
    path: 'components[0].type',
    message: 'is not a component type in schema 1.5',
    allowed: rulesFor('1.5').componentTypes,
  },
  {
    name: 'an unknown access level',
    change: { 'components[0].accessLevel': 'ALL' },
    path: 'components[0].accessLevel',
    message: '"ALL" is not an access level',
    allowed: ACCESS_LEVELS,
  },
  { name: 'a relative component path', change: { 'components[0].path': 'ui' }, path: 'components[0].path', message: 'start with "/"' },
  {
    name: 'a missing label from 1.3 on',
    version: '1.3',
    change: { 'components[0].label': undefined },
    path: 'components[0].label',
    message: 'schema 1.3 requires a label',
  },
  {
    name: 'a label over 25 characters in 1.2',
    version: '1.2',
    change: { 'components[0].label': 'l'.repeat(26) },
    path: 'components[0].label',
    message: 'at most 25 characters',
  },
  { name: 'a fractional width', change: { 'components[0].width': 1.5 }, path: 'components[0].width', message: 'whole number' },
  { name: 'a height that is text', change: { 'components[0].height': '40' }, path: 'components[0].height', message: 'whole number' },
  {
    name: 'options that are no mapping',
    change: { 'components[0].options': [] },
    path: 'components[0].options',
    message: 'must be the component options',
  },
  {
    name: 'a misspelt component key',
    change: { 'components[0].lable': 'x' },
    path: 'components[0].lable',
    message: 'did you mean "label"?',
  },
  {
    name: 'a repeated component',
    change: { 'components[1]': { type: 'sidebar', accessLevel: 'ADMINS', path: '/ui/sidebar', label: 'Again' } },
    path: 'components[1]',
    message: 'already declared at components[0]',
  },
  { name: 'a relative settings page', change: { settings: 'settings' }, path: 'settings', message: 'start with "/"' },
  { name: 'settings without tabs', change: { settings: {} }, path: 'settings.tabs', message: 'is required' },
  { name: 'settings with no tab', change: { 'settings.tabs': [] }, path: 'settings.tabs', message: 'at least one tab' },
  { name: 'a tab without a name', change: { [`${TAB}.name`]: undefined }, path: `${TAB}.name`, message: 'is required' },
  { name: 'a header without a title', change: { [`${TAB}.header`]: {} }, path: `${TAB}.header.title`, message: 'is required' },
  {
    name: 'a group with no setting',
    change: { [`${TAB}.groups[0].settings`]: [] },
    path: `${TAB}.groups[0].settings`,
    message: 'at least one setting',
  },
  {
    name: 'an unknown setting type',
    change: { [`${SETTING}.type`]: 'TEXT' },
    path: `${SETTING}.type`,
    message: '"TEXT" is not a setting type in schema 1.6',
    allowed: SETTING_TYPES,
  },
  {
    name: 'a setting without an access level',
    change: { [`${SETTING}.accessLevel`]: undefined },
    path: `${SETTING}.accessLevel`,
    message: 'is required',
  },
  {
    name: 'a dropdown without allowed values',
    change: { [`${GROUPED}.allowedValues`]: undefined },
    path: `${GROUPED}.allowedValues`,
    message: 'is required for a DROPDOWN_SINGLE setting',
  },
  {
    name: 'a multiple dropdown whose value is no list',
    change: { [`${SETTING}.type`]: 'DROPDOWN_MULTIPLE', [`${SETTING}.allowedValues`]: ['a'], [`${SETTING}.value`]: 'a' },
    path: `${SETTING}.value`,
    message: 'must be a list for a DROPDOWN_MULTIPLE setting',
  },
  {
    name: 'a number setting holding text',
    change: { [`${SETTING}.type`]: 'NUMBER', [`${SETTING}.value`]: '3' },
    path: `${SETTING}.value`,
    message: 'must be a number for a NUMBER setting',
  },
  { name: 'an empty value', change: { [`${SETTING}.value`]: '' }, path: `${SETTING}.value`, message: 'must not be empty' },
  { name: 'a flag that is not boolean', change: { [`${SETTING}.readOnly`]: 'yes' }, path: `${SETTING}.readOnly`, message: 'true or false' },
  {
    name: 'a setting id used twice',
    change: { [`${GROUPED}.id`]: 'greeting' },
    path: GROUPED,
    message: `setting id "greeting" is already declared at ${SETTING}`,
  },
];

describe('findManifestProblems', () => {
  it.each(SCHEMA_VERSIONS)('accepts a well-formed manifest of schema %s', (version) => {
    expect(findManifestProblems(validManifest(version))).toEqual([]);
  });

  it.each(cases)('reports $name at $path', ({ version, change, path, message, allowed }) => {
    const problems = findManifestProblems(edit(validManifest(version), change));
    const problem = problems.find((found) => found.path === path);
    expect(problem, `problems: ${problems.map(formatProblem).join(' | ')}`).toBeDefined();
    expect((problem as ManifestProblem).message).toMatch(message);
    if (allowed) expect((problem as ManifestProblem).allowed).toEqual(allowed);
  });

  it('accepts what a later version added once the manifest declares that version', () => {
    const manifests = [
      edit(validManifest('1.4'), { 'components[0].type': 'invoices.action' }),
      edit(validManifest('1.6'), { 'components[0].type': 'timeentries.action.uiblocks' }),
      edit(validManifest('1.3'), { 'components[0].label': 'l'.repeat(26), scopes: undefined }),
      edit(validManifest('1.2'), { 'components[0].label': undefined }),
      edit(validManifest('1.5'), { 'webhooks[0].event': 'CLIENT_DELETED' }),
    ];
    for (const manifest of manifests) expect(findManifestProblems(manifest)).toEqual([]);
  });

  it('names the plugin an entry came from, with the path inside its contribution', () => {
    const manifest = edit(validManifest('1.3'), { 'webhooks[1]': { event: 'CLIENT_DELETED', path: '/webhooks/client-deleted' } });
    const origins = {
      webhooks: [
        { path: 'webhooks[0]', plugin: 'webhooks' },
        { path: 'webhooks[3]', plugin: 'webhooks' },
      ],
    };
    const [problem] = findManifestProblems(manifest, { origins });
    expect(problem).toMatchObject({ path: 'webhooks[3].event', plugin: 'webhooks' });
    expect(formatProblem(problem as ManifestProblem)).toMatch(/^webhooks\[3\]\.event contributed by plugin "webhooks": "CLIENT_DELETED"/);
  });

  it('blames the only contributing plugin for too many webhooks, and splits the count when several contribute', () => {
    const manifest = { ...validManifest(), webhooks: eleven };
    const alone = findManifestProblems(manifest, {
      origins: { webhooks: eleven.map((_, index) => ({ path: `webhooks[${index}]`, plugin: 'webhooks' })) },
    });
    expect(alone.map(formatProblem)).toEqual([expect.stringMatching(/^webhooks contributed by plugin "webhooks": 11 webhooks, but/)]);
    const shared = findManifestProblems(manifest, {
      origins: { webhooks: eleven.map((_, index) => ({ path: `webhooks[${index % 6}]`, plugin: index < 6 ? 'a' : 'b' })) },
    });
    expect(shared.map(formatProblem)).toEqual([expect.stringMatching(/^webhooks: 11 webhooks \(plugin "a": 6, plugin "b": 5\)/)]);
  });

  it('reports a manifest that is not an object', () => {
    expect(findManifestProblems('manifest').map(formatProblem)).toEqual([
      '(root): must be a manifest object (a mapping of keys to values), not the string "manifest"',
    ]);
  });
});

describe('validateManifest', () => {
  it('passes a valid manifest', () => {
    expect(() => validateManifest(validManifest())).not.toThrow();
  });

  it('throws one MANIFEST_INVALID error listing every problem with its path and allowed values', () => {
    const manifest = edit(validManifest('1.3'), { 'scopes[2]': 'TIME_ENTRIES_READ', 'webhooks[0].event': 'CLIENT_DELETED' });
    let error: unknown;
    try {
      validateManifest(manifest, { file: '/srv/addon.config.yaml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AddonError);
    const { code, message } = error as AddonError;
    expect(code).toBe('MANIFEST_INVALID');
    expect(message).toContain('in /srv/addon.config.yaml');
    expect(message).toContain('2 problems:');
    expect(message).toMatch(/- scopes\[2\]: "TIME_ENTRIES_READ" is not a Clockify scope .*; allowed: CLIENT_READ, CLIENT_WRITE/);
    expect(message).toMatch(/- webhooks\[0\]\.event: "CLIENT_DELETED" .*; allowed: APPROVAL_REQUEST_STATUS_UPDATED, BALANCE_UPDATED/);
  });
});
