import { createServer } from 'node:net';

/**
 * A port that was free a moment ago. The add-on's `baseUrl` must name its own port before it listens (the manifest
 * is built at boot), so port 0 cannot be used directly; callers retry if another process takes the port meanwhile.
 */
export function reservePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
