const NEEDS_ESCAPE = /["\\]/;

/**
 * The PostgreSQL literal of a `text[]` (`{"a","b",NULL}`), sent as one text parameter and cast
 * in SQL (`$1::text[]`, then `unnest`). Writing it here costs a fraction of letting the driver
 * serialise arrays, and reads the same on both drivers; every element is quoted, so commas,
 * braces, blanks and the word NULL stay text.
 */
export function textArrayLiteral(values: readonly (string | null | undefined)[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) literal += ',';
    const value = values[i];
    if (value === null || value === undefined) literal += 'NULL';
    else if (NEEDS_ESCAPE.test(value)) literal += `"${value.replace(/["\\]/g, '\\$&')}"`;
    else literal += `"${value}"`;
  }
  return `${literal}}`;
}
