import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago: the kernel picks one for a listener on port 0, which
 * is closed again at once. Another process may take it in between; on loopback in a test run
 * that race is rare enough not to matter.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
