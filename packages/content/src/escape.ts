import { createFieldError } from './content-error';

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIAL_ALL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const replaceEntity = (ch: string): string => ENTITIES[ch] ?? ch;

const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s\p{Cc}<>"`\\]+$/iu;
const LINE_BREAK_OR_CONTROL = /[\p{Cc}\u2028\u2029]/u;
const LINE_BREAK_OR_CONTROL_ALL = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * Escapes a value for HTML text: `&`, `<`, `>`, `"` and `'` become entities. Returns the value
 * itself when there is nothing to escape (no allocation).
 *
 * @example escapeHtml('Tom & "Jerry"') // 'Tom &amp; &quot;Jerry&quot;'
 */
export function escapeHtml(value: string): string {
  return HTML_SPECIAL.test(value) ? value.replace(HTML_SPECIAL_ALL, replaceEntity) : value;
}

/**
 * Escapes a value for a double- or single-quoted HTML attribute. The same entities as
 * {@link escapeHtml}; a separate name so callers say which context they fill.
 */
export function escapeAttribute(value: string): string {
  return escapeHtml(value);
}

/** Whether `value` is a link regiokit puts into a mail: `https:`, `http:` or `mailto:`, no white space or control characters. */
export function isSafeUrl(value: string): boolean {
  return SAFE_URL.test(value);
}

/**
 * Checks that `value` is a safe link ({@link isSafeUrl}) and escapes it for an `href="…"`.
 * Throws a {@link ContentError} `INVALID_MERGE_VALUE` naming `field` otherwise.
 *
 * @example escapeUrl('https://x.de/?a=1&b=2', 'unsubscribeUrl') // 'https://x.de/?a=1&amp;b=2'
 */
export function escapeUrl(value: string, field = 'url'): string {
  assertSafeUrlValue(value, field);
  return escapeHtml(value);
}

/**
 * Makes a value safe for one line of plain text: line breaks and control characters become a
 * single space, so a value cannot start a line of its own.
 */
export function escapeText(value: string): string {
  return LINE_BREAK_OR_CONTROL.test(value) ? value.replace(LINE_BREAK_OR_CONTROL_ALL, ' ') : value;
}

/**
 * Checks a value for a mail header such as `Subject`: CR, LF and other control characters are
 * rejected (header injection) with a {@link ContentError} `INVALID_MERGE_VALUE` naming `field`.
 * The value is returned unchanged; encoding it (RFC 2047) is the transport's job.
 */
export function escapeHeader(value: string, field = 'header'): string {
  if (LINE_BREAK_OR_CONTROL.test(value)) {
    throw createFieldError(
      'INVALID_MERGE_VALUE',
      field,
      'expected a value without line breaks or control characters for a mail header, got one with CR/LF',
    );
  }
  return value;
}

/** Throws `INVALID_MERGE_VALUE` naming `field` unless `value` passes {@link isSafeUrl}. */
export function assertSafeUrlValue(value: string, field: string): void {
  if (!SAFE_URL.test(value)) {
    throw createFieldError(
      'INVALID_MERGE_VALUE',
      field,
      `expected an https, http or mailto URL without spaces, got ${JSON.stringify(value.slice(0, 80))}`,
    );
  }
}
