import type { z } from 'zod';

/** One problem with one field of an input, e.g. `members[2].officialKey`. */
export interface FieldError {
  /** Path to the field in dotted/bracket notation; empty for the whole record. */
  readonly path: string;
  /** What was expected and what was received. */
  readonly message: string;
}

/** Result of {@link validate}: the parsed value or the list of field errors. */
export type Validation<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly errors: readonly FieldError[] };

/**
 * Formats a zod issue path as `members[2].officialKey`.
 *
 * @example formatPath(['members', 2, 'officialKey']) // 'members[2].officialKey'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turns zod issues into {@link FieldError}s whose messages name the field. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Renders field errors one per line: `members[2].officialKey: expected 5 or 8 digits, got "1002"`. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}

/**
 * Validates `input` against a schema without throwing.
 *
 * @example
 * const result = validate(Region, json);
 * if (!result.success) console.error(formatFieldErrors(result.errors));
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, errors: toFieldErrors(parsed.error) };
}
