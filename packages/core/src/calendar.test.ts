import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, addMonthsToIsoDate, countDaysBetween, toIsoDateInZone } from './calendar';

describe('calendar days', () => {
  it.each([
    ['2026-02-28T22:59:59Z', 'Europe/Berlin', '2026-02-28'],
    ['2026-02-28T23:00:00Z', 'Europe/Berlin', '2026-03-01'],
    ['2026-03-28T23:30:00Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-10-24T22:30:00Z', 'Europe/Berlin', '2026-10-25'],
    ['2026-06-30T22:00:00Z', 'Europe/Berlin', '2026-07-01'],
    ['2026-06-30T21:59:59Z', 'Europe/Berlin', '2026-06-30'],
    ['2026-06-30T23:00:00Z', 'UTC', '2026-06-30'],
  ])('%s is %s in %s', (instant, zone, day) => {
    expect(toIsoDateInZone(new Date(instant), zone)).toBe(day);
  });

  it('uses Europe/Berlin by default', () => {
    expect(toIsoDateInZone(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it.each([
    ['2026-12-30', 3, '2027-01-02'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
  ])('%s plus %s days is %s', (date, days, expected) => {
    expect(addDaysToIsoDate(date, days)).toBe(expected);
  });

  it.each([
    ['2027-07-31', 6, '2028-01-31'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-01-15', -13, '2022-12-15'],
  ])('%s plus %s months is %s', (date, months, expected) => {
    expect(addMonthsToIsoDate(date, months)).toBe(expected);
  });

  it.each([
    ['2027-07-01', '2027-07-31', 30],
    ['2027-07-31', '2027-07-01', -30],
    ['2026-03-28', '2026-03-30', 2],
    ['2024-01-01', '2025-01-01', 366],
  ])('from %s to %s are %s days', (from, to, days) => {
    expect(countDaysBetween(from, to)).toBe(days);
  });
});
