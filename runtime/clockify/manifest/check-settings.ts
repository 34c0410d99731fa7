import {
  checkBoolean,
  checkEntries,
  checkEnum,
  checkFields,
  checkKnownKeys,
  checkList,
  checkRequired,
  checkText,
  checkUnique,
  checkUrlPath,
  describeValue,
  type Fields,
} from './field-checks.js';
import type { ManifestPath, ProblemList } from './problems.js';
import { ACCESS_LEVELS, type SchemaRules } from './schema-rules.js';

const TAB_KEYS = ['id', 'name', 'header', 'settings', 'groups'] as const;
const GROUP_KEYS = ['id', 'title', 'description', 'header', 'settings'] as const;
const SETTING_KEYS = [
  'id',
  'name',
  'description',
  'placeholder',
  'accessLevel',
  'type',
  'key',
  'value',
  'allowedValues',
  'required',
  'copyable',
  'readOnly',
] as const;

/** The JavaScript type a setting's value must have, where the setting type fixes it. */
const VALUE_KINDS: Readonly<Record<string, 'string' | 'number' | 'boolean' | 'list'>> = {
  TXT: 'string',
  LINK: 'string',
  NUMBER: 'number',
  CHECKBOX: 'boolean',
  DROPDOWN_MULTIPLE: 'list',
};

const DROPDOWNS = ['DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE'];

type Entry = { path: ManifestPath; value: Fields };

/** Tabs, groups and settings seen so far, for the id checks that span the whole tree. */
interface Seen {
  readonly groups: Entry[];
  readonly settings: Entry[];
}

/** `settings`: a self-hosted page's path, or structured tabs → groups → settings that Clockify renders and stores. */
export function checkSettings(list: ProblemList, settings: unknown, rules: SchemaRules): void {
  if (typeof settings === 'string') checkUrlPath(list, ['settings'], settings);
  if (settings === undefined || typeof settings === 'string') return;
  if (!checkFields(list, ['settings'], settings, 'a settings page path ("/settings") or { tabs: [...] }')) return;
  checkKnownKeys(list, ['settings'], settings, ['tabs']);
  checkRequired(list, ['settings'], settings, ['tabs']);
  const tabs = checkEntries(list, ['settings', 'tabs'], settings.tabs, 'a settings tab ({ id, name, settings?, groups? })');
  if (Array.isArray(settings.tabs) && settings.tabs.length === 0) list.add(['settings', 'tabs'], 'must list at least one tab');
  const seen: Seen = { groups: [], settings: [] };
  for (const tab of tabs) checkTab(list, tab, rules, seen);
  // Clockify stores values by id, so ids repeat nowhere in the manifest.
  checkUnique(list, tabs, idOf, (tab) => `tab id "${String(tab.id)}"`);
  checkUnique(list, seen.groups, idOf, (group) => `group id "${String(group.id)}"`);
  checkUnique(list, seen.settings, idOf, (setting) => `setting id "${String(setting.id)}"`);
}

function checkTab(list: ProblemList, { path, value: tab }: Entry, rules: SchemaRules, seen: Seen): void {
  checkKnownKeys(list, path, tab, TAB_KEYS);
  checkRequired(list, path, tab, ['id', 'name']);
  checkText(list, [...path, 'id'], tab.id, { min: 1 });
  checkText(list, [...path, 'name'], tab.name, { min: 1 });
  checkHeader(list, [...path, 'header'], tab.header);
  seen.settings.push(...checkSettingList(list, [...path, 'settings'], tab.settings, rules));
  for (const group of checkEntries(list, [...path, 'groups'], tab.groups, 'a settings group ({ id, title, settings })')) {
    seen.groups.push(group);
    checkGroup(list, group, rules, seen);
  }
}

function checkGroup(list: ProblemList, { path, value: group }: Entry, rules: SchemaRules, seen: Seen): void {
  checkKnownKeys(list, path, group, GROUP_KEYS);
  checkRequired(list, path, group, ['id', 'title', 'settings']);
  checkText(list, [...path, 'id'], group.id, { min: 1 });
  checkText(list, [...path, 'title'], group.title, { min: 1 });
  checkText(list, [...path, 'description'], group.description);
  checkHeader(list, [...path, 'header'], group.header);
  if (Array.isArray(group.settings) && group.settings.length === 0) list.add([...path, 'settings'], 'must list at least one setting');
  seen.settings.push(...checkSettingList(list, [...path, 'settings'], group.settings, rules));
}

function idOf(fields: Fields): string | undefined {
  return typeof fields.id === 'string' ? fields.id : undefined;
}

function checkHeader(list: ProblemList, path: ManifestPath, header: unknown): void {
  if (header === undefined || !checkFields(list, path, header, 'a header ({ title })')) return;
  checkKnownKeys(list, path, header, ['title']);
  checkRequired(list, path, header, ['title']);
  checkText(list, [...path, 'title'], header.title, { min: 1 });
}

function checkSettingList(list: ProblemList, path: ManifestPath, settings: unknown, rules: SchemaRules): Entry[] {
  const entries = checkEntries(list, path, settings, 'a setting ({ id, name, accessLevel, type, value })');
  for (const { path: at, value } of entries) checkSetting(list, at, value, rules);
  return entries;
}

function checkSetting(list: ProblemList, path: ManifestPath, setting: Fields, rules: SchemaRules): void {
  checkKnownKeys(list, path, setting, SETTING_KEYS);
  checkRequired(list, path, setting, ['id', 'name', 'accessLevel', 'type', 'value']);
  checkText(list, [...path, 'id'], setting.id, { min: 1 });
  checkText(list, [...path, 'name'], setting.name, { min: 1 });
  for (const key of ['description', 'placeholder', 'key'] as const) checkText(list, [...path, key], setting[key]);
  for (const key of ['required', 'copyable', 'readOnly'] as const) checkBoolean(list, [...path, key], setting[key]);
  checkEnum(list, [...path, 'accessLevel'], setting.accessLevel, ACCESS_LEVELS, { noun: 'an access level' });
  checkEnum(list, [...path, 'type'], setting.type, rules.settingTypes, { noun: `a setting type in schema ${rules.version}` });
  checkValue(list, [...path, 'value'], setting.value, String(setting.type));
  checkAllowedValues(list, [...path, 'allowedValues'], setting.allowedValues, String(setting.type));
}

function checkValue(list: ProblemList, path: ManifestPath, value: unknown, type: string): void {
  if (value === undefined) return;
  const kind = Array.isArray(value) ? 'list' : typeof value;
  if (!['string', 'number', 'boolean', 'list'].includes(kind)) {
    list.add(path, `must be a string, number, boolean or list, not ${describeValue(value)}`);
    return;
  }
  // The schema sets minLength and minItems 1 on every value.
  if ((typeof value === 'string' || Array.isArray(value)) && value.length === 0) list.add(path, 'must not be empty');
  const expected = VALUE_KINDS[type];
  if (expected && kind !== expected) list.add(path, `must be a ${expected} for a ${type} setting, not ${describeValue(value)}`);
}

function checkAllowedValues(list: ProblemList, path: ManifestPath, allowed: unknown, type: string): void {
  if (allowed === undefined) {
    if (DROPDOWNS.includes(type)) list.add(path, `is required for a ${type} setting: list the choices it offers`);
    return;
  }
  if (!checkList(list, path, allowed)) return;
  if (DROPDOWNS.includes(type) && allowed.length === 0) list.add(path, 'must list at least one choice');
}
