import { describe, expect, it } from 'vitest';
import { parseId } from './route-id.js';

describe('parseId', () => {
  it('reads a positive integer of up to 16 digits', () => {
    expect(parseId('3')).toBe(3);
    expect(parseId('1234567890123456')).toBe(1234567890123456);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', '03', '-3', '3.5', '3x', '12345678901234567']) expect(parseId(text), text).toBeUndefined();
  });
});
