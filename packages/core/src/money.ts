import { z } from 'zod';
import { DomainError } from './errors';

/** An amount of money in integer cents (never floating point). Only euros for now. */
export const Money = z.object({
  cents: z.int({ error: (i) => `expected whole cents, got ${JSON.stringify(i.input)}` }),
  currency: z.literal('EUR').default('EUR'),
});
export type Money = z.infer<typeof Money>;

/**
 * Builds a {@link Money} from whole cents.
 *
 * @example cents(108907000) // 1.089.070,00 €
 */
export function cents(value: number, currency: 'EUR' = 'EUR'): Money {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('INVALID_ALLOCATION', `expected whole cents, got ${value}`);
  }
  return { cents: value, currency };
}

/**
 * Builds a {@link Money} from an amount in euros with at most two decimals, rounded to the cent.
 *
 * @example euros(1089070) // { cents: 108907000, currency: 'EUR' }
 */
export function euros(value: number): Money {
  if (!Number.isFinite(value)) {
    throw new DomainError('INVALID_ALLOCATION', `expected an amount in euros, got ${value}`);
  }
  // Read the decimal the caller wrote (0.29 → "0.29"), not its binary approximation (28.999…).
  const { digits, exponent } = toDecimal(Math.abs(value));
  const scaled = shiftDecimal(digits, exponent + 2);
  return cents(Number(value < 0 ? -scaled : scaled));
}

/** Adds amounts of the same currency. */
export function sumMoney(amounts: readonly Money[]): Money {
  let total = 0;
  for (const a of amounts) total += a.cents;
  return cents(total);
}

/**
 * Applies a percentage rate to an amount, rounding half away from zero to whole cents
 * (kaufmännische Rundung). The rate is read as the decimal it was written as, so `55` and `62.5`
 * are exact.
 *
 * @example applyRate(euros(1089070), 55) // 598.988,50 € (Förderquote 55 %)
 */
export function applyRate(amount: Money, ratePercent: number): Money {
  if (!Number.isFinite(ratePercent) || ratePercent < 0) {
    throw new DomainError('INVALID_ALLOCATION', `expected a rate ≥ 0 %, got ${ratePercent}`);
  }
  const { digits, exponent } = toDecimal(ratePercent);
  const negative = amount.cents < 0;
  let numerator = BigInt(Math.abs(amount.cents)) * digits;
  // Percent: divide by 100, i.e. 10^(2 - exponent) when exponent ≤ 2.
  let denominator = 1n;
  const shift = 2 - exponent;
  if (shift >= 0) denominator = 10n ** BigInt(shift);
  else numerator *= 10n ** BigInt(-shift);
  let quotient = numerator / denominator;
  if (2n * (numerator % denominator) >= denominator) quotient += 1n;
  const result = Number(quotient);
  return cents(negative && result !== 0 ? -result : result, amount.currency);
}

/**
 * Splits `totalCents` in proportion to `weights` with the largest-remainder method (Hare–Niemeyer):
 * the parts are whole cents and always add up to exactly `totalCents`. Ties go to the earlier
 * weight. Weights are read as the decimals they were written as (`36.67` is exactly 36.67), and
 * the arithmetic is exact, so the result is the same on every machine.
 *
 * @throws {DomainError} `INVALID_ALLOCATION` for non-integer totals, no weights, negative or
 * non-finite weights, or weights that sum to 0.
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
  const scaled = toCommonScale(weights);
  const weightSum = scaled.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) {
    throw new DomainError('INVALID_ALLOCATION', 'expected weights with a positive sum, got 0');
  }
  const negative = totalCents < 0;
  const total = BigInt(Math.abs(totalCents));
  const parts = scaled.map((w) => (total * w) / weightSum);
  const remainders = scaled.map((w) => (total * w) % weightSum);
  let rest = total - parts.reduce((a, b) => a + b, 0n);
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (rest === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    rest -= 1n;
  }
  return parts.map((p) => {
    const n = Number(p);
    return negative && n !== 0 ? -n : n;
  });
}

/**
 * Splits an amount in proportion to `weights` (see {@link allocateCents}); the parts add up to
 * exactly `amount`.
 *
 * @example allocateMoney(euros(100), [1, 1, 1]) // 33,34 € + 33,33 € + 33,33 €
 */
export function allocateMoney(amount: Money, weights: readonly number[]): Money[] {
  return allocateCents(amount.cents, weights).map((c) => cents(c, amount.currency));
}

/** A non-negative finite number as `digits × 10^exponent`, read from its shortest decimal form. */
function toDecimal(value: number): { digits: bigint; exponent: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) {
    throw new DomainError('INVALID_ALLOCATION', `expected a non-negative finite number, got ${value}`);
  }
  const fraction = match[2] ?? '';
  return { digits: BigInt(`${match[1]}${fraction}`), exponent: Number(match[3] ?? 0) - fraction.length };
}

/** `digits × 10^exponent` rounded half up to an integer. */
function shiftDecimal(digits: bigint, exponent: number): bigint {
  if (exponent >= 0) return digits * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(-exponent);
  const quotient = digits / divisor;
  return 2n * (digits % divisor) >= divisor ? quotient + 1n : quotient;
}

/** Non-negative numbers as integers on one common decimal scale, preserving their ratios exactly. */
function toCommonScale(values: readonly number[]): bigint[] {
  const decimals = values.map(toDecimal);
  const minExponent = Math.min(...decimals.map((d) => d.exponent));
  return decimals.map((d) => d.digits * 10n ** BigInt(d.exponent - minExponent));
}
