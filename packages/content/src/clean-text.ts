import { MERGE_SENTINEL_CHARACTERS } from './merge-field';

const UNWANTED = new RegExp(
  // C0/C1 controls except tab and line feed, bidi overrides/isolates (spoofing), merge sentinels.
  `[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069${MERGE_SENTINEL_CHARACTERS}]`,
  'g',
);
const CRLF = /\r\n?/g;

/**
 * Normalises an authored string before it is rendered: CRLF/CR become LF; control characters,
 * Unicode bidi overrides and isolates (used to disguise text) and the private-use characters that
 * mark merge fields are removed, so authored text can never turn into a merge field.
 */
export function cleanText(value: string): string {
  return value.replace(CRLF, '\n').replace(UNWANTED, '');
}
