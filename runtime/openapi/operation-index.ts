import { closest, distance } from 'fastest-levenshtein';
import { AddonError } from '../errors/index.js';
import { buildOperation, isNode, OPERATION_METHODS } from './build-operation.js';
import { createPathMatcher, normalizePath, type PathMatcher } from './path-matcher.js';
import type { ApiOperation, OpenApiDocument, OperationIndex, OperationMatch } from './types.js';

export interface CreateOperationIndexOptions {
  /** Named in errors. */
  file: string;
}

/**
 * Every operation of a bundled document, by operationId and by method + path.
 * Two operations sharing an operationId make the document ambiguous for code that names them, so that is an error.
 */
export function createOperationIndex(bundled: OpenApiDocument, { file }: CreateOperationIndexOptions): OperationIndex {
  const operations = collectOperations(bundled);
  const byId = new Map<string, ApiOperation>();
  const byTemplate = new Map<string, ApiOperation>();
  const matchers = new Map<string, PathMatcher<ApiOperation>>();
  for (const operation of operations) {
    const twin = byId.get(operation.operationId);
    if (twin) {
      const where = `${twin.method} ${twin.path} and ${operation.method} ${operation.path}`;
      throw new AddonError('OPENAPI_INVALID', `operationId "${operation.operationId}" is used twice (${where}); make it unique`, { file });
    }
    byId.set(operation.operationId, operation);
    byTemplate.set(`${operation.method} ${operation.path}`, operation);
    const matcher = matchers.get(operation.method) ?? createPathMatcher<ApiOperation>();
    matcher.add(operation.path, operation);
    matchers.set(operation.method, matcher);
  }
  const ids = [...byId.keys()];
  return {
    operations,
    get: (operationId) => byId.get(operationId),
    require(operationId) {
      const operation = byId.get(operationId);
      if (operation) return operation;
      const hint = suggest(operationId, ids);
      const detail = `"${operationId}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
      throw new AddonError('OPENAPI_UNKNOWN_OPERATION', detail, { file });
    },
    match(method, path): OperationMatch | undefined {
      const upper = method.toUpperCase();
      const template = byTemplate.get(`${upper} ${normalizePath(path)}`);
      if (template) return { operation: template, params: {} };
      const found = matchers.get(upper)?.match(path);
      return found && { operation: found.value, params: found.params };
    },
  };
}

function collectOperations(bundled: OpenApiDocument): ApiOperation[] {
  const paths: unknown = bundled.paths;
  if (!isNode(paths)) return [];
  return Object.keys(paths).flatMap((path) =>
    OPERATION_METHODS.flatMap((method) => {
      const operation = buildOperation({ doc: bundled, path, method });
      return operation ? [operation] : [];
    }),
  );
}

/** The closest known operationId, when it is close enough to be a likely typo. */
function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  return distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
