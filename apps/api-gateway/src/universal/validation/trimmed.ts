import { Transform } from 'class-transformer';

/** Drops surrounding whitespace before validation, so length bounds and patterns see what is stored. */
export function Trimmed(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}
