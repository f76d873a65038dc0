import { OpType } from '@karmabot/contracts';
import { changeOrderStatus } from './handlers/change-order-status.op';
import { createApiKey } from './handlers/create-api-key.op';
import { issueLinkCode } from './handlers/issue-link-code.op';
import { linkTelegram } from './handlers/link-telegram.op';
import { placeOrder } from './handlers/place-order.op';
import { recordModeEvent } from './handlers/record-mode-event.op';
import { registerTelegramCustomer } from './handlers/register-telegram-customer.op';
import { registerWebsiteCustomer } from './handlers/register-website-customer.op';
import { revokeApiKey } from './handlers/revoke-api-key.op';
import { updateProfile } from './handlers/update-profile.op';
import { OpHandler } from './op-handler';

/** The handler of every op type; the mapped type makes a missing one a compile error. */
export const OP_HANDLERS: { readonly [T in OpType]: OpHandler<T> } = {
  'customer.register_telegram': registerTelegramCustomer,
  'customer.register_website': registerWebsiteCustomer,
  'customer.update_profile': updateProfile,
  'customer.link_telegram': linkTelegram,
  'link_code.issue': issueLinkCode,
  'order.place': placeOrder,
  'order.status_change': changeOrderStatus,
  'api_key.create': createApiKey,
  'api_key.revoke': revokeApiKey,
  'mode_event.record': recordModeEvent,
};
