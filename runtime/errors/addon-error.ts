import { type BootErrorCode, bootErrors } from './catalogue.js';

/** Where a boot problem sits, so the message can say exactly what to fix. */
export interface ErrorLocation {
  file?: string;
  plugin?: string;
  /** A dotted path into the configuration, e.g. `plugins[2].options.maxRetries`. */
  path?: string;
}

/**
 * A problem found while the add-on starts: bad configuration, a missing plugin, a failed migration.
 * Every one carries a stable code from the catalogue and a message that says what to do and where.
 */
// A registry symbol, not `instanceof`, for the same reason as HttpError's: a plugin may load another copy of the runtime.
const ADDON_ERROR = Symbol.for('clockify-addon-kit.addon-error');

export class AddonError extends Error {
  override name = 'AddonError';
  readonly [ADDON_ERROR] = true;
  readonly code: BootErrorCode;
  readonly location: ErrorLocation;

  constructor(code: BootErrorCode, detail: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super(formatMessage(code, detail, location), options);
    this.code = code;
    this.location = location;
  }
}

function formatMessage(code: BootErrorCode, detail: string, { file, plugin, path }: ErrorLocation): string {
  const where = [file && `in ${file}`, plugin && `plugin "${plugin}"`, path && `at ${path}`].filter(Boolean);
  const head = `${code}: ${bootErrors[code]}`;
  return `${head}${where.length ? ` (${where.join(', ')})` : ''}: ${detail}`;
}

export function isAddonError(error: unknown): error is AddonError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[ADDON_ERROR] === true;
}
