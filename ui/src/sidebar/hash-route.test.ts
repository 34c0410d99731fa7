import { describe, expect, it } from 'vitest';
import { readHashRoute, writeHashRoute } from './hash-route.js';
import { message, pickLanguage } from './messages.js';

const TOOLS = ['explorer', 'bootstrap', 'webhooks'];

describe('hash routes', () => {
  it('reads the tool and its own place, falling back to the first tool for anything unknown', () => {
    expect(readHashRoute('#/webhooks/events/12', TOOLS)).toEqual({ tool: 'webhooks', rest: 'events/12' });
    expect(readHashRoute('', TOOLS)).toEqual({ tool: 'explorer', rest: '' });
    expect(readHashRoute('#/nope/x', TOOLS)).toEqual({ tool: 'explorer', rest: '' });
  });

  it('round-trips places with characters that need escaping', () => {
    const route = { tool: 'explorer', rest: 'op id/with#hash' };
    expect(readHashRoute(writeHashRoute(route), TOOLS)).toEqual({ tool: 'explorer', rest: 'op id/with#hash' });
  });
});

describe('shell messages', () => {
  it('speaks the token language when it can and English otherwise', () => {
    expect(pickLanguage('DE')).toBe('de');
    expect(pickLanguage('pt_BR')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
    expect(message('fr', 'viewer', { user: 'u', workspace: 'w' })).toBe('Utilisateur u · espace de travail w');
  });
});
