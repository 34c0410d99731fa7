import type { AddonConfig, AddonHandler } from '../../runtime/index.js';

/** A tool the sidebar can show, with the plugin that serves its API and that API's path. */
interface SidebarTool {
  name: string;
  attribute?: string;
  plugin: string;
  defaultPath?: string;
}

const TOOLS: readonly SidebarTool[] = [
  { name: 'explorer', plugin: 'explorer' },
  { name: 'bootstrap', plugin: 'bootstrap', attribute: 'bootstrap-path', defaultPath: '/admin/bootstrap' },
  { name: 'webhooks', plugin: 'webhooks', attribute: 'webhooks-path', defaultPath: '/admin/webhooks' },
];

/** Subscription health is the lifecycle plugin's route, shown by the webhooks tool. */
const HEALTH = { plugin: 'lifecycle', option: 'healthPath', attribute: 'health-path', defaultPath: '/admin/webhooks/health' };

/**
 * The sidebar page: a static shell that loads the `<addon-kit-sidebar>` module and shows the tools whose plugins this
 * add-on loads. It holds no data and no token (the token stays in the iframe's URL, read by the script; its calls carry
 * it as a bearer token), so it needs none to load: an expired token reaches the page and gets the page's "expired"
 * screen instead of a bare 401.
 */
export function createSidebarPage(label: string, plugins: AddonConfig['plugins']): AddonHandler {
  const loaded = new Map(plugins.map((entry) => [entry.use, entry.options ?? {}]));
  const tools = TOOLS.filter((tool) => loaded.has(tool.plugin));
  const paths = tools
    .filter((tool) => tool.attribute)
    .map((tool) => ` ${tool.attribute}="${escapeHtml(String(loaded.get(tool.plugin)?.adminPath ?? tool.defaultPath))}"`)
    .join('');
  const health =
    loaded.has('webhooks') && loaded.has(HEALTH.plugin)
      ? ` ${HEALTH.attribute}="${escapeHtml(String(loaded.get(HEALTH.plugin)?.[HEALTH.option] ?? HEALTH.defaultPath))}"`
      : '';
  const title = escapeHtml(label);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<script type="module" src="/ui/assets/sidebar.js"></script>
</head>
<body>
<addon-kit-sidebar label="${title}" tools="${tools.map((tool) => tool.name).join(' ')}"${paths}${health}>
<noscript>This page needs JavaScript.</noscript>
</addon-kit-sidebar>
</body>
</html>
`;
  return async function sidebarPage(c) {
    c.header('cache-control', 'no-store');
    return c.html(html);
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
