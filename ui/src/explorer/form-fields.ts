import { type FormValue, formParameters, isServerFilled, JsonText, parameterPointer } from './form-value.js';
import { getAt, joinPointer } from './json-pointer.js';
import { resolveSchema, type SchemaKind, schemaKind } from './resolve-schema.js';
import type { Components, JsonSchema, ListedOperation } from './types.js';

/** One input (or group of inputs) of the form, at the pointer its value and its errors share. */
export interface Field {
  pointer: string;
  label: string;
  kind: SchemaKind;
  /** Resolved: no `$ref`, `allOf` merged. */
  schema: JsonSchema;
  required: boolean;
  value: unknown;
  description?: string;
  /** Shown but not editable (the workspace, which the server fills). */
  readOnly?: boolean;
  /** An object's properties or an array's items. */
  children: Field[];
  /** For an array: how its items are edited (what "Add item" starts them as). */
  itemKind?: SchemaKind;
}

export interface FormSection {
  legend: string;
  fields: Field[];
}

export interface FormModel {
  sections: FormSection[];
  /** Every field's pointer, for placing errors. */
  pointers: Set<string>;
}

const SECTIONS = [
  ['path', 'Path parameters'],
  ['query', 'Query parameters'],
  ['header', 'Headers'],
] as const;

/** The form of an operation as data: its parameters by location, then its body, each value read from `value`. */
export function describeForm(operation: ListedOperation, components: Components, value: FormValue): FormModel {
  const sections: FormSection[] = [];
  const parameters = formParameters(operation);
  for (const [location, legend] of SECTIONS) {
    const fields = parameters
      .filter((parameter) => parameter.in === location)
      .map((parameter) => {
        const pointer = parameterPointer(parameter);
        const field = describeField(parameter.schema, components, {
          pointer,
          label: parameter.name,
          required: parameter.required,
          value: getAt(value, pointer),
          description: parameter.description,
        });
        return isServerFilled(parameter)
          ? { ...field, kind: 'text' as const, readOnly: true, value: 'your workspace (from your sign-in)' }
          : field;
      });
    if (fields.length > 0) sections.push({ legend, fields });
  }
  const { requestBody } = operation;
  if (requestBody) {
    const body = describeField(requestBody.schema, components, {
      pointer: '/body',
      label: 'Body',
      required: requestBody.required,
      value: value.body,
    });
    sections.push({ legend: `Body (${requestBody.contentType})`, fields: [body] });
  }
  const pointers = new Set<string>();
  const collect = (field: Field): void => {
    pointers.add(field.pointer);
    field.children.forEach(collect);
  };
  for (const section of sections) section.fields.forEach(collect);
  return { sections, pointers };
}

interface FieldPlace {
  pointer: string;
  label: string;
  required: boolean;
  value: unknown;
  description?: string;
}

function describeField(schema: JsonSchema | undefined, components: Components, place: FieldPlace, depth = 0): Field {
  const resolved = resolveSchema(schema, components);
  const kind = place.value instanceof JsonText ? 'json' : schemaKind(resolved, depth);
  const field: Field = { ...place, description: place.description ?? resolved.description, kind, schema: resolved, children: [] };
  if (kind === 'object') {
    const object = isPlainObject(place.value) ? place.value : {};
    const required = new Set(resolved.required ?? []);
    // Resolved here, once: describeField resolving it again gets the same schema back.
    field.children = Object.entries(resolved.properties ?? {})
      .map(([name, property]) => [name, resolveSchema(property, components)] as const)
      // Response-only properties are not sent.
      .filter(([, property]) => property.readOnly !== true)
      .map(([name, property]) =>
        describeField(
          property,
          components,
          { pointer: `${place.pointer}${joinPointer(name)}`, label: name, required: required.has(name), value: object[name] },
          depth + 1,
        ),
      );
  } else if (kind === 'array') {
    const items = resolveSchema(resolved.items, components);
    field.itemKind = schemaKind(items, depth + 1);
    field.children = (Array.isArray(place.value) ? place.value : []).map((item, index) =>
      describeField(
        items,
        components,
        { pointer: `${place.pointer}${joinPointer(index)}`, label: `${place.label} item ${index + 1}`, required: false, value: item },
        depth + 1,
      ),
    );
  }
  return field;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonText);
}
