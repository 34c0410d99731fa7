/**
 * Path parameter values become one path segment each. encodeURIComponent escapes "/", "?" and "#", but "." and ".."
 * stay as they are and would walk up the path once a server normalises it, so those are refused; so are the
 * characters that only make sense as path syntax, which refusing keeps the error obvious instead of a puzzling 404.
 */
export function unsafePathValue(value: string): string | undefined {
  if (value === '') return 'must not be empty';
  if (value === '.' || value === '..') return 'must not be "." or ".."';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here.
  if (/[/\\?#\u0000-\u001f\u007f]/.test(value)) return 'must not contain "/", "\\", "?", "#" or control characters';
  return undefined;
}
