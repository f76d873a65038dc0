import { ApiKeyScope, Platform } from '../platforms';
import { OrderItem, OrderStatus } from '../orders';
import { BreakerState, StoreMode } from '../failover/store-mode';

/**
 * Every write is an op: one of these types with its payload. The payload is what the op
 * decided at the edge (a hashed password, a derived id), never a secret in clear.
 */
export interface OpPayloads {
  'customer.register_telegram': {
    telegramId: string;
    username?: string;
    firstName?: string;
    languageCode?: string;
  };
  'customer.register_website': {
    email: string;
    passwordHash: string;
    displayName?: string;
  };
  'customer.update_profile': {
    customerId: string;
    /** When set, the op applies only if the customer is still at this version (If-Match). */
    expectedVersion?: number;
    changes: { displayName?: string | null; phone?: string | null; locale?: string | null };
  };
  /**
   * Links one Telegram account and one customer. A link needs both sides established: the
   * caller's own side, which its authenticated request names (the website's customer, or the
   * Telegram account whose update Telegram authenticated), and the other side, which `proof`
   * establishes: a one-time code issued FOR that other side (consumed inside the same
   * transaction as the link), or, for the website, Telegram Login data verified at the edge,
   * leaving only the account it proves. A code issued for the caller's own side proves nothing.
   */
  'customer.link_telegram':
    | {
        /** The website side: the customer whose signed-in request asks to link. */
        customerId: string;
        telegramId?: never;
        proof: { kind: 'code'; codeHash: string } | { kind: 'telegram_auth'; telegramId: string };
      }
    | {
        /** The Telegram side: the sender of the update, authenticated by Telegram. */
        telegramId: string;
        customerId?: never;
        /** A code the website issued for its customer. */
        proof: { kind: 'code'; codeHash: string };
      };
  /** A one-time code issued FOR one side (exactly one of the two ids), to be used by the other. */
  'link_code.issue':
    | { telegramId: string; customerId?: never; codeHash: string; expiresAt: string }
    | { customerId: string; telegramId?: never; codeHash: string; expiresAt: string };
  'order.place': {
    customerId: string;
    platform: Platform;
    partnerId?: string;
    items: OrderItem[];
    currency: string;
    redeemPoints?: number;
    pointsPerUnit: number;
  };
  'order.status_change': {
    orderId: string;
    status: OrderStatus;
    reason?: string;
  };
  'api_key.create': {
    keyId: string;
    prefix: string;
    secretHash: string;
    name: string;
    scopes: ApiKeyScope[];
    rateLimitPerMinute?: number;
  };
  'api_key.revoke': {
    keyId: string;
  };
  /** A change of the store mode, written through an op so it replicates like every other row. */
  'mode_event.record': {
    from: StoreMode | null;
    to: StoreMode;
    reason: string;
    primaryState: BreakerState;
    backupState: BreakerState;
    decidedBy: string;
    fencingToken: number;
  };
}

export type OpType = keyof OpPayloads;

export const OP_TYPES = [
  'customer.register_telegram',
  'customer.register_website',
  'customer.update_profile',
  'customer.link_telegram',
  'link_code.issue',
  'order.place',
  'order.status_change',
  'api_key.create',
  'api_key.revoke',
  'mode_event.record',
] as const satisfies readonly OpType[];
