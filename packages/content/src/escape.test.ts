import { describe, expect, it } from 'vitest';
import { ContentError } from './content-error';
import { escapeAttribute, escapeHeader, escapeHtml, escapeText, escapeUrl, isSafeUrl } from './escape';

describe('escape functions', () => {
  it.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["Tom & Jerry's", 'Tom &amp; Jerry&#39;s'],
    ['😀 שלום', '😀 שלום'],
  ])('escapeHtml(%j) → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(escapeAttribute(input)).toBe(expected);
  });

  it('returns the same string when nothing needs escaping', () => {
    const value = 'Erika Mustermann';
    expect(escapeHtml(value)).toBe(value);
  });

  it.each([
    ['https://x.de/?a=1&b=2', true],
    ['http://x.de', true],
    ['mailto:presse@x.de', true],
    ['MAILTO:presse@x.de', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' https://x.de', false],
    ['https://x.de/a b', false],
    ['https://x.de/\nSet-Cookie', false],
    ['data:text/html,<script>', false],
    ['//x.de', false],
    ['https://', false],
  ])('isSafeUrl(%j) is %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });

  it('escapes a safe URL for an attribute and rejects an unsafe one naming the field', () => {
    expect(escapeUrl('https://x.de/?a=1&b="2"'.replace(/"/g, '%22'), 'unsubscribeUrl')).toBe(
      'https://x.de/?a=1&amp;b=%222%22',
    );
    expect(() => escapeUrl('javascript:alert(1)', 'unsubscribeUrl')).toThrow(/unsubscribeUrl/);
  });

  it('turns line breaks into spaces in plain text', () => {
    expect(escapeText('Erika\r\nBcc: x@y.de')).toBe('Erika Bcc: x@y.de');
    expect(escapeText('Erika')).toBe('Erika');
  });

  it('rejects CR/LF in a header value, naming the field', () => {
    expect(escapeHeader('Erika', 'firstName')).toBe('Erika');
    const error = (() => {
      try {
        escapeHeader('Erika\r\nBcc: x@y.de', 'firstName');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).code).toBe('INVALID_MERGE_VALUE');
    expect((error as ContentError).message).toMatch(/^firstName: /);
  });
});
