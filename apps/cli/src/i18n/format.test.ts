import { describe, expect, it } from 'vitest';
import { createFormat } from './format';

describe('createFormat', () => {
  const de = createFormat('de');
  const en = createFormat('en');

  it.each([
    [de.number(2000), '2.000'],
    [en.number(2000), '2,000'],
    [de.number(648970), '648.970'],
    [de.decimal(12.345), '12,3'],
    [de.date('2026-11-21'), '21.11.2026'],
    [de.dateTime('2026-12-01T08:00:00Z'), '01.12.2026, 09:00 MEZ'],
    [de.dateTime('2026-07-01T07:00:00Z'), '01.07.2026, 09:00 MESZ'],
    [en.dateTime('2026-12-01T08:00:00Z'), '01/12/2026, 09:00 CET'],
    [de.money({ cents: 108907000, currency: 'EUR' }), '1.089.070,00\u00a0€'],
    [de.money({ cents: 900719925474099, currency: 'EUR' }), '9.007.199.254.740,99\u00a0€'],
    [en.money({ cents: -5, currency: 'EUR' }), '-€0.05'],
    [de.bytes(74444), '72,7 KiB'],
    [de.duration(42_000), '42 s'],
    [de.duration(3_900_000), '1 h 5 min'],
  ])('formats %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
