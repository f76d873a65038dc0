/** A BCP 47 language tag in its common shape (`en`, `pt-BR`, `zh-Hant-TW`); RFC 5646 caps tags at 35 characters here. */
export const BCP47_LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}$/;
