/** Codes of {@link DomainError}: each names one broken invariant. */
export type DomainErrorCode =
  | 'ILLEGAL_TRANSITION'
  | 'APPROVAL_REQUIRES_DECISION'
  | 'INVALID_ALLOCATION'
  | 'INVALID_REFERENCE';

/**
 * The one error `@regiokit/core` throws: a domain invariant was broken, for example an illegal
 * status transition. Invalid input is never thrown as this; it is reported by {@link validate}.
 *
 * @example
 * try { transitionProject(project, 'completed', ctx) } catch (e) {
 *   if (e instanceof DomainError && e.code === 'ILLEGAL_TRANSITION') { ... }
 * }
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: DomainErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}
