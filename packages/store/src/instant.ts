/**
 * Turns a timestamp as the drivers return it (`2026-11-21 09:00:00.123456+00`, or a Date) into an
 * ISO instant in UTC with milliseconds (`2026-11-21T09:00:00.123Z`).
 */
export function toInstant(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const iso = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`expected a timestamp, got ${JSON.stringify(value)}`);
  return date.toISOString();
}

/** {@link toInstant} for nullable columns. */
export function toOptionalInstant(value: string | Date | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : toInstant(value);
}
