import type { CompiledTemplate, CompiledText } from './compiled-template';
import { createFieldError } from './content-error';
import { assertSafeUrlValue, escapeHeader, escapeHtml, escapeText } from './escape';
import { type MergeField, type MergeValues, URL_MERGE_FIELDS } from './merge-field';
import { MESSAGES } from './messages';

/** A personalised mail: final strings for one recipient. */
export interface PersonalisedMail {
  readonly subject: string;
  readonly preheader: string;
  readonly html: string;
  readonly text: string;
}

function rawValue(compiled: CompiledTemplate, field: MergeField, values: MergeValues): string | undefined {
  if (field === 'salutationLine') {
    return (
      values.salutationLine ??
      MESSAGES[compiled.language].salutationLine(
        values.salutation ?? 'none',
        values.firstName ?? '',
        values.lastName ?? '',
      )
    );
  }
  return values[field];
}

/**
 * Escapes each merge value once for every slot of `compiled`: the result is indexed by
 * {@link MergeSlot.slot}. This is what a sender needs when it encodes the static parts of a
 * template itself and fills in only the values per recipient.
 *
 * Throws a {@link ContentError} `MISSING_MERGE_VALUE` naming the first required field without a
 * value, and `INVALID_MERGE_VALUE` for a URL that is not https/http/mailto or a header value
 * with a line break.
 */
export function resolveMergeValues(compiled: CompiledTemplate, values: MergeValues): string[] {
  for (const field of compiled.requiredFields) {
    const value = values[field];
    if (value === undefined || value === '') {
      throw createFieldError(
        'MISSING_MERGE_VALUE',
        field,
        `expected a value for merge field ${field}, got none`,
      );
    }
  }
  const { slots } = compiled;
  const resolved = new Array<string>(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const value = rawValue(compiled, slot.field, values) ?? '';
    if (value !== '' && URL_MERGE_FIELDS.includes(slot.field)) assertSafeUrlValue(value, slot.field);
    switch (slot.context) {
      case 'html':
      case 'attribute':
      case 'url':
        resolved[i] = escapeHtml(value);
        break;
      case 'text':
        resolved[i] = escapeText(value);
        break;
      case 'header':
        resolved[i] = escapeHeader(value, slot.field);
        break;
    }
  }
  return resolved;
}

/** Concatenates the parts of a compiled text with the resolved values (see {@link resolveMergeValues}). */
export function fillParts(text: CompiledText, resolved: readonly string[]): string {
  let out = '';
  for (const part of text.parts) out += typeof part === 'string' ? part : resolved[part.slot];
  return out;
}

/**
 * Fills a compiled template for one recipient: every value is escaped for the place it goes
 * (HTML text, attribute, link, plain text, header). Nothing is parsed or rendered again.
 *
 * @example
 * const compiled = await compileNewsletter(issue, theme);
 * const mail = personalise(compiled, {
 *   email: 'erika@example.org', firstName: 'Erika', lastName: 'Mustermann', salutation: 'frau',
 *   unsubscribeUrl: 'https://news.example.org/u/abc', preferencesUrl: 'https://news.example.org/p/abc',
 *   webVersionUrl: 'https://news.example.org/w/4-2026',
 * });
 */
export function personalise(compiled: CompiledTemplate, values: MergeValues): PersonalisedMail {
  const resolved = resolveMergeValues(compiled, values);
  return {
    subject: fillParts(compiled.subject, resolved),
    preheader: fillParts(compiled.preheader, resolved),
    html: fillParts(compiled.html, resolved),
    text: fillParts(compiled.text, resolved),
  };
}
