import { cleanText } from './clean-text';
import { escapeHtml } from './escape';
import {
  AUTHOR_MERGE_FIELDS,
  formatMergeSentinel,
  type MergeContext,
  type MergeField,
  parseAuthoredText,
} from './merge-field';

/** A piece of markup that is already safe to emit (escaped or written by the renderer). */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into {@link markup}: strings are escaped, markup is kept. */
export type MarkupValue = string | number | Markup | undefined | null | false | readonly MarkupValue[];

function emit(value: MarkupValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Markup) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(cleanText(value));
  let out = '';
  for (const v of value) out += emit(v);
  return out;
}

/**
 * Tagged template for MJML/HTML: every interpolated string is cleaned and escaped (text and
 * quoted attributes alike); {@link Markup} values and arrays of them are inserted as they are.
 */
export function markup(strings: TemplateStringsArray, ...values: readonly MarkupValue[]): Markup {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += emit(values[i]) + (strings[i + 1] ?? '');
  return new Markup(out);
}

/** Trusted markup written by the renderer itself (never user input). */
export function trusted(value: string): Markup {
  return new Markup(value);
}

/** Joins markup values. */
export function joinMarkup(values: readonly MarkupValue[], separator = ''): Markup {
  return new Markup(
    values
      .map(emit)
      .filter((s) => s !== '')
      .join(separator),
  );
}

/** The slot for a merge value in the given context. */
export function mergeSlot(field: MergeField, context: MergeContext): Markup {
  return new Markup(formatMergeSentinel(field, context));
}

/**
 * One line of authored text as HTML: escaped, with `{{name}}` merge fields turned into slots
 * when `merge` allows them (else a token is an error naming `path`).
 */
export function authoredInline(text: string, path: string, merge: boolean): Markup {
  const segments = parseAuthoredText(cleanText(text), path, merge ? AUTHOR_MERGE_FIELDS : []);
  let out = '';
  for (const s of segments) {
    out +=
      typeof s === 'string' ? escapeHtml(s).replace(/\n/g, '<br>') : formatMergeSentinel(s.field, 'html');
  }
  return new Markup(out);
}

/** Splits authored text into paragraphs at blank lines. */
export function splitParagraphs(text: string): string[] {
  return cleanText(text)
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Authored text with paragraphs as `<p>` elements (single line breaks become `<br>`), each with
 * the given inline style.
 */
export function authoredParagraphs(text: string, path: string, merge: boolean, style: string): Markup {
  return joinMarkup(
    splitParagraphs(text).map((p) => markup`<p style="${style}">${authoredInline(p, path, merge)}</p>`),
  );
}
