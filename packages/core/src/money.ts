import { z } from 'zod';
import { DomainError } from './errors';

/** An amount of money in integer cents (never floating point). Only euros for now. */
export const Money = z.object({
  cents: z.int({ error: (i) => `expected whole cents, got ${JSON.stringify(i.input)}` }),
  currency: z.literal('EUR').default('EUR'),
});
export type Money = z.infer<typeof Money>;

/** Builds a {@link Money} from whole cents. */
export function cents(value: number, currency: 'EUR' = 'EUR'): Money {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('INVALID_ALLOCATION', `expected whole cents, got ${value}`);
  }
  return { cents: value, currency };
}

/** Builds a {@link Money} from whole euros. */
export function euros(value: number): Money {
  return cents(Math.round(value * 100));
}

/** Adds amounts of the same currency. */
export function sumMoney(amounts: readonly Money[]): Money {
  let total = 0;
  for (const a of amounts) total += a.cents;
  return cents(total);
}

/**
 * Splits `totalCents` in proportion to `weights` with the largest-remainder method: the parts are
 * whole cents and always add up to exactly `totalCents`. Ties go to the earlier weight.
 *
 * @example allocateCents(100, [1, 1, 1]) // [34, 33, 33]
 */
export function allocateCents(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents)) {
    throw new DomainError('INVALID_ALLOCATION', `expected whole cents to split, got ${totalCents}`);
  }
  if (weights.length === 0) {
    throw new DomainError('INVALID_ALLOCATION', 'expected at least one weight, got none');
  }
  for (const [i, w] of weights.entries()) {
    if (!Number.isFinite(w) || w < 0) {
      throw new DomainError('INVALID_ALLOCATION', `expected weights[${i}] ≥ 0, got ${w}`);
    }
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum <= 0) {
    throw new DomainError('INVALID_ALLOCATION', 'expected weights with a positive sum, got 0');
  }
  const sign = totalCents < 0 ? -1 : 1;
  const total = Math.abs(totalCents);
  const exact = weights.map((w) => (total * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest -= 1;
  }
  return parts.map((p) => p * sign);
}
