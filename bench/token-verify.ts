import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { importSPKI, jwtVerify } from 'jose';
import {
  buildConfig,
  createAddon,
  createLogger,
  createTokenVerifier,
  definePlugin,
  installationsKey,
  loadTrustedKeys,
} from '../runtime/index.js';
import { createTokenMinter } from '../runtime/testkit/mint-token.js';
import { testConfigTree } from '../tests/helpers/start-addon.js';
import { round, writeReport } from './lib/report.js';

const TOKENS = 1500;
const REPEATS = 5000;
const workspaceId = '64b0c0ffee0000000000000a';
const addonId = '64b0c0ffee0000000000000b';

/**
 * Token verifications per second, one after another on the main thread:
 * baseline raw `jose.jwtVerify` of distinct tokens against the minter's key; result our verifier (trusted-key list
 * with Clockify's key first, every claim check) on the same distinct tokens, and the full `user` policy as a route
 * sees it (header parsing, rate limit, verification, installation lookup in SQLite, claims mapping) through
 * `app.request`, for distinct tokens (cache misses) and for one token repeated (cache hits).
 */
export default async function tokenVerify(): Promise<void> {
  const minter = await createTokenMinter({ addonKey: 'bench-addon', workspaceId, addonId });
  const tokens = await Promise.all(Array.from({ length: TOKENS }, (_, i) => minter.userToken({ user: `user-${i}` })));
  const rawKey = await importSPKI(minter.publicKeyPem, 'RS256');

  const raw = await perSecond(tokens, (token) => jwtVerify(token, rawKey, { algorithms: ['RS256'] }));
  const keys = await loadTrustedKeys({ publicKeys: [minter.publicKeyPem], baseDir: '.', file: 'bench' });
  const verifier = createTokenVerifier({ keys, addonKey: 'bench-addon', cacheSize: 0 });
  const ours = await perSecond(tokens, (token) => verifier.verify(token));

  const { request, close } = await startPolicyProbe(minter.publicKeyPem);
  const policyMiss = await perSecond(tokens, (token) => request(token));
  const policyHit = await perSecond(Array(REPEATS).fill(tokens[0]), (token) => request(token));
  await close();

  writeReport({
    name: 'token-verify',
    baseline: { what: 'jose jwtVerify RS256, distinct tokens, sequential', perSecond: round(raw, 0) },
    result: {
      verifierDistinctPerSecond: round(ours, 0),
      userPolicyDistinctPerSecond: round(policyMiss, 0),
      userPolicyCachedPerSecond: round(policyHit, 0),
    },
    ratios: {
      verifierVsJose: round(ours / raw),
      userPolicyDistinctVsJose: round(policyMiss / raw),
      userPolicyCachedVsJose: round(policyHit / raw),
    },
  });
}

async function perSecond(items: readonly string[], work: (item: string) => Promise<unknown>): Promise<number> {
  for (const item of items.slice(0, 50)) await work(item);
  const started = performance.now();
  for (const item of items) await work(item);
  return items.length / ((performance.now() - started) / 1000);
}

async function startPolicyProbe(publicKeyPem: string) {
  const probe = definePlugin({
    name: 'probe',
    setup: (ctx) => ctx.route('GET', '/probe', (c) => c.json({ user: c.get('clockify').user }), { auth: 'user' }),
  });
  const tree = testConfigTree({
    key: 'bench-addon',
    auth: { publicKeys: [publicKeyPem] },
    plugins: [{ use: 'auth', options: { rateLimit: { perWorkspacePerSecond: 1_000_000 } } }],
  });
  const addon = await createAddon({
    config: buildConfig(tree, { env: {} }),
    log: createLogger({ level: 'silent' }),
    plugins: [{ plugin: probe }],
  });
  await addon.inject(installationsKey).save({
    workspaceId,
    addonId,
    status: 'ACTIVE',
    authToken: randomBytes(16).toString('hex'),
    webhookTokens: {},
    installedAt: new Date(),
    updatedAt: new Date(),
  });
  return {
    async request(token: string) {
      const response = await addon.app.request('/probe', { headers: { Authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`policy answered ${response.status}: ${await response.text()}`);
    },
    async close() {
      await addon.close();
      rmSync(tree.database.dataDir as string, { recursive: true, force: true });
    },
  };
}
