import type { AddonHandler } from '../../runtime/index.js';
import { readJsonBody } from '../../runtime/index.js';
import { executeCall } from './execute-call.js';
import { parseExecuteInput } from './execute-input.js';
import type { ExplorerKit } from './explorer-kit.js';
import { callerOf } from './request-context.js';

/**
 * `POST /ui/api-explorer/execute`: `{ operationId | method + path, params: { path, query, header }, body, confirm?,
 * dryRun? }`. Answers `{ status, headers, body, durationMs, truncated, … }` for a call that got Clockify's answer,
 * whatever its status, or the dry run's description.
 */
export function createExecuteRoute(kit: ExplorerKit): AddonHandler {
  return async function executeRoute(c) {
    const input = parseExecuteInput(await readJsonBody<unknown>(c));
    return c.json(await executeCall(kit, callerOf(c), input, c.get('log')));
  };
}
