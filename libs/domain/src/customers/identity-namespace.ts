/**
 * UUIDv5 namespace for customer ids derived from a platform identity. Both stores, and every
 * replay, mint the same customer id from the same identity only while this stays the same:
 * never change it.
 */
export const IDENTITY_NAMESPACE = '2eb3967b-c584-488b-8ac0-10f3e063f749';
