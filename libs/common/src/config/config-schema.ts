/**
 * The one list of settings. Every app reads its typed config from here; README's table and
 * `.env.example` are checked against it by a test, so a new variable is added here first.
 */
export type VarType = 'string' | 'int' | 'url' | 'bool' | 'enum' | 'secret';

export interface VarSpec {
  type: VarType;
  default?: string;
  /** Allowed values for `enum`. */
  values?: readonly string[];
  min?: number;
  max?: number;
  description: string;
}

export const CONFIG_SCHEMA = {
  NODE_ENV: {
    type: 'enum',
    values: ['development', 'test', 'production'],
    default: 'development',
    description: 'Runtime environment; production refuses generated secrets',
  },
  LOG_LEVEL: {
    type: 'enum',
    values: ['debug', 'info', 'warn', 'error'],
    default: 'info',
    description: 'Lowest level written to the JSON log',
  },
  DATABASE_URL: {
    type: 'url',
    default: 'postgres://postgres@127.0.0.1:5432/karmabot',
    description: 'Primary PostgreSQL',
  },
  BACKUP_DATABASE_URL: {
    type: 'url',
    default: 'postgres://postgres@127.0.0.1:5432/karmabot_backup',
    description: "Backup PostgreSQL (or the Supabase project's Postgres URL)",
  },
  SUPABASE_URL: {
    type: 'string',
    default: '',
    description: 'Supabase project URL; when set with SUPABASE_KEY the backup is reached through supabase-js',
  },
  SUPABASE_KEY: { type: 'secret', default: '', description: 'Supabase service_role key' },
  DB_POOL_SIZE: {
    type: 'int',
    default: '8',
    min: 1,
    max: 200,
    description: 'Connections per store in the persistence app',
  },
  DB_CONNECT_TIMEOUT_MS: {
    type: 'int',
    default: '3000',
    min: 100,
    description: 'Give up connecting to a store after this long',
  },
  DB_STATEMENT_TIMEOUT_MS: {
    type: 'int',
    default: '5000',
    min: 100,
    description: 'PostgreSQL statement_timeout for every store call',
  },
  REDIS_URL: {
    type: 'url',
    default: 'redis://127.0.0.1:6379',
    description: 'Redis for RPC, queues, rate limits and caches',
  },
  REDIS_PREFIX: {
    type: 'string',
    default: 'karmabot:',
    description:
      'Prefix of every Redis key, channel and queue, so suites sharing a Redis never hear each other',
  },
  TRANSPORT: { type: 'enum', values: ['redis'], default: 'redis', description: 'Inter-app transport' },
  RPC_TIMEOUT_MS: {
    type: 'int',
    default: '5000',
    min: 50,
    description: 'An RPC between apps fails with 503 after this long',
  },
  GATEWAY_PORT: {
    type: 'int',
    default: '8000',
    min: 0,
    max: 65535,
    description: 'Public HTTP port of the api-gateway',
  },
  GATEWAY_HOST: { type: 'string', default: '0.0.0.0', description: 'Address the api-gateway listens on' },
  ADAPTERS_HTTP_PORT: {
    type: 'int',
    default: '8001',
    min: 0,
    max: 65535,
    description: 'platform-adapters health and metrics port',
  },
  PERSISTENCE_HTTP_PORT: {
    type: 'int',
    default: '8002',
    min: 0,
    max: 65535,
    description: 'persistence health and metrics port',
  },
  MONITOR_HTTP_PORT: {
    type: 'int',
    default: '8003',
    min: 0,
    max: 65535,
    description: 'monitor health and metrics port',
  },
  ADAPTERS_URL: {
    type: 'string',
    default: '',
    description:
      "Base URL where the gateway reaches platform-adapters' /readyz for /v1/admin/status; empty means http://127.0.0.1:ADAPTERS_HTTP_PORT",
  },
  PERSISTENCE_URL: {
    type: 'string',
    default: '',
    description:
      "Base URL where the gateway reaches persistence's /readyz for /v1/admin/status; empty means http://127.0.0.1:PERSISTENCE_HTTP_PORT",
  },
  MONITOR_URL: {
    type: 'string',
    default: '',
    description:
      "Base URL where the gateway reaches monitor's /readyz for /v1/admin/status; empty means http://127.0.0.1:MONITOR_HTTP_PORT",
  },
  ADMIN_TOKEN: {
    type: 'secret',
    default: '',
    description: 'Bearer token for /v1/admin routes; npm start generates one in development when unset',
  },
  API_KEY_PEPPER: {
    type: 'secret',
    default: '',
    description:
      'Server-side secret mixed into API-key and link-code hashes; generated in development when unset',
  },
  JWT_SECRET: {
    type: 'secret',
    default: '',
    description: 'Signs end-user JWTs for website, mobile and desktop',
  },
  RATE_LIMIT_PER_MINUTE: {
    type: 'int',
    default: '600',
    min: 1,
    description: 'Default requests per minute for one API key',
  },
  BODY_LIMIT_BYTES: {
    type: 'int',
    default: '102400',
    min: 1024,
    description: 'Largest accepted request body',
  },
  IDEMPOTENCY_RETENTION_DAYS: {
    type: 'int',
    default: '7',
    min: 1,
    description: 'How long a finished op answers replays of its Idempotency-Key',
  },
  LOYALTY_POINTS_PER_UNIT: {
    type: 'int',
    default: '1',
    min: 0,
    max: 1000,
    description: 'Points earned per whole currency unit paid',
  },
  TELEGRAM_BOT_TOKEN: {
    type: 'secret',
    default: '',
    description: 'Bot API token; the bot runs only when set (also verifies Telegram Login Widget data)',
  },
  TELEGRAM_API_ROOT: {
    type: 'string',
    default: 'https://api.telegram.org',
    description: 'Bot API server root',
  },
  TELEGRAM_WEBHOOK_URL: {
    type: 'string',
    default: '',
    description: 'Public webhook URL; polling is used when unset',
  },
  TELEGRAM_WEBHOOK_SECRET: {
    type: 'secret',
    default: '',
    description: 'Checked against X-Telegram-Bot-Api-Secret-Token',
  },
  ALERT_TELEGRAM_CHAT_ID: { type: 'string', default: '', description: 'Chat that receives alerts' },
  SMTP_URL: {
    type: 'string',
    default: '',
    description: 'SMTP server for email alerts, e.g. smtp://user:pass@host:587',
  },
  ALERT_EMAIL_TO: { type: 'string', default: '', description: 'Recipients of email alerts, comma-separated' },
  WRITE_CONCERN: {
    type: 'enum',
    values: ['primary', 'both'],
    default: 'primary',
    description: 'Acknowledge a write once one store holds it, or only when both do',
  },
  REPLICATION_BATCH_SIZE: {
    type: 'int',
    default: '500',
    min: 1,
    max: 10000,
    description: 'Ops the replicator copies per transaction on the other store',
  },
  REPLICATION_POLL_MS: {
    type: 'int',
    default: '150',
    min: 10,
    description:
      'How often the replicator looks for new ops when it has caught up (at once while a batch was full)',
  },
  RECONCILE_INTERVAL_MS: {
    type: 'int',
    default: '60000',
    min: 0,
    description:
      'How often both op logs are compared and what each store lacks is copied; 0 turns the periodic run off',
  },
  RECONCILE_SAFETY_WINDOW_MS: {
    type: 'int',
    default: '600000',
    min: 0,
    description: 'How far before its last run reconciliation compares the op logs again (late commits)',
  },
  CACHE_SIZE: { type: 'int', default: '10000', min: 0, description: 'Entries in the persistence read cache' },
  PROBE_INTERVAL_MS: { type: 'int', default: '1000', min: 50, description: 'How often each store is probed' },
  ALLOW_VOLATILE_QUEUE: {
    type: 'bool',
    default: 'false',
    description:
      'Development only: let CACHE_ONLY queue writes in a Redis without AOF appendfsync always and noeviction (they may be lost in a Redis crash)',
  },
  GROUP_COMMIT_WINDOW_MS: {
    type: 'int',
    default: '2',
    min: 0,
    max: 100,
    description: 'How long persistence waits to gather ops into one transaction',
  },
  SHUTDOWN_GRACE_MS: {
    type: 'int',
    default: '10000',
    min: 0,
    description: 'How long SIGTERM waits for in-flight requests',
  },
  TELEGRAM_CATALOGUE_PATH: {
    type: 'string',
    default: '',
    description:
      "JSON file with the bot's /order catalogue (currency and items); empty means TELEGRAM_CATALOGUE, then the built-in catalogue",
  },
  TELEGRAM_CATALOGUE: {
    type: 'string',
    default: '',
    description: "The bot's /order catalogue as inline JSON, used when TELEGRAM_CATALOGUE_PATH is empty",
  },
  TELEGRAM_POLLING_LOCK_TTL_MS: {
    type: 'int',
    default: '5000',
    min: 1000,
    description:
      'Expiry of the Redis lock that elects the one polling replica; renewed every third of it, so a standby takes over within about this long',
  },
  TELEGRAM_POLL_TIMEOUT_S: {
    type: 'int',
    default: '25',
    min: 0,
    max: 50,
    description: 'Long-poll timeout of getUpdates',
  },
  TELEGRAM_LAUNCH_RETRY_MAX_MS: {
    type: 'int',
    default: '60000',
    min: 100,
    description:
      'Longest pause between attempts to launch the bot (bad token, network); attempts back off exponentially up to it',
  },
  TELEGRAM_PUSH_PER_SECOND: {
    type: 'int',
    default: '30',
    min: 1,
    max: 1000,
    description: 'Push notifications sent per second over all chats (Telegram allows about 30)',
  },
  TELEGRAM_PUSH_CHAT_INTERVAL_MS: {
    type: 'int',
    default: '1000',
    min: 0,
    description: 'Least time between two push notifications to one chat (Telegram allows about one a second)',
  },
} as const satisfies Record<string, VarSpec>;

export type ConfigKey = keyof typeof CONFIG_SCHEMA;
