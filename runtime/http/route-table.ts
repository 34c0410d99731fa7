import { TrieRouter } from 'hono/router/trie-router';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Every route the add-on serves, by method and pattern: detects two plugins claiming the same route,
 * and tells a 404 (no such path) from a 405 (the path exists for other methods) with the `Allow` list.
 */
export class RouteTable {
  #router = new TrieRouter<HttpMethod>();
  #keys = new Set<string>();

  /** False when the method and path are already taken. */
  add(method: HttpMethod, path: string): boolean {
    const key = `${method} ${path}`;
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    this.#router.add(method, path, method);
    return true;
  }

  allowedMethods(path: string): HttpMethod[] {
    const allowed = new Set<HttpMethod>();
    for (const method of HTTP_METHODS) {
      const [matches] = this.#router.match(method, path);
      if (matches.length > 0) allowed.add(method);
    }
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed];
  }
}
