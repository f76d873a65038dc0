/**
 * The select list of a {@link CustomerRow}. Spelled out so `password_hash` is never read into a
 * view by accident: nothing in the store selects `*` from customers.
 */
export const CUSTOMER_COLUMNS =
  'id, display_name, email, phone, locale, version, merged_into, created_at, updated_at';
