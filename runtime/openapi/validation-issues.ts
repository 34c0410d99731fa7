import type { ErrorObject } from 'ajv';
import { escapeSegment } from './json-pointer.js';
import type { ValidationIssue } from './types.js';

/**
 * Ajv errors as issues whose pointer names the exact value at fault, starting with the part of the exchange
 * (`/query/page-size`, `/body/name`, `/response/0/id`). A missing or extra property points at the property itself,
 * not at its parent object as Ajv does.
 */
export function toIssues(errors: readonly ErrorObject[] | null | undefined, prefix: string): ValidationIssue[] {
  const issues = new Map<string, ValidationIssue>();
  for (const error of errors ?? []) {
    const issue = toIssue(error, prefix);
    issues.set(`${issue.pointer}\n${issue.message}`, issue);
  }
  return [...issues.values()];
}

function toIssue(error: ErrorObject, prefix: string): ValidationIssue {
  const at = prefix + error.instancePath;
  switch (error.keyword) {
    case 'required':
      return { pointer: `${at}/${escapeSegment(String(error.params.missingProperty))}`, message: 'is required' };
    case 'additionalProperties':
      return { pointer: `${at}/${escapeSegment(String(error.params.additionalProperty))}`, message: 'is not allowed' };
    case 'discriminator':
      // Ajv reports the object; the tag property is what the caller has to fix.
      return { pointer: `${at}/${escapeSegment(String(error.params.tag))}`, message: error.message ?? 'has an unknown tag' };
    case 'enum':
      return { pointer: at, message: `must be one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}` };
    default:
      return { pointer: at, message: error.message ?? `fails "${error.keyword}"` };
  }
}
