import { AppError } from '@karmabot/contracts/errors/app-error';

/**
 * Base of every rule the domain refuses. Extending AppError (not Error) is what lets RPC carry
 * it and the gateway render it as problem+json without a mapping table per error.
 */
export class DomainError extends AppError {}
