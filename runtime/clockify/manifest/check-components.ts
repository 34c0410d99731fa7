import {
  checkEntries,
  checkEnum,
  checkFields,
  checkKnownKeys,
  checkRequired,
  checkText,
  checkUnique,
  checkUrlPath,
  describeValue,
  type Fields,
} from './field-checks.js';
import type { ManifestPath, ProblemList } from './problems.js';
import { ACCESS_LEVELS, type SchemaRules, versionsAllowing } from './schema-rules.js';

const COMPONENT_KEYS = ['type', 'accessLevel', 'path', 'label', 'iconPath', 'options', 'width', 'height'] as const;

/** `components`: types this schema version has, who sees them, where they load from, and their labels. */
export function checkComponents(list: ProblemList, components: unknown, rules: SchemaRules): void {
  const entries = checkEntries(list, ['components'], components, 'a component ({ type, accessLevel, path, label })');
  for (const { path, value } of entries) checkComponent(list, path, value, rules);
  // Two components of one type loading the same page would show the same iframe twice.
  checkUnique(
    list,
    entries,
    (component) =>
      typeof component.type === 'string' && typeof component.path === 'string' ? `${component.type} ${component.path}` : undefined,
    (component) => `a ${String(component.type)} component at ${String(component.path)}`,
  );
}

function checkComponent(list: ProblemList, path: ManifestPath, component: Fields, rules: SchemaRules): void {
  checkKnownKeys(list, path, component, COMPONENT_KEYS);
  const required = rules.componentLabel.required ? ['type', 'accessLevel', 'path', 'label'] : ['type', 'accessLevel', 'path'];
  checkRequired(
    list,
    path,
    component,
    required,
    rules.componentLabel.required ? ` (schema ${rules.version} requires a label on every component)` : '',
  );
  checkEnum(list, [...path, 'type'], component.type, rules.componentTypes, {
    noun: `a component type in schema ${rules.version}`,
    hint: (type) => {
      const versions = versionsAllowing((other) => other.componentTypes, type);
      return versions.length > 0 ? `set schemaVersion in addon.config.yaml to one of ${versions.join(', ')} to use it` : undefined;
    },
  });
  checkEnum(list, [...path, 'accessLevel'], component.accessLevel, ACCESS_LEVELS, { noun: 'an access level' });
  checkUrlPath(list, [...path, 'path'], component.path);
  checkUrlPath(list, [...path, 'iconPath'], component.iconPath);
  // The label is the tab or sidebar text, so an empty one would render as nothing to click.
  checkText(list, [...path, 'label'], component.label, { min: 1, max: rules.componentLabel.maxLength });
  if (component.options !== undefined) checkFields(list, [...path, 'options'], component.options, 'the component options');
  for (const size of ['width', 'height'] as const) checkSize(list, [...path, size], component[size]);
}

/** Widths and heights are whole `vw` units. */
function checkSize(list: ProblemList, path: ManifestPath, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    list.add(path, `must be a whole number of vw units, 1 or more, not ${describeValue(value)}`);
  }
}
