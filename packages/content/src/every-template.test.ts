import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BUNDLES } from '../test/example-bundles';
import { SAMPLE_RECIPIENT } from '../test/fixtures/regions';
import { findMailProblems } from '../test/mail-assertions';
import type { CompiledTemplate } from './compiled-template';
import { getMessages } from './messages';
import { compileNewsletter } from './newsletter';
import { personalise } from './personalise';
import { compilePressRelease } from './press-release';
import { compileServiceMail } from './service-mail';
import { createTheme } from './theme';

const LANGUAGES = ['de', 'en'] as const;

interface Case {
  readonly name: string;
  readonly compile: (testSend: boolean) => Promise<CompiledTemplate>;
  readonly embargo: boolean;
}

const cases = EXAMPLE_BUNDLES.flatMap((bundle) =>
  LANGUAGES.flatMap((language) => {
    const theme = createTheme(bundle.region);
    const region = bundle.region.id;
    const list: (Case & { language: typeof language; publisher: string })[] = [];
    const publisher = theme.imprint.publisher;
    for (const issue of bundle.newsletterIssues) {
      list.push({
        name: `${region} newsletter ${issue.id}`,
        compile: (testSend) => compileNewsletter(issue, theme, { language, testSend }),
        embargo: false,
        language,
        publisher,
      });
    }
    for (const release of bundle.pressReleases) {
      list.push({
        name: `${region} press release ${release.id}`,
        compile: (testSend) => compilePressRelease(release, theme, { language, testSend }),
        embargo: release.embargo !== undefined,
        language,
        publisher,
      });
    }
    list.push({
      name: `${region} double opt-in`,
      compile: (testSend) => compileServiceMail({ kind: 'double-opt-in' }, theme, { language, testSend }),
      embargo: false,
      language,
      publisher,
    });
    list.push({
      name: `${region} unsubscribe confirmation`,
      compile: (testSend) =>
        compileServiceMail({ kind: 'unsubscribe-confirmation' }, theme, { language, testSend }),
      embargo: false,
      language,
      publisher,
    });
    return list;
  }),
);

describe('every template for every example region in both languages', () => {
  it('covers several regions and every template', () => {
    expect(EXAMPLE_BUNDLES.length).toBeGreaterThanOrEqual(2);
    expect(cases.some((c) => c.embargo)).toBe(true);
    expect(cases.some((c) => c.name.includes('press release') && !c.embargo)).toBe(true);
  });

  it.each(cases.map((c) => [`${c.name} (${c.language})`, c] as const))('%s', async (_, c) => {
    const messages = getMessages(c.language);
    for (const testSend of [false, true]) {
      const compiled = await c.compile(testSend);
      expect(compiled.testSend).toBe(testSend);
      const mail = personalise(compiled, SAMPLE_RECIPIENT);
      expect(
        findMailProblems(mail.html, { language: c.language, ...SAMPLE_RECIPIENT, publisher: c.publisher }),
      ).toEqual([]);
      const root = parse(mail.html);
      // embargo line exactly when set
      expect(root.querySelectorAll('.rk-embargo').length).toBe(c.embargo ? 1 : 0);
      expect(mail.text.includes(`${messages.embargo}: `)).toBe(c.embargo);
      // test banner exactly in the test variant
      expect(root.querySelectorAll('.rk-test-banner').length).toBe(testSend ? 1 : 0);
      expect(mail.subject.startsWith(messages.testSubjectPrefix)).toBe(testSend);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      // plain text: links as text with their URL, footer, Impressum, no markup or merge markers
      expect(mail.text).toContain(`${messages.unsubscribe}: ${SAMPLE_RECIPIENT.unsubscribeUrl}`);
      expect(mail.text).toContain(`${messages.preferences}: ${SAMPLE_RECIPIENT.preferencesUrl}`);
      expect(mail.text).toContain(`${messages.imprint}\n${c.publisher}`);
      expect(mail.text).toContain(SAMPLE_RECIPIENT.email);
      expect(mail.text).not.toMatch(/<\/?(p|a|div|br|table|td|span|img|h[1-6])\b|&amp;|[\uE000\uE001]|\{\{/i);
      for (const a of root.querySelectorAll('a')) {
        const href = a.getAttribute('href') ?? '';
        if (href.startsWith('http')) expect(mail.text, `text part has ${href}`).toContain(href);
      }
      expect(compiled.htmlBytes).toBeGreaterThan(0);
    }
  });
});
