import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The webhook's shared secret, compared in constant time: both sides are hashed first, so the
 * comparison takes as long whatever the guess's length or how much of it is right.
 */
export class WebhookSecret {
  private readonly digest: Buffer;

  constructor(secret: string) {
    this.digest = sha256(secret);
  }

  matches(candidate: unknown): boolean {
    return typeof candidate === 'string' && timingSafeEqual(sha256(candidate), this.digest);
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
