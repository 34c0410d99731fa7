import type { DryRun } from './types.js';

/** Stands for the installation token, which never reaches the browser: the reader exports it before running the command. */
export const TOKEN_PLACEHOLDER = '$CLOCKIFY_ADDON_TOKEN';

/**
 * A curl command for a dry run's request. Every value is single-quoted for POSIX shells; the token header alone is
 * double-quoted so the shell fills in `$CLOCKIFY_ADDON_TOKEN`.
 */
export function toCurl(request: DryRun['request']): string {
  const lines = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== 'x-addon-token') lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  lines.push(`-H "X-Addon-Token: ${TOKEN_PLACEHOLDER}"`);
  if (request.body !== undefined) lines.push(`--data-raw ${shellQuote(JSON.stringify(request.body))}`);
  return lines.join(' \\\n  ');
}

export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
