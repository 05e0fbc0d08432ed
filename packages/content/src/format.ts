import type { Language, Money } from '@regiokit/core';
import { MESSAGES } from './messages';

/** The time zone dates and times are shown in unless a theme says otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(
  language: Language,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `d|${language}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (format === undefined) {
    format = new Intl.DateTimeFormat(MESSAGES[language].locale, { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

/**
 * Formats a calendar day (`2026-11-21`) as "21. November 2026" (de) or "21 November 2026" (en).
 * The day is taken as written, independent of any time zone.
 */
export function formatDate(isoDate: string, language: Language): string {
  return dateFormat(language, 'UTC', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** Formats the day of an instant in `timeZone`: "6. September 2024". */
export function formatInstantDate(instant: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(language, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(instant),
  );
}

/** Formats the weekday and day of an instant in `timeZone`: "Samstag, 21. November 2026". */
export function formatInstantDay(instant: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(language, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
}

/** Formats the time of day of an instant in `timeZone` (24-hour clock): "11:00". */
export function formatTime(instant: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(language, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/**
 * Formats an instant with day and time in `timeZone`, across daylight-saving changes:
 * "6. September 2024, 11:00 Uhr" (de) or "6 September 2024, 11:00 CEST" (en).
 *
 * @example formatDateTime('2024-09-06T09:00:00Z', 'de') // '6. September 2024, 11:00 Uhr'
 */
export function formatDateTime(instant: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  const day = formatInstantDate(instant, language, timeZone);
  const time = formatTime(instant, language, timeZone);
  if (language === 'de') return `${day}, ${time}${MESSAGES.de.timeSuffix}`;
  return `${day}, ${time} ${formatZoneAbbreviation(instant, timeZone)}`;
}

function formatZoneAbbreviation(instant: string, timeZone: string): string {
  if (timeZone === 'Europe/Berlin') {
    // en-GB has no short name for Central European Time; derive it from the offset.
    const offset = dateFormat('en', timeZone, { timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value;
    return offset === 'GMT+02:00' ? 'CEST' : 'CET';
  }
  return (
    dateFormat('en', timeZone, { timeZoneName: 'short' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  );
}

/**
 * Formats the time span of an event: "Samstag, 21. November 2026, 10:00–16:00 Uhr"; an end on
 * another day is written out in full, and when the clocks change during the event both times
 * carry their zone ("02:30 Uhr CEST – 02:30 Uhr CET").
 */
export function formatEventTime(
  startsAt: string,
  endsAt: string | undefined,
  language: Language,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  const suffix = MESSAGES[language].timeSuffix;
  const startDay = formatInstantDay(startsAt, language, timeZone);
  const start = formatTime(startsAt, language, timeZone);
  if (endsAt === undefined) return `${startDay}, ${start}${suffix}`;
  const endDay = formatInstantDay(endsAt, language, timeZone);
  const end = formatTime(endsAt, language, timeZone);
  const startZone = formatZoneAbbreviation(startsAt, timeZone);
  const endZone = formatZoneAbbreviation(endsAt, timeZone);
  if (startZone !== endZone) {
    // The clocks change during the event: name the zone so "02:30–02:30" is not ambiguous.
    const endPart = endDay === startDay ? end : `${endDay}, ${end}`;
    return `${startDay}, ${start}${suffix} ${startZone} – ${endPart}${suffix} ${endZone}`;
  }
  if (endDay === startDay) return `${startDay}, ${start}–${end}${suffix}`;
  return `${startDay}, ${start}${suffix} – ${endDay}, ${end}${suffix}`;
}

/**
 * Formats money from integer cents without floating point: "1.089.070,00 €" (de, with a
 * no-break space before the sign) or "€1,089,070.00" (en).
 */
export function formatMoney(money: Money, language: Language): string {
  const key = `m|${language}|${money.currency}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (format === undefined) {
    format = new Intl.NumberFormat(MESSAGES[language].locale, {
      style: 'currency',
      currency: money.currency,
    });
    cache.set(key, format);
  }
  const negative = money.cents < 0;
  const abs = BigInt(Math.abs(money.cents));
  const decimal = `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  // A decimal string keeps every cent exact, also beyond 2^53 / 100.
  return format.format(decimal as unknown as number);
}
