import { isAtOrUnder } from './json-pointer.js';
import type { FieldError } from './types.js';

export interface PlacedErrors {
  /** Field pointer → its messages. */
  byField: Map<string, string[]>;
  /** Errors no field of the form shows (the operation, a parameter the form does not have): shown above the form. */
  unplaced: FieldError[];
}

/**
 * Puts each error (the browser's or the server's 400 `details.errors`) on the form field it is about: the field at
 * its pointer, else the nearest enclosing field (a value inside a raw JSON box lands on the box, its path in the
 * message). Header names are matched without regard to case, as HTTP treats them and the server reports them.
 */
export function placeErrors(errors: readonly FieldError[], fields: ReadonlySet<string>): PlacedErrors {
  const byField = new Map<string, string[]>();
  const unplaced: FieldError[] = [];
  const headers = new Map([...fields].filter(isHeader).map((field) => [field.toLowerCase(), field]));
  for (const error of errors) {
    const field = nearestField(error.pointer, fields, headers);
    if (field === undefined) {
      unplaced.push(error);
      continue;
    }
    const rest = error.pointer.slice(field.length);
    const message = rest && !isHeader(field) ? `${rest.slice(1)}: ${error.message}` : error.message;
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return { byField, unplaced };
}

function isHeader(pointer: string): boolean {
  return isAtOrUnder(pointer, '/params/header');
}

function nearestField(pointer: string, fields: ReadonlySet<string>, headers: ReadonlyMap<string, string>): string | undefined {
  if (isHeader(pointer)) return headers.get(pointer.toLowerCase());
  const segments = pointer.split('/');
  for (let end = segments.length; end > 1; end--) {
    const candidate = segments.slice(0, end).join('/');
    if (fields.has(candidate)) return candidate;
  }
  return undefined;
}
