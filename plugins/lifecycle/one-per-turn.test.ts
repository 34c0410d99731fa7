import { describe, expect, it } from 'vitest';
import { createTurns } from './one-per-turn.js';

/** Counts turns of the event loop by a setImmediate chain started alongside. */
function turnCounter() {
  let turns = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    now: () => turns,
    stop: () => {
      stopped = true;
    },
  };
}

describe('one caller per turn of the event loop', () => {
  it('lets callers arriving together go in arrival order, each in a turn of its own', async () => {
    const takeTurn = createTurns();
    const counter = turnCounter();
    const seen: { caller: number; turn: number }[] = [];
    await Promise.all(
      Array.from({ length: 5 }, async (_, caller) => {
        await takeTurn();
        seen.push({ caller, turn: counter.now() });
      }),
    );
    counter.stop();
    expect(seen.map(({ caller }) => caller)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(seen.map(({ turn }) => turn)).size).toBe(5);
  });

  it('does not hold a lone caller back beyond one turn, and keeps working after it went idle', async () => {
    const takeTurn = createTurns();
    await takeTurn();
    const later = await Promise.race([takeTurn().then(() => 'went'), new Promise((resolve) => setTimeout(() => resolve('stuck'), 50))]);
    expect(later).toBe('went');
  });
});
