import { CustomerRef, Platform, PlaceOrderCommand } from '@karmabot/contracts';
import { toCamelCase } from '../http/case-mapping';
import { WriteContext } from '../idempotency/write-context';
import { writeMetaOf } from '../ops/write-meta-of';
import { PlaceOrderBody } from './dto/place-order.body';

/** The one mapping of an order body to its command, shared by the Telegram, website and universal routes. */
export function placeOrderCommand(
  body: PlaceOrderBody,
  customer: CustomerRef,
  platform: Platform,
  write: WriteContext,
  partnerId?: string,
): PlaceOrderCommand {
  return {
    ...writeMetaOf(write),
    customer,
    platform,
    partnerId,
    items: toCamelCase(body.items),
    currency: body.currency,
    redeemPoints: body.redeem_points,
  };
}
