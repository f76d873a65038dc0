import {
  ApiKeyView,
  LinkCodeIssueResult,
  LinkTelegramResult,
  ModeEventView,
  OpType,
  OrderResult,
  RegisterCustomerResult,
  UpdateProfileResult,
} from '@karmabot/contracts';

/** What each op type stores in `ops.result` and answers in `OpOutcome.result` when applied. */
export interface OpResults {
  'customer.register_telegram': RegisterCustomerResult;
  'customer.register_website': RegisterCustomerResult;
  'customer.update_profile': UpdateProfileResult;
  'customer.link_telegram': LinkTelegramResult;
  'link_code.issue': LinkCodeIssueResult;
  'order.place': OrderResult;
  'order.status_change': OrderResult;
  'api_key.create': ApiKeyView;
  'api_key.revoke': ApiKeyView;
  'mode_event.record': ModeEventView;
}

// Fails to compile when an op type is added to the contracts without a result here.
type _EveryOpHasAResult = OpResults[OpType];
