import { Ajv } from 'ajv';
import { describe, expect, it, vi } from 'vitest';
import { thrownHttpError } from '../../tests/helpers/thrown.js';
import { createBodyValidator, type FieldError } from './validate-body.js';

const validate = createBodyValidator();

describe('createBodyValidator', () => {
  it('accepts a complete INSTALLED body and keeps fields it does not know', () => {
    const body = { workspaceId: 'w', addonId: 'a', authToken: 't', webhooks: [{ path: '/x', authToken: 'wt' }], futureField: 1 };
    expect(validate('INSTALLED', body)).toBe(body);
  });

  it('rejects a body with 400 INVALID_LIFECYCLE_BODY listing every bad field', () => {
    const error = thrownHttpError(() => validate('INSTALLED', { workspaceId: '', addonId: 'a', webhooks: [{ path: '/x', authToken: 3 }] }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_LIFECYCLE_BODY');
    const fields = (error.details as { errors: FieldError[] }).errors.map((entry) => entry.field);
    expect(fields).toEqual(expect.arrayContaining(['/workspaceId', '/authToken', '/webhooks/0/authToken']));
    expect(error.message).toContain('/authToken is required');
  });

  it('names the allowed statuses when STATUS_CHANGED carries another', () => {
    const error = thrownHttpError(() => validate('STATUS_CHANGED', { workspaceId: 'w', addonId: 'a', status: 'PAUSED' }));
    expect(error.message).toContain('ACTIVE, INACTIVE');
  });

  it('rejects a body that is not an object', () => {
    const error = thrownHttpError(() => validate('DELETED', ['w']));
    expect((error.details as { errors: FieldError[] }).errors[0]?.field).toBe('/');
  });

  it('rejects ids longer than the store keeps', () => {
    const error = thrownHttpError(() => validate('DELETED', { workspaceId: 'w'.repeat(65), addonId: 'a' }));
    expect(error.code).toBe('INVALID_LIFECYCLE_BODY');
  });

  it('accepts settings of any value type', () => {
    const settings = [
      { id: 'a', value: 'text' },
      { id: 'b', value: 5 },
      { id: 'c', value: true },
      { id: 'd', value: ['x', 'y'] },
    ];
    expect(validate('SETTINGS_UPDATED', { workspaceId: 'w', addonId: 'a', settings }).settings).toHaveLength(4);
  });

  it('compiles a schema once, when prepared or on its first call, whichever comes first', () => {
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    try {
      const fresh = createBodyValidator();
      expect(compile).not.toHaveBeenCalled();
      fresh.prepare('INSTALLED');
      expect(compile).toHaveBeenCalledTimes(1);
      fresh('INSTALLED', { workspaceId: 'w', addonId: 'a', authToken: 't' });
      fresh.prepare('INSTALLED');
      expect(compile).toHaveBeenCalledTimes(1);
      fresh('DELETED', { workspaceId: 'w', addonId: 'a' });
      expect(compile).toHaveBeenCalledTimes(2);
    } finally {
      compile.mockRestore();
    }
  });
});
