/** Lifecycle call sequences for the integration suite, and the model of the state each must leave behind. */

import type { InstallationStatus, LifecycleType } from '../../runtime/index.js';

/** One lifecycle call of a scenario: which installation (A, or B after a reinstall) it speaks for. */
export interface Step {
  type: LifecycleType;
  addon: 'A' | 'B';
  status?: InstallationStatus;
}

export interface Expected {
  current?: { addon: 'A' | 'B'; status: InstallationStatus; settings: boolean };
  deletedCalls: number;
}

export const I = (addon: 'A' | 'B' = 'A'): Step => ({ type: 'INSTALLED', addon });
export const S = (addon: 'A' | 'B' = 'A'): Step => ({ type: 'SETTINGS_UPDATED', addon });
export const off = (addon: 'A' | 'B' = 'A'): Step => ({ type: 'STATUS_CHANGED', addon, status: 'INACTIVE' });
export const on = (addon: 'A' | 'B' = 'A'): Step => ({ type: 'STATUS_CHANGED', addon, status: 'ACTIVE' });
export const D = (addon: 'A' | 'B' = 'A'): Step => ({ type: 'DELETED', addon });
export const twice = (...steps: Step[]) => steps.flatMap((step) => [step, step]);

/**
 * What the store must hold after the steps, by the rules the plugin documents: calls for another addonId than
 * the stored one change nothing, a DELETED addonId stays dead, a repeated INSTALLED keeps status and settings.
 */
export function expectedAfter(steps: readonly Step[]): Expected {
  let current: Expected['current'];
  const retired = new Set<string>();
  let deletedCalls = 0;
  for (const step of steps) {
    const matches = current?.addon === step.addon;
    if (step.type === 'INSTALLED' && !retired.has(step.addon) && !matches)
      current = { addon: step.addon, status: 'ACTIVE', settings: false };
    if (step.type === 'STATUS_CHANGED' && current && matches) current.status = step.status ?? 'ACTIVE';
    if (step.type === 'SETTINGS_UPDATED' && current && matches) current.settings = true;
    if (step.type === 'DELETED') {
      retired.add(step.addon);
      if (matches) {
        current = undefined;
        deletedCalls += 1;
      }
    }
  }
  return { current: current && { ...current }, deletedCalls };
}

/** A deterministic shuffle (mulberry32), so a failing order can be replayed from its seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
