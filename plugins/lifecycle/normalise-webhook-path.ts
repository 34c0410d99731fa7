/**
 * The manifest path a webhook entry of the INSTALLED body stands for. Clockify's example sends the full URL
 * (`https://example.com/webhook`) where its docs describe the manifest path (PLATFORM.md §4, §9.3), so both
 * are accepted: a URL keeps only its path, and the base URL's own path prefix is removed, because the
 * manifest's paths are relative to `baseUrl` and the webhook route looks its token up by that path.
 */
export function normaliseWebhookPath(pathOrUrl: string, baseUrl: string): string {
  const basePath = trimSlashes(new URL(baseUrl).pathname);
  let path = isAbsoluteUrl(pathOrUrl) ? new URL(pathOrUrl).pathname : (pathOrUrl.split(/[?#]/)[0] ?? '');
  path = `/${trimSlashes(path)}`;
  if (basePath && (path === `/${basePath}` || path.startsWith(`/${basePath}/`))) path = path.slice(basePath.length + 1) || '/';
  return path;
}

/** Webhook tokens keyed by normalised path; when two entries share a path the last one wins, as a repeated INSTALLED would. */
export function webhookTokensByPath(
  webhooks: readonly { path: string; authToken: string }[] = [],
  baseUrl: string,
): Record<string, string> {
  return Object.fromEntries(webhooks.map((webhook) => [normaliseWebhookPath(webhook.path, baseUrl), webhook.authToken]));
}

function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
