import { createServer, Server, Socket, connect } from 'node:net';

export type TcpProxyMode = 'forward' | 'refuse' | 'blackhole';

export interface TcpProxy {
  /** The loopback port clients connect to. */
  port: number;
  readonly mode: TcpProxyMode;
  /** Connections open through the proxy right now. */
  readonly openConnections: number;
  /** Like a server that went away: open connections are reset and new ones refused (ECONNREFUSED). */
  refuse(): Promise<void>;
  /** Resets every open connection (RST) but keeps accepting new ones: a network blip. */
  drop(): void;
  /**
   * A dead peer that never answers: nothing is forwarded any more in either direction and no
   * RST or FIN is sent; new connections are accepted and then hear nothing. Only timeouts notice.
   */
  blackhole(): void;
  /** Forwards again; connections that were blackholed are reset (their bytes were lost). */
  heal(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  blackholed: boolean;
}

/**
 * A TCP proxy on a free loopback port in front of `targetPort`, for tests that cut the network
 * between an app and a store the way a real outage does: refused, reset, or silently dropped.
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let mode: TcpProxyMode = 'forward';
  let server: Server = createServer(onConnection);
  let port = 0;

  function onConnection(client: Socket) {
    client.setNoDelay(true);
    const upstream = connect({ port: targetPort, host: targetHost });
    upstream.setNoDelay(true);
    const pair: Pair = { client, upstream, blackholed: mode === 'blackhole' };
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (!pair.blackholed && !to.destroyed) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const close = (other: Socket) => () => {
      // A blackholed peer tells nothing, not even that the other side went away; the pair stays
      // listed so heal() or close() can end what is left of it.
      if (pair.blackholed) return;
      pairs.delete(pair);
      other.destroy();
    };
    client.on('close', close(upstream));
    upstream.on('close', close(client));
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  }

  const listen = (onPort: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: onPort, host: '127.0.0.1' }, () => {
        server.off('error', reject);
        const address = server.address();
        port = typeof address === 'object' && address ? address.port : onPort;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  const resetAll = () => {
    for (const pair of [...pairs]) {
      pairs.delete(pair);
      pair.client.resetAndDestroy();
      pair.upstream.destroy();
    }
  };

  await listen(0);
  return {
    get port() {
      return port;
    },
    get mode() {
      return mode;
    },
    get openConnections() {
      return pairs.size;
    },
    refuse: async () => {
      mode = 'refuse';
      await stopListening();
      resetAll();
    },
    drop: resetAll,
    blackhole: () => {
      mode = 'blackhole';
      for (const pair of pairs) pair.blackholed = true;
    },
    heal: async () => {
      for (const pair of [...pairs]) {
        if (!pair.blackholed) continue;
        pairs.delete(pair);
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      }
      if (mode === 'refuse') {
        server = createServer(onConnection);
        await listen(port);
      }
      mode = 'forward';
    },
    close: async () => {
      resetAll();
      await stopListening();
    },
  };
}
