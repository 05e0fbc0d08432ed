import { describe, expect, it } from 'vitest';
import {
  ContactPerson,
  Email,
  Image,
  Instant,
  IsoDate,
  Line,
  LinkUrl,
  PostalAddress,
  Text,
  TimeZone,
  WebUrl,
  Year,
} from './common';
import { ArticleId, ProjectId, SubscriberId } from './ids';
import { formatFieldErrors, validate } from './validation';

const message = (schema: Parameters<typeof validate>[0], input: unknown) => {
  const result = validate(schema, input);
  return result.success ? '' : formatFieldErrors(result.errors);
};

describe('value types', () => {
  it.each([
    [IsoDate, '2026-11-21', ''],
    [IsoDate, '2026-02-30', 'expected an ISO date (YYYY-MM-DD), got "2026-02-30"'],
    [IsoDate, '21.11.2026', 'expected an ISO date (YYYY-MM-DD), got "21.11.2026"'],
    [Instant, '2026-12-01T09:00:00+01:00', ''],
    [Instant, '2026-12-01T08:00:00Z', ''],
    [
      Instant,
      '2026-12-01T09:00:00',
      'expected an ISO instant with offset (2026-12-01T09:00:00+01:00), got "2026-12-01T09:00:00"',
    ],
    [TimeZone, 'Europe/Berlin', ''],
    [TimeZone, 'Europe/Kiel', 'expected an IANA time zone such as "Europe/Berlin", got "Europe/Kiel"'],
    [WebUrl, 'https://example.org/a', ''],
    [WebUrl, 'ftp://example.org', 'expected an http(s) URL, got "ftp://example.org"'],
    [WebUrl, 'javascript:alert(1)', 'expected an http(s) URL, got "javascript:alert(1)"'],
    [LinkUrl, 'mailto:info@example.org', ''],
    [LinkUrl, 'javascript:alert(1)', 'expected an http(s) or mailto URL, got "javascript:alert(1)"'],
    [Email, 'info@example.org', ''],
    [Email, 'info@', 'expected an e-mail address, got "info@"'],
    [Line, '  Titel  ', ''],
    [Line, '', 'expected a non-empty text'],
    [Line, 'a\r\nb', 'expected one line, got a line break (CR/LF)'],
    [Text, 'Absatz eins.\n\nAbsatz zwei.', ''],
    [Text, ' \n ', 'expected a non-empty text'],
    [Year, 2030, ''],
    [Year, 2030.5, 'expected a year, got 2030.5'],
    [Year, 1800, 'expected a year between 1900 and 2200, got 1800'],
  ] as const)('%#: checks %j', (schema, input, expected) => {
    expect(message(schema, input)).toBe(expected);
  });

  it('trims lines', () => {
    expect(Line.parse('  Titel  ')).toBe('Titel');
  });

  it.each([
    [{ src: 'https://example.org/a.jpg', alt: 'Ein Bild' }, ''],
    [{ src: 'https://example.org/a.jpg', alt: '' }, ''],
    [{ src: 'https://example.org/a.jpg' }, 'alt: expected alt text (use "" for a decorative image)'],
    [{ src: 'https://example.org/a.jpg', alt: 'x', width: 0 }, 'width: Too small: expected number to be >0'],
  ])('checks the image %j', (input, expected) => {
    expect(message(Image, input)).toBe(expected);
  });

  it.each([
    [{ street: 'Musterstraße 1', postalCode: '24103', city: 'Kiel' }, ''],
    [
      { street: 'Musterstraße 1', postalCode: '2410', city: 'Kiel' },
      'postalCode: expected a 5-digit postal code, got "2410"',
    ],
  ])('checks the address %j', (input, expected) => {
    expect(message(PostalAddress, input)).toBe(expected);
    if (expected === '') expect(PostalAddress.parse(input).country).toBe('DE');
  });

  it.each([
    [{ name: 'Erika Musterfrau', phone: '+49 000 0000000', email: 'presse@example.org' }, ''],
    [{ name: 'Erika Musterfrau', phone: 'call me' }, 'phone: expected a phone number, got "call me"'],
  ])('checks the contact %j', (input, expected) => {
    expect(message(ContactPerson, input)).toBe(expected);
  });
});

describe('ids', () => {
  it.each([
    ['kielregion', ''],
    ['a', ''],
    ['azubi-speed-dating-2025', ''],
    ['-start', 'expected a slug (a-z, 0-9, "-", 1–64 characters), got "-start"'],
    ['ende-', 'expected a slug (a-z, 0-9, "-", 1–64 characters), got "ende-"'],
    ['Groß', 'expected a slug (a-z, 0-9, "-", 1–64 characters), got "Groß"'],
    ['a'.repeat(65), `expected a slug (a-z, 0-9, "-", 1–64 characters), got "${'a'.repeat(65)}"`],
  ])('checks the slug %j', (input, expected) => {
    expect(message(ProjectId, input)).toBe(expected);
    expect(message(ArticleId, input)).toBe(expected);
  });

  it('checks subscriber ids as UUIDs', () => {
    expect(message(SubscriberId, '6f1c1f1e-2b7a-4c1d-9a4e-0e7d2c3b4a5f')).toBe('');
    expect(message(SubscriberId, '42')).toBe('expected a UUID, got "42"');
  });
});
