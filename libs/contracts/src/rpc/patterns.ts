/**
 * Every request/response message pattern between apps, in one place. Names are
 * dot-namespaced nouns then verbs. The transport prefixes each with REDIS_PREFIX.
 */
export const Patterns = {
  customer: {
    registerTelegram: 'customer.telegram.register',
    registerWebsite: 'customer.website.register',
    getByTelegramId: 'customer.telegram.get',
    getByEmail: 'customer.website.get',
    updateProfile: 'customer.profile.update',
    linkTelegram: 'customer.telegram.link',
    issueLinkCode: 'customer.link-code.issue',
    search: 'customer.search',
  },
  order: {
    place: 'order.place',
    get: 'order.get',
    changeStatus: 'order.status.change',
  },
  loyalty: {
    summary: 'loyalty.summary',
    unified: 'loyalty.unified',
  },
  apiKey: {
    create: 'api-key.create',
    revoke: 'api-key.revoke',
  },
  /** Served by platform-adapters: an op's state as its creator (or the admin) may see it. */
  opStatus: {
    get: 'op.status.get',
  },
  telegram: {
    /** A raw Bot API update the gateway's webhook received. */
    update: 'telegram.update',
  },
  /** Served by persistence, the only app that touches a database. */
  op: {
    apply: 'op.apply',
    get: 'op.get',
  },
  query: {
    customerByIdentity: 'query.customer.by-identity',
    customerById: 'query.customer.by-id',
    customerSearch: 'query.customer.search',
    orderById: 'query.order.by-id',
    orderList: 'query.order.list',
    loyaltyLedger: 'query.loyalty.ledger',
    apiKeyByPrefix: 'query.api-key.by-prefix',
  },
  store: {
    status: 'store.status',
    sync: 'store.sync',
  },
  health: {
    ping: 'health.ping',
  },
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
export type Pattern = Leaves<typeof Patterns>;
