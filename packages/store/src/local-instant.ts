const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i;
const ISO_LOCAL = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?$/;
const GERMAN_LOCAL = /^(\d\d?)\.(\d\d?)\.(\d{4})(?:,? (\d\d?):(\d\d)(?::(\d\d))?)?$/;

/**
 * Reads a moment as people write it in files: an ISO instant with offset
 * (`2024-03-01T10:15:00+01:00`), or a local time in `timeZone` as ISO (`2024-03-01 10:15`) or
 * German (`01.03.2024 10:15`, `1.3.2024`). A day without a time means midnight. Returns
 * undefined for anything else, including impossible dates such as `31.02.2024`.
 */
export function parseLocalInstant(text: string, timeZone: string): Date | undefined {
  const value = text.trim();
  if (ISO_WITH_OFFSET.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const iso = ISO_LOCAL.exec(value);
  const german = iso === null ? GERMAN_LOCAL.exec(value) : null;
  let fields: number[];
  if (iso !== null) fields = [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]].map((f) => Number(f ?? 0));
  else if (german !== null)
    fields = [german[3], german[2], german[1], german[4], german[5], german[6]].map((f) => Number(f ?? 0));
  else return undefined;
  const [year, month, day, hour, minute, second] = fields as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  // The offset at the wall time read as UTC is right except near a DST switch; a second pass fixes that.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

// Building a formatter costs far more than using one; an import reads thousands of local times.
const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    FORMATS.set(timeZone, format);
  }
  return format;
}

/** Offset of `timeZone` from UTC at an instant, in milliseconds (Berlin in winter: +3,600,000). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = formatIn(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}
