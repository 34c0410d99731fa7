import {
  clockifyClientsKey,
  createRetention,
  definePlugin,
  installationsKey,
  openApiKey,
  redisKey,
  serveUiAssets,
  uiSecurityHeaders,
} from '../../runtime/index.js';
import { createCallHistory } from './call-history.js';
import { createExecuteLimiter } from './execute-limiter.js';
import type { ExplorerKit } from './explorer-kit.js';
import { explorerRoutes } from './explorer-routes.js';
import { createExplorerMetrics } from './metrics.js';
import { type ExplorerOptions, explorerOptionsSchema } from './options.js';
import { createPresetStore } from './preset-store.js';
import { createSidebarPage } from './sidebar-page.js';

export type { ExplorerOptions } from './options.js';

/**
 * The API explorer (README.md): the OpenAPI document's operations listed by tag and flagged against the manifest's
 * scopes; calls validated, checked (own workspace, admins confirm writes) and run server-side with the installation
 * token, which never reaches the browser; a history with replay, shared presets, and the sidebar that hosts it.
 */
export default definePlugin<ExplorerOptions>({
  name: 'explorer',
  dependsOn: ['auth'],
  optionsSchema: explorerOptionsSchema,
  manifest: ({ options: { sidebar, accessLevel } }) =>
    sidebar.enabled ? { components: [{ type: 'sidebar', accessLevel, path: sidebar.path, label: sidebar.label }] } : {},
  async setup(ctx) {
    const { options, config, store, log } = ctx;
    // Loaded on first use and shared with other plugins; the engine compiles each operation's validators on its first use.
    const documents = ctx.inject(openApiKey);
    let granted: ReadonlySet<string> | undefined;
    const history = createCallHistory(store, options.history);
    const kit: ExplorerKit = {
      options,
      openapi: () => documents.load(options.openapi),
      grantedScopes: () => (granted ??= new Set(ctx.manifest().scopes)),
      installations: ctx.inject(installationsKey),
      clients: ctx.inject(clockifyClientsKey),
      history,
      presets: createPresetStore(store),
      takeExecution: createExecuteLimiter(options.rateLimit, config.redis.url ? ctx.inject(redisKey) : undefined),
      metrics: createExplorerMetrics(ctx.metrics),
      log,
    };
    // ADMINS puts every route behind the admin policy: reads use the installation token's owner rights.
    const auth = options.accessLevel === 'ADMINS' ? 'admin' : 'user';
    for (const { method, path, handler, bodyLimit } of explorerRoutes('/ui/api-explorer', kit))
      ctx.route(method, path, handler, { auth, bodyLimit });
    // The page and the component modules are static and hold no data: every call they make carries the user token.
    ctx.route('GET', '/ui/assets/:file', serveUiAssets(), { auth: 'none' });
    if (options.sidebar.enabled) {
      const page = createSidebarPage(options.sidebar.label, config.plugins);
      ctx.route('GET', options.sidebar.path, page, { auth: 'none', middleware: [uiSecurityHeaders()] });
    }
    // Uninstalled: the workspace's calls and presets go with it (PLATFORM.md §4).
    ctx.lifecycle.on('DELETED', async (_payload, { workspaceId }) => {
      await Promise.all([history.purgeWorkspace(workspaceId), kit.presets.purgeWorkspace(workspaceId)]);
    });
    const { retentionDays, purgeIntervalMs } = options.history;
    const retention = createRetention({
      purgeBefore: (cutoff) => history.purgeBefore(cutoff),
      days: retentionDays,
      intervalMs: purgeIntervalMs,
      log,
      what: 'explorer history',
    });
    ctx.onReady(() => retention.start());
    ctx.onClose(() => retention.stop());
  },
});
