import { CreateCustomers1767225600000 } from './1767225600000-create-customers';
import { CreateOrdersAndLedger1767225600001 } from './1767225600001-create-orders-and-ledger';
import { CreateOps1767225600002 } from './1767225600002-create-ops';
import { CreateApiKeysAndLinkCodes1767225600003 } from './1767225600003-create-api-keys-and-link-codes';
import { RecordOpEffects1767225600010 } from './1767225600010-record-op-effects';
import { CreateReplicationFunctions1767225600011 } from './1767225600011-create-replication-functions';
import { CreateModeEvents1767225600040 } from './1767225600040-create-mode-events';
import { LinkCodesForCustomers1767225600050 } from './1767225600050-link-codes-for-customers';

/**
 * Every migration, listed by class rather than found by a file glob, so the compiled runner,
 * ts-node-free tests and a bundled image all run exactly the same list.
 */
export const ALL_MIGRATIONS = [
  CreateCustomers1767225600000,
  CreateOrdersAndLedger1767225600001,
  CreateOps1767225600002,
  CreateApiKeysAndLinkCodes1767225600003,
  RecordOpEffects1767225600010,
  CreateReplicationFunctions1767225600011,
  CreateModeEvents1767225600040,
  LinkCodesForCustomers1767225600050,
];
