import type { Salutation } from '@regiokit/core';
import { createFieldError } from './content-error';

/**
 * The merge fields a compiled template can contain. Values are supplied per recipient to
 * {@link personalise}; `salutationLine` is derived from `salutation`, `firstName` and `lastName`
 * unless given.
 */
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'salutationLine',
  'email',
  'unsubscribeUrl',
  'preferencesUrl',
  'webVersionUrl',
  'confirmUrl',
  'resubscribeUrl',
] as const;

/** Name of one merge field, see {@link MERGE_FIELDS}. */
export type MergeField = (typeof MERGE_FIELDS)[number];

/**
 * Where a merge value is inserted, which decides how it is escaped:
 * - `html`: HTML text content ({@link escapeHtml}),
 * - `attribute`: a quoted HTML attribute ({@link escapeAttribute}),
 * - `url`: a link target in a quoted `href` ({@link escapeUrl}),
 * - `text`: one line of the plain-text part ({@link escapeText}),
 * - `header`: a mail header such as the subject ({@link escapeHeader}).
 */
export type MergeContext = 'html' | 'attribute' | 'url' | 'text' | 'header';

/** The merge fields authors may write as `{{name}}` into subjects, preheaders and newsletter text. */
export const AUTHOR_MERGE_FIELDS: readonly MergeField[] = [
  'firstName',
  'lastName',
  'salutationLine',
  'email',
];

/** Merge fields whose values are links; they are checked with {@link isSafeUrl} before use. */
export const URL_MERGE_FIELDS: readonly MergeField[] = [
  'unsubscribeUrl',
  'preferencesUrl',
  'webVersionUrl',
  'confirmUrl',
  'resubscribeUrl',
];

/** Per-recipient values for {@link personalise}. Only the fields a template uses are read. */
export interface MergeValues {
  /** The recipient's address. */
  readonly email?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** Used to derive `salutationLine` ("Sehr geehrte Frau Doe,"). */
  readonly salutation?: Salutation;
  /** Overrides the derived salutation line. */
  readonly salutationLine?: string;
  /** Page that shows the unsubscribe form (GET shows, POST acts). */
  readonly unsubscribeUrl?: string;
  /** Page where the recipient chooses topics and lists. */
  readonly preferencesUrl?: string;
  /** The mail as a web page. */
  readonly webVersionUrl?: string;
  /** Double opt-in confirmation page. */
  readonly confirmUrl?: string;
  /** Page to subscribe again after unsubscribing. */
  readonly resubscribeUrl?: string;
}

// Private-use characters: authored text is cleaned of them, so only the renderer can mark a slot.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** The characters that delimit a merge slot in rendered markup (private use area, never authored). */
export const MERGE_SENTINEL_CHARACTERS = `${OPEN}${CLOSE}`;

/** Pattern of one merge slot in rendered markup: group 1 is the field, group 2 the context. */
export const MERGE_SENTINEL_PATTERN = /\uE000([A-Za-z]+):([a-z]+)\uE001/g;

/** The marker the renderer writes where a merge value goes. */
export function formatMergeSentinel(field: MergeField, context: MergeContext): string {
  return `${OPEN}${field}:${context}${CLOSE}`;
}

/** Whether `name` is a {@link MergeField}. */
export function isMergeField(name: string): name is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(name);
}

const TOKEN = /\{\{([^{}]*)\}\}/g;

/** A piece of authored text: plain text, or a merge field written as `{{name}}`. */
export type AuthoredSegment = string | { readonly field: MergeField };

/**
 * Splits authored text at `{{name}}` tokens. Throws `UNKNOWN_MERGE_FIELD` naming `path` when a
 * token names no field in `allowed` (an empty `allowed` forbids merge fields in this text).
 *
 * @example parseAuthoredText('Hallo {{firstName}}!', 'subject', AUTHOR_MERGE_FIELDS)
 * // ['Hallo ', { field: 'firstName' }, '!']
 */
export function parseAuthoredText(
  text: string,
  path: string,
  allowed: readonly MergeField[],
): AuthoredSegment[] {
  if (!text.includes('{{')) return [text];
  const segments: AuthoredSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const name = (match[1] ?? '').trim();
    if (!isMergeField(name) || !allowed.includes(name)) {
      const known = allowed.length === 0 ? 'none are allowed here' : `allowed: ${allowed.join(', ')}`;
      throw createFieldError(
        'UNKNOWN_MERGE_FIELD',
        path,
        `unknown merge field {{${name}}} (${known}; write merge fields as {{firstName}})`,
      );
    }
    if (match.index > last) segments.push(text.slice(last, match.index));
    segments.push({ field: name });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push(text.slice(last));
  return segments;
}
