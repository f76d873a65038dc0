import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface HttpStub {
  port: number;
  requests: string[];
  close(): Promise<void>;
}

/** A loopback HTTP server answering every request with one status, remembering the paths asked. */
export async function startHttpStub(status: number): Promise<HttpStub> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
