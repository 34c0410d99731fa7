import type { OperationIndex } from '../../openapi/types.js';

export interface OperationLabelInput {
  method: string;
  /** The path as the caller wrote it, placeholders and all. */
  path: string;
  /** The path with placeholders filled, relative to the API base. */
  filledPath: string;
  workspaceId: string;
  operationId?: string;
  operations?: Pick<OperationIndex, 'match'>;
}

// Clockify ids are 24-hex ObjectIds; long tokens with digits stand for other ids. Both become `{id}`, so a label
// names an operation, not an entity, and the metric's series stay few.
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const LONG_WITH_DIGITS = /^(?=.*\d)[^/]{16,}$/;

/**
 * The `operation` label of a call: the operationId the caller gave or the OpenAPI index knows, else `METHOD template`
 * (the caller's template, or the concrete path with its ids replaced).
 */
export function operationLabel({ method, path, filledPath, workspaceId, operationId, operations }: OperationLabelInput): string {
  if (operationId) return operationId;
  const upper = method.toUpperCase();
  const found = operations?.match(upper, path.includes('{') ? path : filledPath);
  if (found) return found.operation.operationId;
  if (path.includes('{')) return `${upper} ${path}`;
  const template = path
    .split('/')
    .map((segment) => {
      if (segment === workspaceId || segment === encodeURIComponent(workspaceId)) return '{workspaceId}';
      return OBJECT_ID.test(segment) || LONG_WITH_DIGITS.test(segment) ? '{id}' : segment;
    })
    .join('/');
  return `${upper} ${template}`;
}
