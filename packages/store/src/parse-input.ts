import { type FieldError, formatFieldErrors, validate } from '@regiokit/core';
import type { z } from 'zod';
import { StoreError } from './store-error';

/**
 * Validates `input` with a core schema; throws an `INVALID_INPUT` {@link StoreError} whose message
 * names every bad field, prefixed with `path` (e.g. `outcomes[3]`).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  path = '',
): z.output<S> {
  const result = validate(schema, input);
  if (result.success) return result.data;
  throw invalidInput(
    what,
    result.errors.map((e) => ({ path: joinPath(path, e.path), message: e.message })),
  );
}

/** An `INVALID_INPUT` error for `what` that lists the field errors. */
export function invalidInput(what: string, fields: FieldError[]): StoreError {
  return new StoreError('INVALID_INPUT', `invalid ${what}:\n${formatFieldErrors(fields)}`, { fields });
}

function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
