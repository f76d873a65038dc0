export const LINK_CODE_TTL_SECONDS = 600;
