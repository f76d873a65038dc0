import { DomainError } from './domain-error';

export class InsufficientPoints extends DomainError {
  constructor(
    readonly available: number,
    readonly requested: number,
  ) {
    super('INSUFFICIENT_POINTS', `Cannot redeem ${requested} points: only ${available} available`);
  }
}
