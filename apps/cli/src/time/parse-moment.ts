/** Why a text is not a usable moment. */
export type MomentProblem = 'unparseable' | 'not-in-zone' | 'unknown-zone';

/** Result of {@link parseMoment}. */
export type ParsedMoment = { ok: true; instant: Date } | { ok: false; problem: MomentProblem };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*Uhr)?$/i;

/**
 * Reads a moment as staff type it, as wall-clock time in `timeZone`: `2026-12-01 09:00`,
 * `2026-12-01T09:00`, `01.12.2026 09:00` (also `01.12.2026, 9.00 Uhr`), or an ISO instant with
 * offset (`2026-12-01T09:00:00+01:00`, taken as is). A wall time that the zone skips when the
 * clocks go forward is `not-in-zone`; one that happens twice when they go back is the first.
 *
 * @example parseMoment('2026-12-01 09:00', 'Europe/Berlin') // { ok: true, instant: 2026-12-01T08:00:00.000Z }
 */
export function parseMoment(input: string, timeZone: string): ParsedMoment {
  if (!isTimeZone(timeZone)) return { ok: false, problem: 'unknown-zone' };
  const text = input.trim();
  if (ISO_WITH_OFFSET.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? { ok: false, problem: 'unparseable' } : { ok: true, instant };
  }
  const iso = ISO_LOCAL.exec(text);
  const german = iso === null ? GERMAN.exec(text) : null;
  const parts = iso
    ? { y: iso[1], mo: iso[2], d: iso[3], h: iso[4], mi: iso[5], s: iso[6] }
    : german
      ? { y: german[3], mo: german[2], d: german[1], h: german[4], mi: german[5], s: german[6] }
      : undefined;
  if (parts === undefined) return { ok: false, problem: 'unparseable' };
  const wall = {
    year: Number(parts.y),
    month: Number(parts.mo),
    day: Number(parts.d),
    hour: Number(parts.h),
    minute: Number(parts.mi),
    second: Number(parts.s ?? 0),
  };
  if (!isValidWallTime(wall)) return { ok: false, problem: 'unparseable' };
  const instant = toInstantInZone(wall, timeZone);
  return instant === undefined ? { ok: false, problem: 'not-in-zone' } : { ok: true, instant };
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function isValidWallTime(w: WallTime): boolean {
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return (
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth &&
    w.hour <= 23 &&
    w.minute <= 59 &&
    w.second <= 59
  );
}

/** Whether `timeZone` is an IANA zone Intl knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The instant when the clocks in `timeZone` show `wall`, or undefined when they never do. */
function toInstantInZone(wall: WallTime, timeZone: string): Date | undefined {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsets = new Set([-1, 0, 1].map((days) => offsetAt(asUtc + days * 86_400_000, timeZone)));
  const matches = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((t) => offsetAt(t, timeZone) === asUtc - t)
    .sort((a, b) => a - b);
  return matches[0] === undefined ? undefined : new Date(matches[0]);
}

/** Milliseconds the wall clock in `timeZone` is ahead of UTC at `t`. */
function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}
