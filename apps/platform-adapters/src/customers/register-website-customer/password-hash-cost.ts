/** bcrypt cost factor: 2^10 rounds, about 60-100 ms per hash in bcryptjs on these machines. */
export const PASSWORD_HASH_COST = 10;
