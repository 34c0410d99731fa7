import type { AddonHandler } from '../../runtime/index.js';

/**
 * The sidebar page until the explorer's web UI is served here: a static page, no script, no token in it (the token
 * stays in the iframe's URL, which `Referrer-Policy: no-referrer` keeps from leaking).
 */
export function createSidebarPage(label: string): AddonHandler {
  const title = escapeHtml(label);
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
<main>
<h1>${title}</h1>
<p>Browse the Clockify API operations this add-on knows and try them on your workspace.</p>
<p>The interactive explorer is not installed yet; its JSON API answers at <code>/ui/api-explorer/endpoints</code>.</p>
</main>
</body>
</html>
`;
  return async function sidebarPage(c) {
    return c.html(html);
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
