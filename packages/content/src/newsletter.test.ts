import type { NewsletterIssue } from '@regiokit/core';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { FIXTURE_BUNDLES, SAMPLE_RECIPIENT } from '../test/fixtures/regions';
import { findMailProblems } from '../test/mail-assertions';
import { rejection } from '../test/rejection';
import { compileNewsletter } from './newsletter';
import { personalise } from './personalise';
import { createTheme } from './theme';

const bundle = FIXTURE_BUNDLES[0]!;
const theme = createTheme(bundle.region);
const issue = bundle.newsletterIssues[0]!;

describe('compileNewsletter', () => {
  it('renders a sound mail in German and English', async () => {
    for (const language of ['de', 'en'] as const) {
      const compiled = await compileNewsletter(issue, theme, { language });
      const mail = personalise(compiled, SAMPLE_RECIPIENT);
      expect(
        findMailProblems(mail.html, { language, ...SAMPLE_RECIPIENT, publisher: 'KielRegion GmbH' }),
      ).toEqual([]);
      expect(compiled.language).toBe(language);
      expect(compiled.requiredFields).toEqual(['webVersionUrl', 'email', 'unsubscribeUrl', 'preferencesUrl']);
    }
  });

  it('shows items with their formatted facts', async () => {
    const mail = personalise(await compileNewsletter(issue, theme), SAMPLE_RECIPIENT);
    const text = parse(mail.html).text;
    expect(text).toContain('Donnerstag, 3. Dezember 2026, 09:00–12:30 Uhr');
    expect(text).toContain('Förderung bis 20.000,00\u00a0€ je Projekt');
    expect(text).toContain('Handlungsfeld: MobilitätsRegion · Status: In Umsetzung');
    expect(text).toContain('Sehr geehrte Frau Mustermann,');
    expect(mail.subject).toBe(issue.subject);
  });

  it('writes the plain text from the model: headings, facts and links with their URL', async () => {
    const mail = personalise(await compileNewsletter(issue, theme), SAMPLE_RECIPIENT);
    expect(mail.text).toContain('Aus der Region\n==============');
    expect(mail.text).toContain('Regionalkonferenz 2024: Zwischen Northvolt und Fehmarnbelt\n------');
    expect(mail.text).toContain('Weiterlesen: https://www.kielregion.example/regionalkonferenz');
    expect(mail.text).toContain('Zur Anmeldung: https://www.kielregion.example/anmeldung');
    expect(mail.text).toContain(`Abmelden: ${SAMPLE_RECIPIENT.unsubscribeUrl}`);
    expect(mail.text).toContain(`Im Browser ansehen: ${SAMPLE_RECIPIENT.webVersionUrl}`);
    expect(mail.text).toContain('Impressum\nKielRegion GmbH\nNeufeldtstraße 6, 24118 Kiel');
    expect(mail.text).not.toMatch(/<\/?(p|a|div|br|table|span|img|h[1-6])\b/i);
    for (const line of mail.text.split('\n')) {
      if (!line.includes('://')) expect(line.length).toBeLessThanOrEqual(76 + 40);
    }
  });

  it('fills merge fields written by the author', async () => {
    const personal: NewsletterIssue = {
      ...issue,
      subject: '{{firstName}}, Ihr Newsletter',
      preheader: 'Für {{ firstName }} {{lastName}}',
      editorial: { text: 'Liebe(r) {{firstName}}, schön, dass Sie dabei sind.', author: 'Team' },
    };
    const compiled = await compileNewsletter(personal, theme);
    const mail = personalise(compiled, { ...SAMPLE_RECIPIENT, firstName: '<Erika>' });
    expect(mail.subject).toBe('<Erika>, Ihr Newsletter');
    expect(mail.preheader).toBe('Für <Erika> Mustermann');
    expect(mail.html).toContain('Liebe(r) &lt;Erika&gt;, schön');
    expect(mail.html).toContain('<title>&lt;Erika&gt;, Ihr Newsletter</title>');
    expect(mail.text).toContain('Liebe(r) <Erika>, schön');
  });

  it('rejects an unknown merge field at compile time, naming the field', async () => {
    const error = await rejection(
      compileNewsletter(
        {
          ...issue,
          sections: [{ heading: 'H', items: [{ kind: 'article', title: 'Hallo {{vorname}}', text: 'x' }] }],
        },
        theme,
      ),
    );
    expect(error.code).toBe('UNKNOWN_MERGE_FIELD');
    expect(error.message).toMatch(/^sections\[0\]\.items\[0\]\.title: unknown merge field \{\{vorname\}\}/);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
  ])('rejects the link %j naming the item', async (url) => {
    const sections = [
      issue.sections[0]!,
      { heading: 'H', items: [{ kind: 'article' as const, title: 'T', text: 'x', url }] },
    ];
    const error = await rejection(compileNewsletter({ ...issue, sections }, theme));
    expect(error.issues.map((i) => i.path)).toContain('sections[1].items[0].url');
  });

  it('rejects CR/LF in the subject', async () => {
    const error = await rejection(
      compileNewsletter({ ...issue, subject: 'Hallo\r\nBcc: all@example.org' }, theme),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues[0]?.path).toBe('subject');
  });

  it('rejects an image without alt text and accepts an explicit empty one', async () => {
    const image = { src: 'https://x.example/a.jpg' } as { src: string; alt: string };
    const error = await rejection(compileNewsletter({ ...issue, heroImage: image }, theme));
    expect(error.issues.map((i) => i.path)).toContain('heroImage.alt');
    const compiled = await compileNewsletter({ ...issue, heroImage: { ...image, alt: '' } }, theme);
    const img = parse(personalise(compiled, SAMPLE_RECIPIENT).html).querySelector(
      'img[src="https://x.example/a.jpg"]',
    );
    expect(img?.getAttribute('alt')).toBe('');
  });

  it('adds the test-send banner and subject prefix only in the test variant', async () => {
    const normal = personalise(await compileNewsletter(issue, theme), SAMPLE_RECIPIENT);
    const test = personalise(await compileNewsletter(issue, theme, { testSend: true }), SAMPLE_RECIPIENT);
    expect(parse(normal.html).querySelector('.rk-test-banner')).toBeNull();
    expect(parse(test.html).querySelector('.rk-test-banner')?.text).toContain('Testversand');
    expect(test.subject).toBe(`[TEST] ${issue.subject}`);
    expect(test.text).toMatch(/^\*\*\* Testversand/);
  });

  it('leaves out the web-version link when asked and then does not need its URL', async () => {
    const compiled = await compileNewsletter(issue, theme, { webVersion: false });
    expect(compiled.requiredFields).not.toContain('webVersionUrl');
    const { webVersionUrl: _, ...values } = SAMPLE_RECIPIENT;
    expect(parse(personalise(compiled, values).html).querySelector('.rk-web-version')).toBeNull();
  });

  it('reports the HTML size and warns above 100 KiB', async () => {
    const small = await compileNewsletter(issue, theme);
    expect(small.htmlBytes).toBeGreaterThan(10_000);
    expect(small.warnings).toEqual([]);
    const long = 'Lorem ipsum dolor sit amet. '.repeat(200);
    const sections = Array.from({ length: 25 }, (_, i) => ({
      heading: `Abschnitt ${i + 1}`,
      items: [{ kind: 'article' as const, title: 'Meldung', text: long }],
    }));
    const big = await compileNewsletter({ ...issue, sections }, theme);
    expect(big.htmlBytes).toBeGreaterThan(100 * 1024);
    expect(big.warnings.map((w) => w.code)).toEqual(['HTML_TOO_LARGE']);
  });

  it('minifies on request and keeps the Outlook conditional comments', async () => {
    const plain = await compileNewsletter(issue, theme);
    const minified = await compileNewsletter(issue, theme, { minify: true });
    expect(minified.minified).toBe(true);
    expect(minified.htmlBytes).toBeLessThan(plain.htmlBytes);
    const html = personalise(minified, SAMPLE_RECIPIENT).html;
    const conditionals = (s: string) => s.match(/<!--\[if mso \| IE\]>/g)?.length ?? 0;
    expect(conditionals(html)).toBeGreaterThan(0);
    expect(conditionals(html)).toBe(conditionals(personalise(plain, SAMPLE_RECIPIENT).html));
    expect(html).toContain('<![endif]-->');
    expect(
      findMailProblems(html, { language: 'de', ...SAMPLE_RECIPIENT, publisher: 'KielRegion GmbH' }),
    ).toEqual([]);
  });
});
