import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { allocateCents, allocateMoney, applyRate, cents, euros, Money, sumMoney } from './money';

describe('Money', () => {
  it.each([
    [{ cents: 100 }, true],
    [{ cents: -5, currency: 'EUR' }, true],
    [{ cents: 1.5 }, false],
    [{ cents: 100, currency: 'USD' }, false],
  ])('parses %j: %s', (input, ok) => {
    expect(Money.safeParse(input).success).toBe(ok);
  });

  it('names the field and the received value for fractional cents', () => {
    expect(Money.safeParse({ cents: 1.5 }).error?.issues[0]?.message).toBe('expected whole cents, got 1.5');
  });
});

describe('cents and euros', () => {
  it.each([
    [1089070, 108_907_000],
    [0.29, 29],
    [1.005, 101],
    [-12.34, -1234],
    [799999, 79_999_900],
  ])('euros(%s) is %s cents', (value, expected) => {
    expect(euros(value).cents).toBe(expected);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('euros(%s) throws INVALID_ALLOCATION', (value) => {
    expect(() => euros(value)).toThrow(DomainError);
  });

  it.each([[1.5], [Number.MAX_SAFE_INTEGER + 1]])('cents(%s) throws', (value) => {
    expect(() => cents(value)).toThrowError(/expected whole cents/);
  });

  it('sums amounts', () => {
    expect(sumMoney([cents(1), cents(2), cents(-4)])).toEqual({ cents: -1, currency: 'EUR' });
    expect(sumMoney([])).toEqual({ cents: 0, currency: 'EUR' });
  });
});

describe('applyRate', () => {
  it.each([
    [80_000_000, 75, 60_000_000],
    [79_999_900, 65, 51_999_935],
    [108_907_000, 55, 59_898_850],
    [1, 50, 1],
    [3, 50, 2],
    [-3, 50, -2],
    [100, 62.5, 63],
    [12_345, 0, 0],
    [12_345, 100, 12_345],
  ])('%s cents at %s %% is %s cents', (amount, rate, expected) => {
    expect(applyRate(cents(amount), rate).cents).toBe(expected);
  });

  it.each([[-1], [Number.NaN]])('rejects the rate %s', (rate) => {
    expect(() => applyRate(cents(100), rate)).toThrowError(DomainError);
  });
});

describe('allocateCents', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [0, [1, 2], [0, 0]],
    [1, [1, 1], [1, 0]],
    [10, [0, 1], [0, 10]],
    [22_500_000, [36.67, 26.67, 36.67], [8_249_925, 6_000_150, 8_249_925]],
    [49_008_150, [135452, 108742], [27_184_337, 21_823_813]],
    [5, [0.1, 0.2, 0.3], [1, 2, 2]],
  ])('splits %s by %j into %j', (total, weights, expected) => {
    expect(allocateCents(total, weights)).toEqual(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(allocateCents(-1, [1, 1])[1], -0)).toBe(false);
  });

  it.each([
    ['no weights', 100, [], 'expected at least one weight, got none'],
    ['a negative weight', 100, [1, -1], 'expected weights[1] ≥ 0, got -1'],
    ['an infinite weight', 100, [Number.POSITIVE_INFINITY], 'expected weights[0] ≥ 0, got Infinity'],
    ['weights summing to 0', 100, [0, 0], 'expected weights with a positive sum, got 0'],
    ['fractional cents', 1.5, [1], 'expected whole cents to split, got 1.5'],
  ])('rejects %s', (_name, total, weights, message) => {
    let caught: unknown;
    try {
      allocateCents(total, weights);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('INVALID_ALLOCATION');
    expect((caught as DomainError).message).toBe(message);
  });

  const total = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  const weights = fc
    .array(
      fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
      {
        minLength: 1,
        maxLength: 20,
      },
    )
    .filter((ws) => ws.some((w) => w > 0));

  it('always returns parts that sum exactly to the total (property)', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocateCents(t, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.every(Number.isSafeInteger)).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('gives each part its exact share rounded down or up, with the sign of the total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((ws) => ws.some((w) => w > 0)),
        (t, ws) => {
          const parts = allocateCents(t, ws);
          const sum = ws.reduce((a, b) => a + b, 0);
          ws.forEach((w, i) => {
            const exact = (t * w) / sum;
            expect(Math.abs(parts[i]! - exact)).toBeLessThan(1);
            if (w === 0) expect(parts[i]).toBe(0);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits equal weights into parts that differ by at most one cent, larger first (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 50 }), (t, n) => {
        const parts = allocateCents(
          t,
          Array.from({ length: n }, () => 1),
        );
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
    );
  });
});

describe('allocateMoney', () => {
  it('returns Money parts that add up to the amount', () => {
    const parts = allocateMoney(euros(100), [1, 1, 1]);
    expect(parts.map((p) => p.cents)).toEqual([3334, 3333, 3333]);
    expect(sumMoney(parts)).toEqual(euros(100));
  });
});
