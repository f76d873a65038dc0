/** What a new customer row is made of; everything absent is stored as null. */
export interface NewCustomer {
  id: string;
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
  locale?: string | null;
  passwordHash?: string | null;
  /** The op's `at`, never now(): both stores must write the same row. */
  at: string;
}
