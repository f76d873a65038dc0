/** 8 characters of a 31-symbol alphabet: about 2^39.6 codes, against a 10-minute, rate-limited window. */
export const LINK_CODE_LENGTH = 8;
