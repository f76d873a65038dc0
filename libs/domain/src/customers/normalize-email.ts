/** The one spelling of an email that is stored, compared and hashed into ids. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
