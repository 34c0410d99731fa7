import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { AddonError } from '../errors/index.js';

export interface ListeningServer {
  readonly port: number;
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish (up to `timeoutMs`), then drops what is left. */
  close(timeoutMs: number): Promise<void>;
}

/** Listens with Node's HTTP server; a port in use or a bad host is a coded boot error. */
export async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  { port, host }: { port: number; host: string },
): Promise<ListeningServer> {
  const server = createAdaptorServer({ fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) =>
      reject(new AddonError('SERVER_LISTEN_FAILED', `${host}:${port}: ${cause.message}; set PORT to a free port`, {}, { cause })),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port: address.port,
    url: `http://${shownHost}:${address.port}`,
    close: (timeoutMs) => closeGracefully(server, timeoutMs),
  };
}

function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    // A keep-alive connection turns idle when its in-flight response ends; sweep those so close() need not wait
    // for the keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
