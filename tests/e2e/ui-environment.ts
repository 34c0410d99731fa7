import type { RawClockifyClaims } from '../../runtime/index.js';
import { startTestEnvironment, type TestEnvironment, type TestEnvironmentOptions } from '../../runtime/testkit/index.js';

export interface UiEnvironment extends TestEnvironment {
  /** The sidebar page as Clockify opens it: `?auth_token=` a user token of the simulated workspace (owner by default). */
  sidebarUrl(claims?: Partial<RawClockifyClaims>, hash?: string): Promise<string>;
}

/**
 * The add-on with every UI tool (explorer, bootstrap, webhooks) and the simulator, installed, over real HTTP.
 * The UI modules come from dist/ui, built once per test run by tests/e2e/build-ui.setup.ts.
 */
export async function startUiEnvironment(options: TestEnvironmentOptions = {}): Promise<UiEnvironment> {
  const config = options.config ?? {};
  const env = await startTestEnvironment({
    ...options,
    config: { plugins: ['auth', 'lifecycle', 'webhooks', 'explorer', 'bootstrap'], ...config },
  });
  return Object.assign(env, {
    async sidebarUrl(claims: Partial<RawClockifyClaims> = {}, hash = '') {
      const token = await env.simulator.userToken(claims);
      return `${env.addonUrl}/ui/sidebar?auth_token=${encodeURIComponent(token)}${hash}`;
    },
  });
}
