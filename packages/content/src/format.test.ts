import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEventTime, formatMoney } from './format';

describe('Intl formatting in Europe/Berlin', () => {
  it.each([
    ['2026-11-21', 'de', '21. November 2026'],
    ['2026-11-21', 'en', '21 November 2026'],
    ['2024-01-01', 'de', '1. Januar 2024'],
  ] as const)('formatDate(%s, %s) → %s', (date, language, expected) => {
    expect(formatDate(date, language)).toBe(expected);
  });

  it.each([
    // summer time (CEST, UTC+2)
    ['2024-09-06T09:00:00Z', 'de', '6. September 2024, 11:00 Uhr'],
    ['2024-09-06T11:00:00+02:00', 'de', '6. September 2024, 11:00 Uhr'],
    ['2024-09-06T09:00:00Z', 'en', '6 September 2024, 11:00 CEST'],
    // winter time (CET, UTC+1)
    ['2026-01-06T09:00:00Z', 'de', '6. Januar 2026, 10:00 Uhr'],
    ['2026-01-06T09:00:00Z', 'en', '6 January 2026, 10:00 CET'],
    // the night of the change to summer time: 01:59 CET is followed by 03:00 CEST
    ['2026-03-29T00:59:00Z', 'de', '29. März 2026, 01:59 Uhr'],
    ['2026-03-29T01:00:00Z', 'de', '29. März 2026, 03:00 Uhr'],
    // an instant just before midnight UTC is already the next day in Berlin
    ['2026-06-30T22:30:00Z', 'de', '1. Juli 2026, 00:30 Uhr'],
  ] as const)('formatDateTime(%s, %s) → %s', (instant, language, expected) => {
    expect(formatDateTime(instant, language)).toBe(expected);
  });

  it('names both zones when the clocks change during an event', () => {
    expect(formatEventTime('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', 'de')).toBe(
      'Sonntag, 25. Oktober 2026, 02:30 Uhr CEST – 02:30 Uhr CET',
    );
    expect(formatEventTime('2026-12-03T09:00:00+01:00', '2026-12-03T12:30:00+01:00', 'de')).toBe(
      'Donnerstag, 3. Dezember 2026, 09:00–12:30 Uhr',
    );
    expect(formatEventTime('2026-12-03T09:00:00+01:00', undefined, 'en')).toBe(
      'Thursday, 3 December 2026, 09:00',
    );
  });

  it.each([
    [108907000, 'de', '1.089.070,00\u00a0€'],
    [108907000, 'en', '€1,089,070.00'],
    [5, 'de', '0,05\u00a0€'],
    [-123456, 'de', '-1.234,56\u00a0€'],
    // beyond 2^53 / 100 floating point would lose cents
    [9007199254740991, 'de', '90.071.992.547.409,91\u00a0€'],
  ] as const)('formatMoney(%d cents, %s) → %s', (cents, language, expected) => {
    expect(formatMoney({ cents, currency: 'EUR' }, language)).toBe(expected);
  });
});
