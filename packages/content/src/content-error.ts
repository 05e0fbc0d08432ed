import type { FieldError } from '@regiokit/core';

/** Codes of {@link ContentError}: each names one kind of problem. */
export type ContentErrorCode =
  /** A record, theme or option did not match its schema; `issues` name the fields. */
  | 'INVALID_INPUT'
  /** A link is not `https:`, `http:` or `mailto:`, or contains white space or control characters. */
  | 'UNSAFE_URL'
  /** A `{{…}}` merge field is unknown or not allowed where it was written. */
  | 'UNKNOWN_MERGE_FIELD'
  /** `personalise` was called without a value for a required merge field. */
  | 'MISSING_MERGE_VALUE'
  /** A merge value cannot be used safely (a line break in a header, a `javascript:` URL, …). */
  | 'INVALID_MERGE_VALUE'
  /** MJML rejected the generated markup; the message names the component and line. */
  | 'TEMPLATE_INVALID'
  /** An archive page was requested for a press release still under embargo. */
  | 'EMBARGOED';

/**
 * The one error `@regiokit/content` throws. `issues` lists every field that is wrong, each with a
 * path such as `sections[1].items[0].url`; the message repeats them one per line.
 *
 * @example
 * try { await compileNewsletter(issue, theme) } catch (e) {
 *   if (e instanceof ContentError) for (const i of e.issues) console.error(i.path, i.message);
 * }
 */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  /** What kind of problem this is. */
  readonly code: ContentErrorCode;
  /** The fields that are wrong; empty when the problem is not tied to a field. */
  readonly issues: readonly FieldError[];

  constructor(
    code: ContentErrorCode,
    message: string,
    options: { issues?: readonly FieldError[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/** Builds a {@link ContentError} for one field: the message reads `path: problem`. */
export function createFieldError(code: ContentErrorCode, path: string, message: string): ContentError {
  return new ContentError(code, path === '' ? message : `${path}: ${message}`, {
    issues: [{ path, message }],
  });
}
