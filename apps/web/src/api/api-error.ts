import { ContentError } from '@regiokit/content';
import { DomainError, type FieldError } from '@regiokit/core';
import { StoreError } from '@regiokit/store';
import { z } from 'zod';

/** Codes of API errors. */
export const ApiErrorCode = z.enum([
  'INVALID_INPUT',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** The body of every API error: a code, a message, and the fields at fault. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: ApiErrorCode,
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

const STATUS: Record<ApiErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503> = {
  INVALID_INPUT: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** An error answered to an API client as it is: status from the code, message and fields. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly fields: readonly FieldError[];

  constructor(
    code: ApiErrorCode,
    message: string,
    options: { fields?: readonly FieldError[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
  }

  get status() {
    return STATUS[this.code];
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: scrub(this.message),
        ...(this.fields.length === 0
          ? {}
          : { fields: this.fields.map((f) => ({ path: f.path, message: scrub(f.message) })) }),
      },
    };
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Internal ids (subscriber UUIDs) never leave the app, also not inside a library's message. */
function scrub(message: string): string {
  return message.replace(UUID, '[id]').slice(0, 2000);
}

/**
 * Turns an error of the store, core, content or the worker's producer into an {@link ApiError};
 * anything else is `INTERNAL` with a fixed message (the cause is logged, not answered).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreError) {
    const code = (
      {
        INVALID_INPUT: 'INVALID_INPUT',
        NOT_FOUND: 'NOT_FOUND',
        CONFLICT: 'CONFLICT',
        INVALID_TOKEN: 'INVALID_INPUT',
      } as const
    )[error.code as 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_TOKEN'];
    if (code !== undefined) {
      return new ApiError(code, error.message, { fields: error.fields, cause: error });
    }
  }
  if (error instanceof DomainError && error.code === 'ILLEGAL_TRANSITION') {
    return new ApiError('CONFLICT', error.message, { cause: error });
  }
  if (error instanceof ContentError) {
    return new ApiError('INVALID_INPUT', error.message, { fields: error.issues, cause: error });
  }
  if (error instanceof Error && error.name === 'ProducerError') {
    return new ApiError('CONFLICT', error.message, { cause: error });
  }
  return new ApiError('INTERNAL', 'the request failed; the error is logged', { cause: error });
}

/** Field errors of a zod error, with `prefix` (`body`, `query`, `params`) before each path. */
export function fieldErrorsOf(error: z.ZodError, prefix: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = joinPath(prefix, issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: joinPath(base, [key]), message: 'unknown field' });
    } else {
      out.push({ path: base, message: issue.message });
    }
  }
  return out;
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part).slice(0, 100)}`;
  }
  return out;
}
