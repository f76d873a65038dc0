import { BotMessages, LineText } from './bot-messages';

const lines = (items: LineText[]) => items.map((l) => `• ${l.qty} × ${l.name} — ${l.amount}`).join('\n');
const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;

export const EN: BotMessages = {
  locale: 'en',
  languageName: 'English',

  buttons: {
    order: '🛒 Order',
    orders: '📦 My orders',
    loyalty: '⭐ Points',
    profile: '👤 Profile',
    link: '🔗 Link account',
    language: '🌐 Language',
    help: '❓ Help',
    checkout: '✅ Checkout',
    confirm: '✅ Confirm',
    edit: '✏️ Change',
    cancel: '✖️ Cancel',
    back: '⬅️ Back',
    newCode: '🔄 New code',
  },

  welcomeNew: (name) => `Welcome, ${name}! Your account is ready.`,
  welcomeBack: (name) => `Welcome back, ${name}!`,
  welcomeQueued: (name) =>
    `Welcome, ${name}! We are saving your account: our database is busy, it will be ready in a moment.`,
  startHint: 'Order with /order, see your points with /loyalty. /help lists everything I can do.',
  menu: 'What would you like to do?',
  help: [
    'What I can do:',
    '/order — place an order',
    '/orders — your last 10 orders',
    '/loyalty — your points, tier and recent entries',
    '/profile — your profile',
    '/link — a code to link this Telegram account with your website account; /link CODE uses a code from the website',
    '/lang — change the language',
    '/menu — the main menu',
    '/help — this list',
  ].join('\n'),

  chooseItem: 'Choose an item:',
  itemButton: (name, price) => `${name} — ${price}`,
  cart: (items, total) => `Your order:\n${lines(items)}\nTotal: ${total}\n\nAdd more, or check out.`,
  askQuantity: (name, price) => `How many ${name} (${price} each)? Pick a number or type one.`,
  quantityInvalid: (max) => `Please send a whole number from 1 to ${max}.`,
  confirmOrder: (items, total, n) =>
    `Please confirm your order:\n${lines(items)}\nTotal: ${total}\nPoints to earn: ${n}`,
  orderPlaced: (orderId, total, n) =>
    `✅ Order placed!\nOrder: ${orderId}\nTotal: ${total}\nPoints to earn: ${n} (credited once the order is paid)`,
  orderQueued: (reference, total, n) =>
    `⏳ Your order is queued: our database is unavailable right now, so it is not confirmed yet. ` +
    `It will be placed as soon as the database is back, and I will confirm it here.\n` +
    `Reference: ${reference}\nTotal: ${total}\nPoints to earn: ${n}`,
  orderQueuedApplied: (orderId, total, n) =>
    `✅ Your queued order is now placed.\nOrder: ${orderId}\nTotal: ${total}\nPoints to earn: ${n}`,
  orderRejected: (reason) => `❌ The order could not be placed: ${reason}`,
  orderCancelled: 'Order cancelled. Send /order to start again.',
  cartEmpty: 'Your order is empty: choose an item first.',
  buttonExpired: 'This button has expired. Send /order to start again.',

  ordersEmpty: 'You have no orders yet. Send /order to place one.',
  ordersTitle: (count) => `Your last ${count === 1 ? 'order' : `${count} orders`}:`,
  orderLine: (i, id, date, total, status) => `${i}. #${id} · ${date} · ${total} · ${status}`,
  orderStatus: {
    pending: 'pending',
    paid: 'paid',
    fulfilled: 'fulfilled',
    cancelled: 'cancelled',
    refunded: 'refunded',
  },

  loyalty: (s) =>
    `⭐ Your points\nBalance: ${points(s.balance)}\nPending: ${points(s.pending)}\nTier: ${s.tier}\n` +
    `Earned in total: ${points(s.lifetime)}`,
  loyaltyRecentTitle: 'Recent:',
  loyaltyNoEntries: 'No entries yet: your first order earns points.',
  loyaltyEntry: (n, kind, bucket, date) => `${n > 0 ? '+' : ''}${n} · ${kind} · ${bucket} · ${date}`,
  tiers: { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' },
  ledgerKinds: {
    earn: 'earned',
    redeem: 'redeemed',
    reverse: 'reversed',
    adjust: 'adjusted',
    expire: 'expired',
  },
  buckets: { pending: 'pending', available: 'available' },

  linkCode: (code, minutes) =>
    `🔗 Your link code: ${code}\n\nEnter it on the website (Profile → Link Telegram) within ${minutes} minutes ` +
    `to join this Telegram account with your website account. The code works once.`,
  linkCodeReplayed: 'This code was already shown and is not kept. Tap “New code” for another one.',
  linkCodeQueued: (code, minutes) =>
    `🔗 Your link code: ${code}\n\nOur database is busy, so the code starts working once it is back ` +
    `(within ${minutes} minutes). Enter it on the website (Profile → Link Telegram).`,
  linked: (email) =>
    `✅ Accounts linked: this Telegram account and ${email ? `the website account ${email}` : 'your website account'} ` +
    `are now one. Your orders and points from both are together.`,
  linkQueued:
    '⏳ Linking is queued: our database is unavailable right now. I will link the accounts as soon as it is ' +
    'back, if the code is valid.',
  linkCodeInvalid: (minutes) =>
    `❌ This code does not work: it may be mistyped, expired (codes last ${minutes} minutes) or already used. ` +
    `Get a new code on the website (Profile → Link Telegram) and send it here as /link CODE. ` +
    `(A code I show you with /link is for the website, not for me.)`,
  linkRefused:
    '❌ I could not link the accounts: one of them was already merged into another account. Please contact support.',

  profile: (p) =>
    `👤 Profile\nName: ${p.name}\nEmail: ${p.email ?? 'not linked'}\nPhone: ${p.phone ?? '—'}\n` +
    `Linked: ${p.platforms}\nCustomer since: ${p.since}`,
  notLinked: 'not linked',
  platforms: {
    telegram: 'Telegram',
    website: 'Website',
    mobile: 'Mobile app',
    desktop: 'Desktop app',
    partner: 'Partner',
  },

  chooseLanguage: 'Choose your language:',
  languageSet: 'Language set to English.',

  pushOrderStatus: (id, status, total) => `📦 Order #${id} (${total}) is now ${status}.`,
  pushPointsAvailable: (n) => `⭐ ${points(n)} ${n === 1 ? 'is' : 'are'} now available.`,
  pushPointsReversed: (n) => `⭐ ${points(n)} from this order ${n === 1 ? 'was' : 'were'} reversed.`,
  pushPointsRestored: (n) => `⭐ ${points(n)} you spent on this order ${n === 1 ? 'is' : 'are'} back.`,
  pushOrderPlacedElsewhere: (id, platform, total, n) =>
    `📦 New order #${id} (${total}) via ${platform}. Points to earn: ${n}.`,
  pushBalance: (balance, pending) => `Balance: ${points(balance)}, pending: ${points(pending)}.`,

  unknownCommand: "I don't know that command. /help lists what I can do.",
  freeText: 'I work with commands. Try /menu or /help.',
  tooLong: 'That message is too long for me. Send a command such as /help.',
  groupHint: (bot) => `I only work in private chats. Write to me directly: @${bot}`,
  unsupportedMessage: 'I can only read text. Try /menu or /help.',

  unavailable: '⚠️ The service is temporarily unavailable. Please try again in a minute.',
  failed: (reference) => `😕 Something went wrong on our side. Please try again. Reference: ${reference}`,
  notRegistered: 'Send /start first to create your account.',
};
