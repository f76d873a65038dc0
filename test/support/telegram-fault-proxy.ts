import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One Bot API call as the proxy saw it. */
export interface ProxiedCall {
  method: string;
  /** Parsed JSON body (or query parameters). */
  body: Record<string, unknown>;
  /** `chat_id` of the call, as a string, when it has one. */
  chatId: string | null;
  at: number;
  /** What the bot got: the upstream's status, or the injected fault's. */
  status: number;
  isInjected: boolean;
}

/** A Bot API error to answer instead of forwarding, `times` times (default once). */
export interface TelegramFault {
  method: string;
  chatId?: string | number;
  times?: number;
  status: number;
  description: string;
  retryAfterS?: number;
}

export interface TelegramFaultProxy {
  /** Give this to the bot as TELEGRAM_API_ROOT. */
  apiRoot: string;
  /** Give this to the bot as TELEGRAM_WEBHOOK_URL: updates for it are relayed to `setRelayTarget`. */
  webhookRelayUrl: string;
  calls: ProxiedCall[];
  callsTo(method: string, chatId?: string | number): ProxiedCall[];
  /** Answers the next matching calls with a Bot API error (429 with retry_after, 403 blocked, 401…). */
  fail(fault: TelegramFault): void;
  /** While on, every call fails at the socket, as if the network were down. */
  setNetworkDown(isDown: boolean): void;
  /** Adds raw updates to the next getUpdates answer (edits, group messages, redeliveries…). */
  inject(...updates: object[]): void;
  /** Where relayed webhook deliveries go, with the secret token the bot registered by setWebhook. */
  setRelayTarget(url: string): void;
  /** The secret_token the bot passed to setWebhook, if any. */
  readonly webhookSecret: string | null;
  stop(): Promise<void>;
}

/**
 * An HTTP proxy between the bot and telegram-test-api that does what the emulator cannot:
 * answer 429 with retry_after or 403 "blocked by the user", fail the network, hand the bot
 * updates the emulator never produces (edited messages, group messages, a redelivered update),
 * and relay webhook deliveries with the X-Telegram-Bot-Api-Secret-Token header Telegram adds.
 */
export async function startTelegramFaultProxy(upstream: string): Promise<TelegramFaultProxy> {
  const calls: ProxiedCall[] = [];
  const faults: (TelegramFault & { left: number })[] = [];
  const injected: object[] = [];
  let isNetworkDown = false;
  let relayTarget: string | null = null;
  let webhookSecret: string | null = null;

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: false, error_code: 502, description: `proxy: ${error.message}` }));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (isNetworkDown) {
      request.socket.destroy();
      return;
    }
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://proxy');
    if (url.pathname === '/relay/webhook') return relay(raw, response);

    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const method = match?.[2] ?? url.pathname;
    const body = parseBody(raw, request.headers['content-type'], url);
    const chatId = body.chat_id === undefined ? null : String(body.chat_id);
    if (method === 'setWebhook')
      webhookSecret = typeof body.secret_token === 'string' ? body.secret_token : null;

    const fault = faults.find(
      (f) => f.left > 0 && f.method === method && (f.chatId === undefined || String(f.chatId) === chatId),
    );
    if (fault) {
      fault.left -= 1;
      calls.push({ method, body, chatId, at: Date.now(), status: fault.status, isInjected: true });
      const answer: Record<string, unknown> = {
        ok: false,
        error_code: fault.status,
        description: fault.description,
      };
      if (fault.retryAfterS !== undefined) answer.parameters = { retry_after: fault.retryAfterS };
      response.writeHead(fault.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
      return;
    }

    const forwarded = await fetch(upstream + url.pathname + url.search, {
      method: request.method,
      headers: { 'content-type': String(request.headers['content-type'] ?? 'application/json') },
      body: request.method === 'GET' ? undefined : raw,
    });
    let text = await forwarded.text();
    if (method === 'getUpdates' && injected.length && forwarded.ok) {
      const answer = JSON.parse(text) as { ok: boolean; result: object[] };
      answer.result = [...injected.splice(0), ...answer.result];
      text = JSON.stringify(answer);
    }
    calls.push({ method, body, chatId, at: Date.now(), status: forwarded.status, isInjected: false });
    response.writeHead(forwarded.status, { 'content-type': 'application/json' });
    response.end(text);
  }

  async function relay(raw: Buffer, response: ServerResponse) {
    if (!relayTarget) {
      response.writeHead(503).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (webhookSecret) headers['x-telegram-bot-api-secret-token'] = webhookSecret;
    const delivered = await fetch(relayTarget, { method: 'POST', headers, body: raw });
    response.writeHead(delivered.status, { 'content-type': 'application/json' });
    response.end(await delivered.text());
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const root = `http://127.0.0.1:${port}`;
  return {
    apiRoot: root,
    webhookRelayUrl: `${root}/relay/webhook`,
    calls,
    callsTo: (method, chatId) =>
      calls.filter((c) => c.method === method && (chatId === undefined || c.chatId === String(chatId))),
    fail: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    setNetworkDown: (isDown) => {
      isNetworkDown = isDown;
    },
    inject: (...updates) => injected.push(...updates),
    setRelayTarget: (url) => {
      relayTarget = url;
    },
    get webhookSecret() {
      return webhookSecret;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string | undefined, url: URL): Record<string, unknown> {
  if (raw.length && contentType?.includes('json')) {
    try {
      return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return { raw: raw.toString('utf8') };
    }
  }
  return Object.fromEntries(url.searchParams.entries());
}
