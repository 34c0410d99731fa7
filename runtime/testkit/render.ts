import { deepFreeze } from '../deep-freeze.js';
import { entryOf } from '../map-entry.js';
import { applyFacts, type Facts } from './apply-facts.js';
import { createPrng, hashSeed } from './prng.js';
import { type SampleOptions, sampleSchema, UNSATISFIABLE } from './sample-schema.js';

export interface Renderer {
  /**
   * A response value for the schema: generated from the record's id (stable across calls), with its facts written in.
   * Frozen facts (a generated record nobody wrote) are rendered once per schema and the frozen answer is kept.
   */
  record(facts: Facts, schema: unknown): unknown;
  /** A generated value for the schema alone (a list's wrapper, an operation the simulator does not store). */
  value(schema: unknown, seedKey: string): unknown;
}

export function createRenderer({ doc, seed, anchorMs }: { doc: unknown; seed: number; anchorMs: number }): Renderer {
  const options = (seedKey: string): SampleOptions => ({ doc, anchorMs, rng: createPrng(hashSeed(seed, 'render', seedKey)) });
  const value = (schema: unknown, seedKey: string) => {
    const sampled = sampleSchema(schema, options(seedKey));
    return sampled === UNSATISFIABLE ? {} : sampled;
  };
  const render = (facts: Facts, schema: unknown) => {
    const seedKey = typeof facts.id === 'string' ? facts.id : JSON.stringify(facts);
    return applyFacts(value(schema, seedKey), facts, schema, options(`${seedKey}/facts`));
  };
  const kept = new WeakMap<Facts, Map<unknown, unknown>>();
  return {
    value,
    record(facts, schema) {
      if (!Object.isFrozen(facts)) return render(facts, schema);
      const bySchema = entryOf(kept, facts, () => new Map<unknown, unknown>());
      return entryOf(bySchema, schema, () => deepFreeze(render(facts, schema)));
    },
  };
}
