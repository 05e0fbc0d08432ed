import { parseMoment } from './parse-moment';

/** The zone expiry days and times are read in. */
export const EXPIRY_ZONE = 'Europe/Berlin';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * Reads when something stops being valid, as staff type it: a day (`2027-07-31`, `31.07.2027`),
 * valid through its end, so the moment is the following midnight in Berlin; or a moment that
 * {@link parseMoment} reads (`2027-07-31 18:00`, an ISO instant). Undefined when it is neither.
 *
 * @example parseExpiry('2027-07-31') // 2027-07-31T22:00:00.000Z (midnight after 31 July, CEST)
 */
export function parseExpiry(input: string): Date | undefined {
  const text = input.trim();
  const iso = ISO_DAY.exec(text);
  const german = iso === null ? GERMAN_DAY.exec(text) : null;
  const day = iso
    ? { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) }
    : german
      ? { y: Number(german[3]), m: Number(german[2]), d: Number(german[1]) }
      : undefined;
  if (day === undefined) {
    const moment = parseMoment(text, EXPIRY_ZONE);
    return moment.ok ? moment.instant : undefined;
  }
  const date = new Date(Date.UTC(day.y, day.m - 1, day.d));
  if (date.getUTCFullYear() !== day.y || date.getUTCMonth() !== day.m - 1 || date.getUTCDate() !== day.d) {
    return undefined;
  }
  const next = new Date(Date.UTC(day.y, day.m - 1, day.d + 1)).toISOString().slice(0, 10);
  const moment = parseMoment(`${next} 00:00`, EXPIRY_ZONE);
  return moment.ok ? moment.instant : undefined;
}
