/** Profile columns an op may set; `undefined` leaves a column alone, `null` clears it. */
export interface ProfileChanges {
  display_name?: string | null;
  phone?: string | null;
  locale?: string | null;
}
