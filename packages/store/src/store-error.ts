import type { FieldError } from '@regiokit/core';

/** Codes of {@link StoreError}. */
export type StoreErrorCode =
  /** Input failed validation; `fields` names each bad field. Nothing was written. */
  | 'INVALID_INPUT'
  /** A referenced row (list, topic, campaign, subscriber) does not exist. */
  | 'NOT_FOUND'
  /** The write conflicts with what is stored (a duplicate, or a change in the wrong state). */
  | 'CONFLICT'
  /** A token is malformed, forged, for another purpose, expired or no longer applicable. */
  | 'INVALID_TOKEN'
  /** The database schema could not be brought up to date. */
  | 'MIGRATION_FAILED'
  /** The embedded database folder is in use by another process. */
  | 'DATA_DIR_LOCKED'
  /** A stored record fails validation on read (the schema became stricter since it was written). */
  | 'INVALID_STORED_RECORD'
  /** The database refused a write; the transaction was rolled back. */
  | 'WRITE_FAILED';

/** The error the store throws for bad input and impossible operations. Illegal status transitions are core's `DomainError`. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly fields: readonly FieldError[];

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { fields?: FieldError[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
  }
}

/**
 * The database's own message for a failed query, without the query text and parameters (which
 * may hold addresses and would end up in logs).
 */
export function databaseMessage(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
