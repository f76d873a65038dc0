/** Upper-case letters and digits without the look-alikes 0/O, 1/I/L, for codes read aloud or retyped. */
export const LINK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
