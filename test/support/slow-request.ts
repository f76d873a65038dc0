import { connect, Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface SlowRequest {
  /** Sends the rest of the body and resolves with the whole response. */
  finish(): Promise<RawResponse>;
  /** The server's answer, whenever it comes (even before finish(), e.g. a 503 or a reset). */
  response: Promise<RawResponse>;
  /** Closes the connection; until then it stays open, as a keep-alive client would keep it. */
  close(): void;
}

/**
 * A request kept in flight on purpose: headers and half the body are sent now, the rest on
 * finish(). Until then the server holds an unfinished request, whatever the route does, which is
 * what a graceful-shutdown test needs.
 */
export async function startSlowRequest(
  baseUrl: string,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<SlowRequest> {
  const url = new URL(path, baseUrl);
  const payload = Buffer.from(JSON.stringify(body));
  const half = Math.floor(payload.length / 2);
  const head = [
    `${method} ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
    'content-type: application/json',
    `content-length: ${payload.length}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect({ host: url.hostname, port: Number(url.port) }, () => resolve(s));
    s.once('error', reject);
  });
  const response = readResponse(socket);
  response.catch(() => undefined); // a test that never awaits it must not fail on an unhandled rejection
  socket.write(`${head}\r\n\r\n`);
  socket.write(payload.subarray(0, half));
  return {
    response,
    finish: async () => {
      socket.write(payload.subarray(half));
      return response;
    },
    close: () => socket.destroy(),
  };
}

function readResponse(socket: Socket): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const tryParse = () => {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...headerLines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (buffer.length - end - 4 < length) return;
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: buffer.subarray(end + 4, end + 4 + length).toString('utf8'),
      });
    };
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      tryParse();
    });
    socket.once('error', reject);
    socket.once('close', () =>
      reject(new Error(`connection closed before a full response: ${buffer.toString()}`)),
    );
  });
}
