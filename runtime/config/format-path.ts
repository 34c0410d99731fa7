/** `['plugins', '[2]', 'options']` → `plugins[2].options`: how every error names a place in the config. */
export function formatPath(path: readonly string[]): string {
  return path.reduce((text, part) => (part.startsWith('[') || !text ? text + part : `${text}.${part}`), '') || '(root)';
}

/** A JSON pointer (`/plugins/2/options`) as a config path (`plugins[2].options`). */
export function pointerToPath(pointer: string, ...extra: string[]): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  return formatPath([...parts, ...extra]);
}
