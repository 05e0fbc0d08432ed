import { formatFieldErrors, validate } from '@regiokit/core';
import type { z } from 'zod';
import { StoreError } from './store-error';

/**
 * Validates a row read back from the database with its core schema. A stored record that no
 * longer matches (the schema became stricter) is reported with its key and fields, not returned.
 */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = validate(schema, value);
  if (result.success) return result.data;
  throw new StoreError(
    'INVALID_STORED_RECORD',
    `stored ${what} does not match the current schema:\n${formatFieldErrors(result.errors)}`,
    { fields: [...result.errors] },
  );
}
