import { LedgerBucket, LedgerKind, LoyaltyTier, OrderStatus, Platform } from '@karmabot/contracts';
import { Locale } from './locale';

/** One line of an order as the bot shows it: `2 × Coffee — $7.00`. */
export interface LineText {
  qty: number;
  name: string;
  amount: string;
}

/**
 * Every text the bot sends, per language. Functions take what varies; money arrives already
 * formatted for the language. Plain text (no parse mode), so user-given names need no escaping.
 */
export interface BotMessages {
  locale: Locale;
  languageName: string;

  buttons: {
    order: string;
    orders: string;
    loyalty: string;
    profile: string;
    link: string;
    language: string;
    help: string;
    checkout: string;
    confirm: string;
    edit: string;
    cancel: string;
    back: string;
    newCode: string;
  };

  welcomeNew(name: string): string;
  welcomeBack(name: string): string;
  welcomeQueued(name: string): string;
  startHint: string;
  menu: string;
  help: string;

  chooseItem: string;
  itemButton(name: string, price: string): string;
  cart(lines: LineText[], total: string): string;
  askQuantity(name: string, price: string): string;
  quantityInvalid(max: number): string;
  confirmOrder(lines: LineText[], total: string, points: number): string;
  orderPlaced(orderId: string, total: string, points: number): string;
  orderQueued(reference: string, total: string, points: number): string;
  orderQueuedApplied(orderId: string, total: string, points: number): string;
  orderRejected(reason: string): string;
  orderCancelled: string;
  cartEmpty: string;
  buttonExpired: string;

  ordersEmpty: string;
  ordersTitle(count: number): string;
  orderLine(index: number, shortId: string, date: string, total: string, status: string): string;
  orderStatus: Record<OrderStatus, string>;

  loyalty(summary: { balance: number; pending: number; tier: string; lifetime: number }): string;
  loyaltyRecentTitle: string;
  loyaltyNoEntries: string;
  loyaltyEntry(points: number, kind: string, bucket: string, date: string): string;
  tiers: Record<LoyaltyTier, string>;
  ledgerKinds: Record<LedgerKind, string>;
  buckets: Record<LedgerBucket, string>;

  linkCode(code: string, minutes: number): string;
  linkCodeReplayed: string;
  linkCodeQueued(code: string, minutes: number): string;
  /** The account was linked with a code from the website; `email` is the website account's. */
  linked(email: string | null): string;
  linkQueued: string;
  linkCodeInvalid(minutes: number): string;
  linkRefused: string;

  profile(p: {
    name: string;
    email: string | null;
    phone: string | null;
    platforms: string;
    since: string;
  }): string;
  notLinked: string;
  platforms: Record<Platform, string>;

  chooseLanguage: string;
  languageSet: string;

  pushOrderStatus(shortId: string, status: string, total: string): string;
  pushPointsAvailable(points: number): string;
  pushPointsReversed(points: number): string;
  pushPointsRestored(points: number): string;
  pushOrderPlacedElsewhere(shortId: string, platform: string, total: string, points: number): string;
  pushBalance(balance: number, pending: number): string;

  unknownCommand: string;
  freeText: string;
  tooLong: string;
  groupHint(botUsername: string): string;
  unsupportedMessage: string;

  unavailable: string;
  failed(reference: string): string;
  notRegistered: string;
}
