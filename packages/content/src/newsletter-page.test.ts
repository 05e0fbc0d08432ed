import type { NewsletterIssue } from '@regiokit/core';
import { type HTMLElement, parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BUNDLES } from '../test/example-bundles';
import { FIXTURE_BUNDLES } from '../test/fixtures/regions';
import { findInjection } from '../test/mail-assertions';
import { ContentError } from './content-error';
import { renderNewsletterPage, renderNewsletterPageStyleSheet } from './newsletter-page';
import { createTheme } from './theme';

const kiel = FIXTURE_BUNDLES[0]!;
const kielTheme = createTheme(kiel.region);
const issue = kiel.newsletterIssues[0]!;
const LINKS = {
  archiveUrl: 'https://news.kielregion.example/kielregion/archive',
  subscribeUrl: 'https://news.kielregion.example/kielregion/subscribe',
  canonicalUrl: 'https://news.kielregion.example/kielregion/archive/newsletters/kielregion-2026-04',
} as const;

/** Structural problems of a public page: landmarks, headings, alt texts, personal links, injections. */
function findPageProblems(root: HTMLElement, language: 'de' | 'en', publisher: string): string[] {
  const problems: string[] = [];
  if (root.querySelector('html')?.getAttribute('lang') !== language) problems.push('lang');
  const body = root.querySelector('body');
  for (const landmark of ['header', 'main', 'footer']) {
    if (body?.childNodes.filter((n) => (n as HTMLElement).tagName === landmark.toUpperCase()).length !== 1) {
      problems.push(`expected one <${landmark}> directly in <body>`);
    }
  }
  if (root.querySelectorAll('h1').length !== 1) problems.push('expected exactly one h1');
  let level = 0;
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const next = Number(heading.tagName.slice(1));
    if (next > level + 1) problems.push(`h${next} after h${level}: "${heading.text}"`);
    level = next;
  }
  for (const img of root.querySelectorAll('img')) {
    if (!('alt' in img.attributes)) problems.push(`img without alt: ${img.getAttribute('src')}`);
  }
  const imprint = root.querySelector('footer .rk-imprint');
  if (imprint === null || !imprint.text.includes(publisher)) problems.push('no Impressum in the footer');
  for (const element of root.querySelectorAll('[style]'))
    problems.push(`style attribute on <${element.tagName}>`);
  for (const element of root.querySelectorAll('[id]')) {
    if (root.querySelectorAll(`[id="${element.id}"]`).length > 1) problems.push(`duplicate id ${element.id}`);
  }
  if (root.querySelector('.rk-unsubscribe, .rk-preferences, .rk-reason') !== null)
    problems.push('personal footer');
  if (/\{\{|[\uE000\uE001]/.test(root.toString())) problems.push('merge field left in the page');
  problems.push(...findInjection(root));
  return problems;
}

describe('renderNewsletterPage', () => {
  it.each(
    EXAMPLE_BUNDLES.flatMap((bundle) =>
      bundle.newsletterIssues.flatMap((i) =>
        (['de', 'en'] as const).map(
          (language) => [`${bundle.region.id} ${i.id} (${language})`, bundle, i, language] as const,
        ),
      ),
    ),
  )('renders %s as an accessible public page', (_, bundle, example, language) => {
    const theme = createTheme(bundle.region);
    const page = renderNewsletterPage(example, theme, { language, sentAt: '2026-12-03T08:00:00Z', ...LINKS });
    const root = parse(page.html);
    expect(page.html.startsWith('<!doctype html>')).toBe(true);
    expect(findPageProblems(root, language, theme.imprint.publisher)).toEqual([]);
    expect(root.querySelector('h1')?.text).toBe(example.subject);
    expect(root.querySelectorAll('script')).toHaveLength(0);
    expect(page.html).not.toMatch(/@import|@font-face|url\(|fonts\.googleapis/);
    expect(page.htmlBytes).toBe(new TextEncoder().encode(page.html).length);
  });

  it('shows the issue date and the day it was sent, in Berlin time and the page language', () => {
    const cases = [
      {
        language: 'de',
        sentAt: '2026-12-03T08:00:00Z',
        sent: 'Versandt am 3. Dezember 2026',
        day: '21. November 2026',
      },
      // 23:30 UTC on 2 December is already 3 December in Berlin
      {
        language: 'de',
        sentAt: '2026-12-02T23:30:00Z',
        sent: 'Versandt am 3. Dezember 2026',
        day: '21. November 2026',
      },
      {
        language: 'en',
        sentAt: '2026-07-01T00:30:00+02:00',
        sent: 'Sent on 1 July 2026',
        day: '21 November 2026',
      },
    ] as const;
    for (const c of cases) {
      const root = parse(
        renderNewsletterPage(issue, kielTheme, { language: c.language, sentAt: c.sentAt }).html,
      );
      expect(root.querySelector('.rk-sent')?.text).toBe(c.sent);
      expect(root.querySelector('.rk-sent time')?.getAttribute('datetime')).toBe(c.sentAt);
      expect(root.querySelector('.rk-meta time')?.text).toBe(c.day);
    }
    const unsent = parse(renderNewsletterPage(issue, kielTheme).html);
    expect(unsent.querySelector('.rk-sent')).toBeNull();
    expect(unsent.querySelector('.rk-meta')?.text).toBe('Newsletter · Ausgabe 4/2026 · 21. November 2026');
  });

  it('is German by default (the issue language) and English on request', () => {
    const de = parse(renderNewsletterPage(issue, kielTheme, LINKS).html);
    expect(de.querySelector('html')?.getAttribute('lang')).toBe('de');
    expect(de.querySelector('.rk-skip')?.text).toBe('Zum Inhalt springen');
    expect(de.querySelector('.rk-archive')?.text).toBe('Alle Ausgaben im Archiv');
    expect(de.querySelector('.rk-subscribe')?.text).toBe('Newsletter KielRegion abonnieren');
    expect(de.querySelector('.rk-imprint')?.text).toContain('Impressum');
    expect(de.text).toContain('Bewerbungsfrist: 31. Januar 2027');
    expect(de.text).toContain('20.000,00\u00a0€');
    const en = parse(renderNewsletterPage(issue, kielTheme, { ...LINKS, language: 'en' }).html);
    expect(en.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(en.querySelector('.rk-archive')?.text).toBe('All issues in the archive');
    expect(en.querySelector('.rk-subscribe')?.text).toBe('Subscribe to the KielRegion newsletter');
    expect(en.text).toContain('Application deadline: 31 January 2027');
    expect(en.text).toContain('Thursday, 3 December 2026, 09:00–12:30');
  });

  it('links back to the archive and to the public sign-up only when given, and never to personal pages', () => {
    const withLinks = parse(
      renderNewsletterPage(issue, kielTheme, { ...LINKS, listName: 'Newsletter Förde' }).html,
    );
    expect(withLinks.querySelector('a.rk-archive')?.getAttribute('href')).toBe(LINKS.archiveUrl);
    expect(withLinks.querySelector('a.rk-subscribe')?.getAttribute('href')).toBe(LINKS.subscribeUrl);
    expect(withLinks.querySelector('a.rk-subscribe')?.text).toBe('Newsletter Förde abonnieren');
    expect(withLinks.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(LINKS.canonicalUrl);
    const bare = parse(renderNewsletterPage(issue, kielTheme).html);
    expect(bare.querySelector('.rk-after')).toBeNull();
    expect(bare.querySelector('link')).toBeNull();
    const relative = parse(
      renderNewsletterPage(issue, kielTheme, { archiveUrl: '/kielregion/archive?lang=en' }).html,
    );
    expect(relative.querySelector('a.rk-archive')?.getAttribute('href')).toBe('/kielregion/archive?lang=en');
    const hrefs = withLinks.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /\/(u|p|c)\//.test(h))).toEqual([]);
  });

  it('fills merge fields with neutral text instead of a reader’s data', () => {
    const cases = [
      {
        language: 'de',
        text: 'Hallo {{firstName}}, schön, dass Sie lesen',
        expected: 'Hallo, schön, dass Sie lesen',
      },
      { language: 'de', text: 'Liebe {{firstName}} {{lastName}}, willkommen', expected: 'Liebe, willkommen' },
      {
        language: 'de',
        text: '{{salutationLine}} hier ist Ausgabe 4',
        expected: 'Guten Tag, hier ist Ausgabe 4',
      },
      {
        language: 'de',
        text: 'Diese Ausgabe ging an {{ email }}.',
        expected: 'Diese Ausgabe ging an Ihre E-Mail-Adresse.',
      },
      {
        language: 'en',
        text: '{{salutationLine}} this is for {{email}}',
        expected: 'Hello, this is for your email address',
      },
      { language: 'en', text: 'News for {{firstName}}', expected: 'News for' },
    ] as const;
    for (const c of cases) {
      const changed: NewsletterIssue = {
        ...issue,
        subject: c.text,
        preheader: c.text,
        sections: [{ ...issue.sections[0]!, heading: c.text, intro: `${c.text}\n\n${c.text}` }],
      };
      const page = renderNewsletterPage(changed, kielTheme, { language: c.language });
      const root = parse(page.html);
      expect(root.querySelector('h1')?.text, c.text).toBe(c.expected);
      expect(root.querySelector('title')?.text).toBe(`${c.expected} – KielRegion`);
      expect(root.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(c.expected);
      expect(root.querySelector('h2#rk-section-0')?.text).toBe(c.expected);
      expect(
        root
          .querySelectorAll('.rk-section p')
          .slice(0, 2)
          .map((p) => p.text),
      ).toEqual([c.expected, c.expected]);
      expect(page.html).not.toMatch(/\{\{|[\uE000\uE001]/);
    }
  });

  it('rejects a merge field the mail would reject too, naming the field', () => {
    expect(() =>
      renderNewsletterPage({ ...issue, subject: 'Abmelden: {{unsubscribeUrl}}' }, kielTheme),
    ).toThrow(/^subject: unknown merge field \{\{unsubscribeUrl\}\}/);
  });

  it('inlines its styles (optionally with a nonce) or links the same sheet, and has no style attribute', () => {
    const sheet = renderNewsletterPageStyleSheet(kielTheme);
    expect(sheet).toContain(`background:${kielTheme.colours.primary}`);
    const inline = parse(renderNewsletterPage(issue, kielTheme).html);
    expect(inline.querySelector('style')?.text.trim()).toBe(sheet.trim());
    expect(inline.querySelector('style')?.getAttribute('nonce')).toBeUndefined();
    const nonce = 'r4nd0mN0nce-base64_AAA==';
    const withNonce = parse(renderNewsletterPage(issue, kielTheme, { styleNonce: nonce }).html);
    expect(withNonce.querySelector('style')?.getAttribute('nonce')).toBe(nonce);
    const linked = parse(
      renderNewsletterPage(issue, kielTheme, { styleSheetUrl: '/assets/newsletter/kielregion.css' }).html,
    );
    expect(linked.querySelector('style')).toBeNull();
    expect(linked.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe(
      '/assets/newsletter/kielregion.css',
    );
    for (const root of [inline, withNonce, linked]) expect(root.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('shows a logo with alt text, the brand when the logo has none', () => {
    const logo = { src: 'https://www.kielregion.example/logo.png', alt: 'KielRegion Logo' };
    const withLogo = parse(renderNewsletterPage(issue, createTheme(kiel.region, { logo })).html);
    expect(withLogo.querySelector('header img.rk-logo')?.getAttribute('alt')).toBe('KielRegion Logo');
    const silent = parse(
      renderNewsletterPage(issue, createTheme(kiel.region, { logo: { ...logo, alt: '' } })).html,
    );
    expect(silent.querySelector('header img.rk-logo')?.getAttribute('alt')).toBe('KielRegion');
  });

  it.each([
    ['sentAt', { sentAt: 'gestern' }, 'INVALID_INPUT'],
    ['sentAt', { sentAt: '2026-12-03T08:00:00' }, 'INVALID_INPUT'],
    ['canonicalUrl', { canonicalUrl: '/kielregion/archive' }, 'UNSAFE_URL'],
    ['archiveUrl', { archiveUrl: 'javascript:alert(1)' }, 'UNSAFE_URL'],
    ['archiveUrl', { archiveUrl: '//evil.example/archive' }, 'UNSAFE_URL'],
    ['subscribeUrl', { subscribeUrl: 'mailto:news@kielregion.example' }, 'UNSAFE_URL'],
    ['styleSheetUrl', { styleSheetUrl: 'data:text/css,body{}' }, 'UNSAFE_URL'],
    ['styleNonce', { styleNonce: 'short' }, 'INVALID_INPUT'],
    ['styleNonce', { styleNonce: `${'a'.repeat(20)}"><script>` }, 'INVALID_INPUT'],
    ['styleNonce', { styleNonce: 'a'.repeat(24), styleSheetUrl: '/x.css' }, 'INVALID_INPUT'],
  ] as const)('rejects a bad %s: %j', (field, options, code) => {
    try {
      renderNewsletterPage(issue, kielTheme, options);
      expect.unreachable('expected a ContentError');
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).code).toBe(code);
      expect((error as ContentError).issues[0]?.path).toBe(field);
      expect((error as ContentError).message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('names the field of an invalid issue', () => {
    const broken = {
      ...issue,
      heroImage: { src: 'https://www.kielregion.example/a.jpg' },
    } as unknown as NewsletterIssue;
    expect(() => renderNewsletterPage(broken, kielTheme)).toThrow(/heroImage\.alt/);
  });
});
