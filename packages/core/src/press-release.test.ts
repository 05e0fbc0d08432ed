import { describe, expect, it } from 'vitest';
import { Article } from './article';
import { Event } from './event';
import { KIELREGION, THUERINGER_BOGEN } from './examples/index';
import { NewsletterIssue } from './newsletter-issue';
import { formatPressReleaseNumber, isEmbargoLifted, PressRelease } from './press-release';
import { formatFieldErrors, validate } from './validation';

const release = THUERINGER_BOGEN.pressReleases[0]!;

describe('PressRelease', () => {
  it.each([
    [{ seq: 12, year: 2026 }, '12/2026'],
    [{ seq: 1, year: 2025 }, '1/2025'],
  ])('formats the number %j as %s', (n, expected) => {
    expect(formatPressReleaseNumber(n)).toBe(expected);
  });

  it.each([
    ['2025-03-10T09:59:59Z', false],
    ['2025-03-10T10:00:00Z', true],
    ['2025-03-11T00:00:00Z', true],
  ])('with an embargo until 10 March 2025, 11:00 Berlin, is lifted at %s: %s', (now, lifted) => {
    expect(isEmbargoLifted(release, new Date(now))).toBe(lifted);
  });

  it('is lifted at once without an embargo', () => {
    expect(isEmbargoLifted({ embargo: undefined }, new Date(0))).toBe(true);
  });

  it.each([
    [
      { quotes: [1, 2, 3, 4].map((i) => ({ text: `Zitat ${i}`, person: 'Erika Musterfrau' })) },
      'quotes: expected at most 3 quotes',
    ],
    [
      { images: [{ src: 'https://example.org/a.jpg', alt: 'Bild', caption: 'Bildunterschrift' }] },
      'images[0].credit: Invalid input: expected string, received undefined',
    ],
    [
      { embargo: '2025-03-10 11:00' },
      'embargo: expected an ISO instant with offset (2026-12-01T09:00:00+01:00), got "2025-03-10 11:00"',
    ],
    [
      { dateline: { place: 'Gotha', date: '2025-03-10', style: 'kiel' } },
      'dateline.style: Invalid option: expected one of "place-date"|"brand-date"',
    ],
    [{ number: { seq: 0, year: 2025 } }, 'number.seq: Too small: expected number to be >0'],
  ])('rejects %j', (patch, message) => {
    const result = validate(PressRelease, { ...release, ...patch });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });
});

describe('NewsletterIssue', () => {
  const issue = KIELREGION.newsletterIssues[0]!;

  it.each([
    [{ sections: [] }, 'sections: expected at least one section'],
    [
      { sections: [{ heading: 'Leer', items: [] }] },
      'sections[0].items: expected at least one item in a section',
    ],
    [
      { sections: [{ heading: 'X', items: [{ kind: 'poll', title: 'Umfrage' }] }] },
      "sections[0].items[0].kind: Invalid discriminator value. Expected 'article' | 'project-update' | 'event' | 'funding-call'",
    ],
    [
      { heroImage: { src: 'https://example.org/a.jpg' } },
      'heroImage.alt: expected alt text (use "" for a decorative image)',
    ],
    [{ subject: 'x'.repeat(201) }, 'subject: Too big: expected string to have <=200 characters'],
  ])('rejects %j', (patch, message) => {
    const result = validate(NewsletterIssue, { ...issue, ...patch });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });
});

describe('Event and Article', () => {
  const event = KIELREGION.events[0]!;

  it('rejects an event that ends before it starts', () => {
    const result = validate(Event, { ...event, endsAt: '2024-09-06T12:00:00+02:00' });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(
      'endsAt: expected the end not before the start',
    );
  });

  it('accepts an event ending at another offset but the same moment', () => {
    expect(validate(Event, { ...event, endsAt: '2024-09-06T11:00:00Z' }).success).toBe(true);
  });

  it('rejects an article without teaser', () => {
    const result = validate(Article, { ...KIELREGION.articles[0]!, teaser: '' });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe('teaser: expected a non-empty text');
  });
});
