import { describe, expect, it } from 'vitest';
import { unsafePathValue } from './path-values.js';

describe('path parameter values', () => {
  it.each(['', '.', '..', '../x', 'a/b', 'a\\b', 'a?b', 'a#b', 'a\nb'])('refuses %j', (value) => {
    expect(unsafePathValue(value)).toBeDefined();
  });

  it.each(['64f1c0ffee0000000000beef', '..a', 'a..', 'a b', '%2e%2e', 'ü'])('accepts %j', (value) => {
    expect(unsafePathValue(value)).toBeUndefined();
  });
});
