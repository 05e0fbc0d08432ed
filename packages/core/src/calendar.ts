import type { IsoDate } from './common';

const MS_PER_DAY = 86_400_000;

/** Milliseconds of UTC midnight of an ISO date. */
function toUtcMs(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The ISO date of a UTC timestamp. */
function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The calendar day an instant falls on in a time zone, as an ISO date. This is how `now` becomes
 * "today" for the rules: a send at 00:30 in Berlin on 1 March is on 1 March, not on 28 February (UTC).
 *
 * @example toIsoDateInZone(new Date('2026-02-28T23:30:00Z'), 'Europe/Berlin') // '2026-03-01'
 */
export function toIsoDateInZone(instant: Date, timeZone = 'Europe/Berlin'): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * Adds (or with a negative `days`, subtracts) calendar days to an ISO date.
 *
 * @example addDaysToIsoDate('2026-12-30', 3) // '2027-01-02'
 */
export function addDaysToIsoDate(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/**
 * Adds calendar months to an ISO date; a day that does not exist in the target month becomes that
 * month's last day.
 *
 * @example addMonthsToIsoDate('2024-08-31', 6) // '2025-02-28'
 */
export function addMonthsToIsoDate(date: IsoDate, months: number): IsoDate {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
}

/**
 * Whole calendar days from `from` to `to`: positive when `to` is later, negative when earlier.
 *
 * @example countDaysBetween('2027-07-01', '2027-07-31') // 30
 */
export function countDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}
