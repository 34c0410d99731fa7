import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenMinter, type TokenMinter } from '../../runtime/testkit/mint-token.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { createLifecycleClient } from '../helpers/lifecycle-calls.js';
import { type SpawnedAddon, spawnAddon } from '../helpers/spawn-addon.js';

const WORKSPACE = 'ws-crash';
const ADDON_ID = 'addon-crash';
const RECORDER = fileURLToPath(new URL('../fixtures/plugins/webhook-recorder.ts', import.meta.url));

/** `startDelayMs` holds dispatch back after start, so a test can kill the process between acknowledge and dispatch. */
function configYaml(dir: string, startDelayMs: number): string {
  return `key: test-addon
name: Crash Test
baseUrl: http://127.0.0.1:8080
plugins:
  - use: auth
  - use: lifecycle
    options: { subscriptionCheck: { enabled: false } }
  - use: webhooks
    options:
      dispatch: { startDelayMs: ${startDelayMs}, pollIntervalMs: 50, leaseMs: 1000 }
  - use: ${RECORDER}
    options: { file: ${join(dir, 'runs.log')}, blockWhile: ${join(dir, 'block')} }
`;
}

describe.each(databaseKinds)('a crash of the add-on process on $name', ({ create }) => {
  let dir: string;
  let database: TestDatabase;
  let minter: TokenMinter;
  let running: SpawnedAddon | undefined;
  let env: Record<string, string>;
  let tagToken: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'webhooks-crash-'));
    database = await create();
    minter = await createTokenMinter({ addonKey: 'test-addon', workspaceId: WORKSPACE, addonId: ADDON_ID });
    for (const delay of [0, 600_000]) writeFileSync(join(dir, `addon-${delay}.config.yaml`), configYaml(dir, delay));
    writeFileSync(join(dir, 'clockify.pem'), minter.publicKeyPem);
    env = {
      DATABASE_URL: database.url,
      DATA_DIR: join(dir, 'data'),
      CLOCKIFY_PUBLIC_KEYS: join(dir, 'clockify.pem'),
    };
    tagToken = await minter.webhookToken({ webhook: 'NEW_TAG' });
  });

  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await running?.exited;
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(dispatchDelayMs: number): Promise<SpawnedAddon> {
    running = await spawnAddon({ ...env, ADDON_CONFIG: join(dir, `addon-${dispatchDelayMs}.config.yaml`) });
    return running;
  }

  async function kill(addon: SpawnedAddon): Promise<void> {
    addon.child.kill('SIGKILL');
    expect((await addon.exited).signal).toBe('SIGKILL');
    running = undefined;
  }

  function deliver(addon: SpawnedAddon, id: string, name = `tag ${id}`) {
    return fetch(`${addon.url}/webhooks/new-tag`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Clockify-Signature': tagToken, 'Clockify-Webhook-Event-Type': 'NEW_TAG' },
      body: JSON.stringify({ id, name, workspaceId: WORKSPACE, archived: false }),
    }).then(async (response) => ({ status: response.status, json: (await response.json()) as { status: string; id: number } }));
  }

  const runs = () => (existsSync(join(dir, 'runs.log')) ? readFileSync(join(dir, 'runs.log'), 'utf8').trim().split('\n') : []);

  it('dispatches after a restart every event acknowledged before a kill -9, each once', async () => {
    const first = await start(600_000);
    const installed = await createLifecycleClient(first.url, minter).send('INSTALLED', {
      workspaceId: WORKSPACE,
      addonId: ADDON_ID,
      authToken: await minter.installationToken(),
      webhooks: [{ path: '/webhooks/new-tag', webhookType: 'ADDON', authToken: tagToken }],
    });
    expect(installed.status).toBe(200);
    const answers = [await deliver(first, 'k-1'), await deliver(first, 'k-2'), await deliver(first, 'k-3'), await deliver(first, 'k-1')];
    expect(answers.map((answer) => [answer.status, answer.json.status])).toEqual([
      [200, 'accepted'],
      [200, 'accepted'],
      [200, 'accepted'],
      [200, 'duplicate'],
    ]);
    await kill(first);
    expect(runs()).toEqual([]);

    await start(0);
    await expect.poll(() => runs().filter((line) => line.startsWith('done')).length, { timeout: 15_000 }).toBe(3);
    const ids = answers.slice(0, 3).map((answer) => answer.json.id);
    expect(runs()).toEqual(ids.flatMap((id, index) => [`start ${id} k-${index + 1} 1`, `done ${id} k-${index + 1}`]));
  }, 60_000);

  // Goes on with the process the previous case left running (a start costs seconds here).
  it('runs again after a restart an event whose handler was cut off by a kill -9 (at-least-once)', async () => {
    writeFileSync(join(dir, 'block'), '');
    const first = running ?? (await start(0));
    const { json } = await deliver(first, 'k-blocked', 'blocking');
    expect(json.status).toBe('accepted');
    await expect.poll(() => runs()).toContain(`start ${json.id} k-blocked 1`);
    await kill(first);
    rmSync(join(dir, 'block'));

    await start(0);
    await expect.poll(() => runs(), { timeout: 15_000 }).toContain(`done ${json.id} k-blocked`);
    expect(runs().filter((line) => line.startsWith(`start ${json.id}`))).toEqual([
      `start ${json.id} k-blocked 1`,
      `start ${json.id} k-blocked 1`,
    ]);
  }, 60_000);
});
