/** The sidebar's place, kept in the URL hash (`#/webhooks/dead`) so a reload (or a fresh token) keeps it. */
export interface HashRoute {
  tool: string;
  /** The rest of the path, owned by the tool. */
  rest: string;
}

export function readHashRoute(hash: string, tools: readonly string[]): HashRoute {
  const [tool = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const known = tools.includes(tool) ? tool : (tools[0] ?? '');
  return { tool: known, rest: known === tool ? rest.map(decodeURIComponent).join('/') : '' };
}

export function writeHashRoute({ tool, rest }: HashRoute): string {
  const tail = rest ? `/${rest.split('/').map(encodeURIComponent).join('/')}` : '';
  return `#/${tool}${tail}`;
}
