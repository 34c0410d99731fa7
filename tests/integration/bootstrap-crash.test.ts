import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordStore } from '../../plugins/bootstrap/record-store.js';
import type { PlannedOperation } from '../../runtime/index.js';
import { createStore, type Store } from '../../runtime/store/index.js';
import { type ClockifySimulator, createClockifySimulator, reservePort } from '../../runtime/testkit/index.js';
import { EVERY_READ_SCOPE, expectedCounts, SMALL_SIZES } from '../helpers/bootstrap-env.js';
import { captureLog } from '../helpers/capture-log.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { type SpawnedAddon, spawnAddon } from '../helpers/spawn-addon.js';

const SIZES = { ...SMALL_SIZES, timeEntriesPerUser: 1000 };

/** Few pages in flight and one page of a list at a time, so a kill lands between many finished and unfinished pages. */
const CONFIG = `key: test-addon
name: Bootstrap Crash
baseUrl: \${ADDON_BASE_URL}
openapi: ${fileURLToPath(new URL('../../openapi.json', import.meta.url))}
scopes: [${EVERY_READ_SCOPE.join(', ')}]
plugins:
  - use: auth
  - use: lifecycle
    options: { subscriptionCheck: { enabled: false } }
  - use: bootstrap
    options: { concurrency: 3, lookahead: 1, pollIntervalMs: 50, progressIntervalMs: 100, leaseMs: 1500 }
`;

interface Checkpoint {
  operation_id: string;
  parent_id: string;
  page: number;
  state: string;
}

describe.each(databaseKinds)('a bootstrap whose server is killed on $name', ({ create }) => {
  let dir: string;
  let database: TestDatabase;
  let simulator: ClockifySimulator;
  let running: SpawnedAddon | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bootstrap-crash-'));
    database = await create();
    simulator = await createClockifySimulator({ addonKey: 'test-addon', sizes: SIZES, latencyMs: 10 });
    writeFileSync(join(dir, 'addon.config.yaml'), CONFIG);
    writeFileSync(join(dir, 'clockify.pem'), simulator.publicKeyPem);
    const port = await reservePort();
    env = {
      ADDON_CONFIG: join(dir, 'addon.config.yaml'),
      ADDON_BASE_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      DATABASE_URL: database.url,
      DATA_DIR: join(dir, 'data'),
      CLOCKIFY_PUBLIC_KEYS: join(dir, 'clockify.pem'),
      CLOCKIFY_DEV_HOSTS: '127.0.0.1:*',
    };
  });

  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await running?.exited;
    await simulator?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reads the database as it is, with the server dead or alive. */
  async function inspect<T>(read: (store: Store) => Promise<T>): Promise<T> {
    const store = await createStore({ url: database.url, dataDir: join(dir, 'data'), log: captureLog('silent').log });
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }

  it('resumes from its checkpoints without reading a finished page again or storing a record twice', async () => {
    running = await spawnAddon(env);
    await simulator.install(running.url);
    const done = (store: Store) => store.em().getKnex()('bootstrap_checkpoint').where({ state: 'done' }).select<Checkpoint[]>();
    await expect.poll(() => simulator.requests.filter((request) => request.status === 200).length, { timeout: 15_000 }).toBeGreaterThan(40);
    running.child.kill('SIGKILL');
    expect((await running.exited).signal).toBe('SIGKILL');
    running = undefined;

    const finished = await inspect(done);
    const job = await inspect((store) => store.em().getKnex()('bootstrap_job').first());
    expect(job.state).toBe('running');
    const plan = JSON.parse(job.plan) as PlannedOperation[];
    const keyOf = (checkpoint: Checkpoint) => pageKey(plan, simulator.workspaceId, checkpoint);
    const finishedPages = new Set(finished.map(keyOf));
    expect(finishedPages.size).toBeGreaterThan(20);

    const restartedAt = Date.now();
    running = await spawnAddon(env);
    await expect
      .poll(() => inspect(async (store) => (await store.em().getKnex()('bootstrap_job').first()).state), { timeout: 20_000 })
      .toBe('done');
    const again = simulator.requests.filter((request) => request.timestamp >= restartedAt);
    expect(again.length).toBeGreaterThan(0);
    expect(again.filter((request) => finishedPages.has(`${request.path}?page=${request.query.page}`))).toEqual([]);

    const counts = await inspect((store) => createRecordStore(store).count(simulator.workspaceId));
    expect(counts).toEqual(expectedCounts(plan, SIZES));
    const all = await inspect(done);
    expect(all.length).toBe(new Set(all.map(keyOf)).size);
  }, 90_000);
});

/** The request path and page a checkpoint stands for: `/api/v1/workspaces/<ws>/user/<userId>/time-entries?page=3`. */
function pageKey(plan: readonly PlannedOperation[], workspaceId: string, { operation_id, parent_id, page }: Checkpoint): string {
  const operation = plan.find((candidate) => candidate.operationId === operation_id);
  const values = parent_id.split('/');
  let path = operation?.path.replace('{workspaceId}', workspaceId) ?? operation_id;
  for (const [index, name] of (operation?.params ?? []).entries()) path = path.replace(`{${name}}`, values[index] ?? '');
  return `/api${path}?page=${page}`;
}
