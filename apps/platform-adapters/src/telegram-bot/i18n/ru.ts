import { BotMessages, LineText } from './bot-messages';

const lines = (items: LineText[]) => items.map((l) => `• ${l.qty} × ${l.name} — ${l.amount}`).join('\n');

/** 1 балл, 2 балла, 5 баллов: Russian picks the form by the last digits. */
function points(n: number): string {
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? 'балл'
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? 'балла'
        : 'баллов';
  return `${n} ${word}`;
}

export const RU: BotMessages = {
  locale: 'ru',
  languageName: 'Русский',

  buttons: {
    order: '🛒 Заказать',
    orders: '📦 Мои заказы',
    loyalty: '⭐ Баллы',
    profile: '👤 Профиль',
    link: '🔗 Связать аккаунт',
    language: '🌐 Язык',
    help: '❓ Помощь',
    checkout: '✅ Оформить',
    confirm: '✅ Подтвердить',
    edit: '✏️ Изменить',
    cancel: '✖️ Отменить',
    back: '⬅️ Назад',
    newCode: '🔄 Новый код',
  },

  welcomeNew: (name) => `Добро пожаловать, ${name}! Ваш аккаунт создан.`,
  welcomeBack: (name) => `С возвращением, ${name}!`,
  welcomeQueued: (name) =>
    `Добро пожаловать, ${name}! Сохраняем ваш аккаунт: база данных занята, всё будет готово через минуту.`,
  startHint: 'Заказать — /order, ваши баллы — /loyalty. Все команды — /help.',
  menu: 'Что вы хотите сделать?',
  help: [
    'Что я умею:',
    '/order — сделать заказ',
    '/orders — последние 10 заказов',
    '/loyalty — баллы, уровень и последние начисления',
    '/profile — ваш профиль',
    '/link — код, чтобы связать этот Telegram с аккаунтом на сайте; /link КОД — ввести код с сайта',
    '/lang — сменить язык',
    '/menu — главное меню',
    '/help — этот список',
  ].join('\n'),

  chooseItem: 'Выберите товар:',
  itemButton: (name, price) => `${name} — ${price}`,
  cart: (items, total) => `Ваш заказ:\n${lines(items)}\nИтого: ${total}\n\nДобавьте ещё или оформите заказ.`,
  askQuantity: (name, price) => `Сколько «${name}» (${price} за штуку)? Выберите число или напишите его.`,
  quantityInvalid: (max) => `Пожалуйста, отправьте целое число от 1 до ${max}.`,
  confirmOrder: (items, total, n) =>
    `Подтвердите заказ:\n${lines(items)}\nИтого: ${total}\nБудет начислено: ${points(n)}`,
  orderPlaced: (orderId, total, n) =>
    `✅ Заказ оформлен!\nЗаказ: ${orderId}\nИтого: ${total}\nБудет начислено: ${points(n)} (после оплаты заказа)`,
  orderQueued: (reference, total, n) =>
    `⏳ Заказ поставлен в очередь: база данных сейчас недоступна, поэтому он ещё не подтверждён. ` +
    `Он будет оформлен, как только база заработает, и я пришлю подтверждение сюда.\n` +
    `Номер обращения: ${reference}\nИтого: ${total}\nБудет начислено: ${points(n)}`,
  orderQueuedApplied: (orderId, total, n) =>
    `✅ Заказ из очереди оформлен.\nЗаказ: ${orderId}\nИтого: ${total}\nБудет начислено: ${points(n)}`,
  orderRejected: (reason) => `❌ Заказ не удалось оформить: ${reason}`,
  orderCancelled: 'Заказ отменён. Чтобы начать заново, отправьте /order.',
  cartEmpty: 'Заказ пуст: сначала выберите товар.',
  buttonExpired: 'Эта кнопка устарела. Отправьте /order, чтобы начать заново.',

  ordersEmpty: 'У вас пока нет заказов. Отправьте /order, чтобы сделать заказ.',
  ordersTitle: (count) => `Ваши последние заказы (${count}):`,
  orderLine: (i, id, date, total, status) => `${i}. #${id} · ${date} · ${total} · ${status}`,
  orderStatus: {
    pending: 'ожидает оплаты',
    paid: 'оплачен',
    fulfilled: 'выполнен',
    cancelled: 'отменён',
    refunded: 'возвращён',
  },

  loyalty: (s) =>
    `⭐ Ваши баллы\nБаланс: ${points(s.balance)}\nОжидают: ${points(s.pending)}\nУровень: ${s.tier}\n` +
    `Всего начислено: ${points(s.lifetime)}`,
  loyaltyRecentTitle: 'Последние:',
  loyaltyNoEntries: 'Начислений пока нет: первый заказ принесёт баллы.',
  loyaltyEntry: (n, kind, bucket, date) => `${n > 0 ? '+' : ''}${n} · ${kind} · ${bucket} · ${date}`,
  tiers: { bronze: 'Бронзовый', silver: 'Серебряный', gold: 'Золотой', platinum: 'Платиновый' },
  ledgerKinds: {
    earn: 'начислено',
    redeem: 'списано',
    reverse: 'отменено',
    adjust: 'корректировка',
    expire: 'сгорело',
  },
  buckets: { pending: 'ожидает', available: 'доступно' },

  linkCode: (code, minutes) =>
    `🔗 Ваш код для связи: ${code}\n\nВведите его на сайте (Профиль → Связать Telegram) в течение ${minutes} минут, ` +
    `чтобы объединить этот Telegram с аккаунтом на сайте. Код действует один раз.`,
  linkCodeReplayed: 'Этот код уже был показан и не хранится. Нажмите «Новый код», чтобы получить другой.',
  linkCodeQueued: (code, minutes) =>
    `🔗 Ваш код для связи: ${code}\n\nБаза данных занята, код заработает, как только она вернётся ` +
    `(в течение ${minutes} минут). Введите его на сайте (Профиль → Связать Telegram).`,
  linked: (email) =>
    `✅ Аккаунты связаны: этот Telegram и ${email ? `аккаунт на сайте ${email}` : 'ваш аккаунт на сайте'} ` +
    `теперь одно целое. Заказы и баллы из обоих собраны вместе.`,
  linkQueued:
    '⏳ Связывание поставлено в очередь: база данных сейчас недоступна. Я свяжу аккаунты, как только она ' +
    'заработает, если код действителен.',
  linkCodeInvalid: (minutes) =>
    `❌ Этот код не подходит: возможно, он набран с ошибкой, истёк (код действует ${minutes} минут) или уже ` +
    `использован. Получите новый код на сайте (Профиль → Связать Telegram) и отправьте его сюда: /link КОД. ` +
    `(Код, который я показываю по команде /link, вводится на сайте, а не здесь.)`,
  linkRefused:
    '❌ Не удалось связать аккаунты: один из них уже объединён с другим аккаунтом. Пожалуйста, обратитесь в поддержку.',

  profile: (p) =>
    `👤 Профиль\nИмя: ${p.name}\nEmail: ${p.email ?? 'не привязан'}\nТелефон: ${p.phone ?? '—'}\n` +
    `Связано: ${p.platforms}\nКлиент с: ${p.since}`,
  notLinked: 'не привязан',
  platforms: {
    telegram: 'Telegram',
    website: 'Сайт',
    mobile: 'Мобильное приложение',
    desktop: 'Приложение для компьютера',
    partner: 'Партнёр',
  },

  chooseLanguage: 'Выберите язык:',
  languageSet: 'Язык переключён на русский.',

  pushOrderStatus: (id, status, total) => `📦 Заказ #${id} (${total}): ${status}.`,
  pushPointsAvailable: (n) => `⭐ Доступно: ${points(n)}.`,
  pushPointsReversed: (n) => `⭐ Начисление за этот заказ отменено: ${points(n)}.`,
  pushPointsRestored: (n) => `⭐ Списанные за этот заказ баллы возвращены: ${points(n)}.`,
  pushOrderPlacedElsewhere: (id, platform, total, n) =>
    `📦 Новый заказ #${id} (${total}), источник: ${platform}. Будет начислено: ${points(n)}.`,
  pushBalance: (balance, pending) => `Баланс: ${points(balance)}, ожидают: ${points(pending)}.`,

  unknownCommand: 'Я не знаю такой команды. Список команд — /help.',
  freeText: 'Я понимаю команды. Попробуйте /menu или /help.',
  tooLong: 'Это сообщение слишком длинное. Отправьте команду, например /help.',
  groupHint: (bot) => `Я работаю только в личных сообщениях. Напишите мне напрямую: @${bot}`,
  unsupportedMessage: 'Я понимаю только текст. Попробуйте /menu или /help.',

  unavailable: '⚠️ Сервис временно недоступен. Пожалуйста, попробуйте через минуту.',
  failed: (reference) => `😕 Что-то пошло не так. Пожалуйста, попробуйте ещё раз. Номер ошибки: ${reference}`,
  notRegistered: 'Сначала отправьте /start, чтобы создать аккаунт.',
};
