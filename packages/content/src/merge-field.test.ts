import { describe, expect, it } from 'vitest';
import type { ContentError } from './content-error';
import { AUTHOR_MERGE_FIELDS, parseAuthoredText } from './merge-field';

describe('parseAuthoredText', () => {
  it('splits text at merge fields, allowing spaces inside the braces', () => {
    expect(parseAuthoredText('Hallo {{firstName}}, {{ lastName }}!', 'subject', AUTHOR_MERGE_FIELDS)).toEqual(
      ['Hallo ', { field: 'firstName' }, ', ', { field: 'lastName' }, '!'],
    );
  });

  it('returns text without tokens as one segment', () => {
    expect(parseAuthoredText('Kein Feld { hier }', 'subject', AUTHOR_MERGE_FIELDS)).toEqual([
      'Kein Feld { hier }',
    ]);
  });

  it.each([
    ['Hallo {{vorname}}', /subject: unknown merge field \{\{vorname\}\}/],
    ['Hallo {{unsubscribeUrl}}', /unknown merge field \{\{unsubscribeUrl\}\}.*allowed: firstName/],
    ['Hallo {{}}', /unknown merge field \{\{\}\}/],
  ])('rejects %j', (text, message) => {
    expect(() => parseAuthoredText(text, 'subject', AUTHOR_MERGE_FIELDS)).toThrow(message);
    try {
      parseAuthoredText(text, 'subject', AUTHOR_MERGE_FIELDS);
    } catch (e) {
      expect((e as ContentError).code).toBe('UNKNOWN_MERGE_FIELD');
      expect((e as ContentError).issues[0]?.path).toBe('subject');
    }
  });

  it('rejects every merge field where none is allowed', () => {
    expect(() => parseAuthoredText('{{firstName}}', 'headline', [])).toThrow(/none are allowed here/);
  });
});
