/** A `customers` row as the store reads it: every column except the password hash. */
export interface CustomerRow {
  id: string;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  version: number;
  merged_into: string | null;
  created_at: Date;
  updated_at: Date;
}
