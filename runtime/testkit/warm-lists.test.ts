import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCounts } from '../../tests/helpers/bootstrap-env.js';
import { buildBootstrapPlan } from '../openapi/index.js';
import { type ClockifySimulator, createClockifySimulator } from './create-clockify-simulator.js';
import { loadSharedOpenApi } from './shared-openapi.js';

const OPENAPI = fileURLToPath(new URL('../../openapi.json', import.meta.url));
// Every list named (clients and tags have sizes of their own by default), so expectedCounts knows them all.
const SIZES = { users: 3, clients: 2, tags: 3, projects: 4, tasksPerProject: 2, timeEntriesPerUser: 5, default: 2 };

describe('warming the simulator’s lists', () => {
  let warmed: ClockifySimulator;
  let cold: ClockifySimulator;
  beforeAll(async () => {
    [warmed, cold] = await Promise.all([
      createClockifySimulator({ seed: 9, sizes: SIZES, openapiPath: OPENAPI }),
      createClockifySimulator({ seed: 9, sizes: SIZES, openapiPath: OPENAPI }),
    ]);
  });
  afterAll(() => Promise.all([warmed.close(), cold.close()]));

  it('renders every record a bootstrap of every list would store, nested lists through their parents', async () => {
    const openapi = await loadSharedOpenApi(OPENAPI);
    const scopes = [...new Set(openapi.index.operations.flatMap((operation) => operation.scopes))];
    const window = { start: '2000-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z' };
    const { operations } = buildBootstrapPlan(openapi, { scopes, window });
    expect(operations.some((operation) => operation.level > 0)).toBe(true);
    const total = Object.values(expectedCounts(operations, SIZES)).reduce((sum, count) => sum + count, 0);
    expect(warmed.warmLists()).toBe(total);
  });

  it('answers exactly what a simulator that was not warmed answers', async () => {
    warmed.warmLists();
    const get = async (simulator: ClockifySimulator, path: string) => {
      const url = `${simulator.apiUrl}/v1/workspaces/${simulator.workspaceId}${path}`;
      const response = await fetch(url, { headers: { 'X-Addon-Token': await simulator.minter.installationToken() } });
      return response.json();
    };
    const users = (await get(cold, '/users')) as { id: string }[];
    const paths = ['/users', '/projects?page-size=3', `/user/${users[1]?.id}/time-entries`, '/expenses'];
    for (const path of paths) expect(await get(warmed, path)).toEqual(await get(cold, path));
  });
});
