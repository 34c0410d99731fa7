import type { ClockifyClaims } from '../../runtime/index.js';
import { createTokenVerifier, definePlugin, installationsKey, loadTrustedKeys } from '../../runtime/index.js';
import { createAdminPolicy } from './admin-policy.js';
import { createAdmission } from './admission.js';
import type { AuthKit } from './auth-kit.js';
import { createLifecyclePolicy } from './lifecycle-policy.js';
import { type AuthOptions, authOptionsSchema } from './options.js';
import { createInboundLimiter } from './rate-limit.js';
import { createUserPolicy } from './user-policy.js';
import { createWebhookPolicy } from './webhook-policy.js';

declare module '../../runtime/index.js' {
  interface AddonVariables {
    /** Claims of the token the route's policy admitted; set on every route guarded by an auth policy. */
    clockify: ClockifyClaims;
  }
}

/**
 * The trust boundary (DESIGN.md): the `lifecycle`, `webhook`, `user` and `admin` policies routes name in
 * `RouteOptions.auth`. Each verifies a Clockify token (RS256, trusted keys, claims), binds it to the request and
 * the stored installation, applies the inbound rate limits, and hands handlers `c.get('clockify')`.
 */
export default definePlugin<AuthOptions>({
  name: 'auth',
  optionsSchema: authOptionsSchema,
  async setup(ctx) {
    const { config, options } = ctx;
    const keys = await loadTrustedKeys({ publicKeys: config.auth.publicKeys, baseDir: config.baseDir, file: config.source });
    const { clockSkewSeconds, cacheSize } = options;
    const verifier = createTokenVerifier({ keys, addonKey: config.key, clockSkewSeconds, cacheSize });
    const kit: AuthKit = {
      admission: createAdmission({ verifier, limiter: createInboundLimiter(options.rateLimit) }),
      installations: ctx.inject(installationsKey),
      basePath: new URL(config.baseUrl).pathname,
      configFile: config.source,
    };
    ctx.policy('lifecycle', createLifecyclePolicy(kit));
    ctx.policy('webhook', createWebhookPolicy(kit));
    ctx.policy('user', createUserPolicy(kit));
    ctx.policy('admin', createAdminPolicy(kit));
    ctx.log.debug({ trustedKeys: keys.map((key) => key.source) }, 'token verification ready');
  },
});
