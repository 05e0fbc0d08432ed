import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { FIXTURE_BUNDLES, SAMPLE_RECIPIENT } from '../test/fixtures/regions';
import { collectStringPaths, formatKeyPath, HOSTILE_STRINGS, replaceAt } from '../test/hostile';
import { findInjection } from '../test/mail-assertions';
import type { CompiledTemplate } from './compiled-template';
import { ContentError } from './content-error';
import { compileNewsletter } from './newsletter';
import { type NewsletterPageOptions, renderNewsletterPage } from './newsletter-page';
import { personalise } from './personalise';
import { compilePressRelease, renderPressReleaseText } from './press-release';
import { renderPressReleasePage } from './press-release-page';
import { compileServiceMail } from './service-mail';
import { createTheme } from './theme';

const bundle = FIXTURE_BUNDLES[0]!;
const theme = createTheme(bundle.region);

interface Outcome {
  readonly rejected: boolean;
  readonly problems: string[];
}

/** Renders, or records a rejection; any error other than a ContentError fails the test. */
async function attempt(render: () => Promise<string[]>, baseline: number): Promise<Outcome> {
  try {
    const htmls = await render();
    const problems = htmls.flatMap((html) => {
      const found = findInjection(parse(html));
      if (/[\uE000\uE001]/.test(html)) found.push('merge marker left in output');
      const unsubscribeLinks = html.split(SAMPLE_RECIPIENT.unsubscribeUrl.replace('&', '&amp;')).length - 1;
      if (unsubscribeLinks > baseline) found.push('authored text became a merge field');
      return found;
    });
    return { rejected: false, problems };
  } catch (error) {
    if (error instanceof ContentError) return { rejected: true, problems: [] };
    throw error;
  }
}

function shown(html: string, value: string): boolean {
  const root = parse(html);
  if (root.text.includes(value)) return true;
  return root.querySelectorAll('*').some((e) => Object.values(e.attributes).some((a) => a.includes(value)));
}

/**
 * Puts every hostile string into every string field of `record` and renders it: each outcome must
 * be rejected with a ContentError or escaped, and shown where the string is shown as it is.
 * Returns how many renders were not rejected.
 */
async function renderEveryFieldHostile<T>(
  record: T,
  render: (changed: T) => Promise<string>,
  baseline: number,
): Promise<number> {
  let rendered = 0;
  for (const path of collectStringPaths(record)) {
    for (const hostile of HOSTILE_STRINGS) {
      const changed = replaceAt(record, path, hostile.value);
      let html = '';
      const outcome = await attempt(async () => {
        html = await render(changed);
        return [html];
      }, baseline);
      expect(outcome.problems, `${formatKeyPath(path)} with ${hostile.name}`).toEqual([]);
      if (!outcome.rejected) {
        rendered += 1;
        if (hostile.shownAsIs)
          expect(shown(html, hostile.value), `${formatKeyPath(path)} shows ${hostile.name}`).toBe(true);
      }
    }
  }
  return rendered;
}

async function countUnsubscribeLinks(compiled: Promise<CompiledTemplate>): Promise<number> {
  const html = personalise(await compiled, SAMPLE_RECIPIENT).html;
  return html.split(SAMPLE_RECIPIENT.unsubscribeUrl.replace('&', '&amp;')).length - 1;
}

describe('hostile strings in every field end escaped or rejected', () => {
  it('newsletter issue', async () => {
    const issue = bundle.newsletterIssues[0]!;
    const baseline = await countUnsubscribeLinks(compileNewsletter(issue, theme));
    const rendered = await renderEveryFieldHostile(
      issue,
      async (changed) => personalise(await compileNewsletter(changed, theme), SAMPLE_RECIPIENT).html,
      baseline,
    );
    expect(rendered).toBeGreaterThan(100);
  }, 120_000);

  it('newsletter web page: every field of the issue and every option', async () => {
    const issue = bundle.newsletterIssues[0]!;
    const options: NewsletterPageOptions = {
      sentAt: '2026-12-03T08:00:00Z',
      canonicalUrl: 'https://news.example.org/kielregion/archive/newsletters/x',
      archiveUrl: 'https://news.example.org/kielregion/archive',
      subscribeUrl: 'https://news.example.org/kielregion/subscribe',
      listName: 'Newsletter KielRegion',
    };
    const rendered = await renderEveryFieldHostile(
      issue,
      async (changed) => renderNewsletterPage(changed, theme, options).html,
      0,
    );
    expect(rendered).toBeGreaterThan(100);
    for (const key of Object.keys(options) as (keyof NewsletterPageOptions)[]) {
      for (const hostile of HOSTILE_STRINGS) {
        const outcome = await attempt(
          async () => [renderNewsletterPage(issue, theme, { ...options, [key]: hostile.value }).html],
          0,
        );
        expect(outcome.problems, `${key} with ${hostile.name}`).toEqual([]);
        if (key !== 'listName') expect(outcome.rejected, `${key} with ${hostile.name}`).toBe(true);
      }
    }
    for (const hostile of HOSTILE_STRINGS) {
      const outcome = await attempt(
        async () => [renderNewsletterPage(issue, theme, { styleNonce: hostile.value }).html],
        0,
      );
      expect(outcome.rejected, `styleNonce with ${hostile.name}`).toBe(true);
    }
  }, 120_000);

  it('press release: mail, archive page and plain text', async () => {
    // place-date style, so that the place is shown
    const original = bundle.pressReleases[0]!;
    const release = { ...original, dateline: { ...original.dateline, style: 'place-date' as const } };
    const baseline = await countUnsubscribeLinks(compilePressRelease(release, theme));
    const now = new Date('2030-01-01T00:00:00Z');
    for (const path of collectStringPaths(release)) {
      for (const hostile of HOSTILE_STRINGS) {
        const changed = replaceAt(release, path, hostile.value);
        const outcome = await attempt(async () => {
          const mail = personalise(await compilePressRelease(changed, theme), SAMPLE_RECIPIENT);
          const page = renderPressReleasePage(changed, theme, { now });
          const text = renderPressReleaseText(changed, theme);
          expect(text).not.toMatch(/[\uE000\uE001\u202E]/);
          if (hostile.shownAsIs && path[0] !== 'images') {
            expect(shown(mail.html, hostile.value), `${formatKeyPath(path)} shows ${hostile.name}`).toBe(
              true,
            );
          }
          return [mail.html, page.html];
        }, baseline);
        expect(outcome.problems, `${formatKeyPath(path)} with ${hostile.name}`).toEqual([]);
      }
    }
  }, 120_000);

  it('region data behind the theme: brand, claim, Impressum, sender', async () => {
    const paths = collectStringPaths(bundle.region).filter((p) =>
      ['brand', 'claim', 'imprint', 'sender', 'website'].includes(String(p[0])),
    );
    expect(paths.length).toBeGreaterThan(10);
    let rendered = 0;
    for (const path of paths) {
      for (const hostile of HOSTILE_STRINGS) {
        const region = replaceAt(bundle.region, path, hostile.value);
        const outcome = await attempt(async () => {
          const hostileTheme = createTheme(region);
          const mail = personalise(
            await compileServiceMail({ kind: 'double-opt-in' }, hostileTheme),
            SAMPLE_RECIPIENT,
          );
          const page = renderNewsletterPage(bundle.newsletterIssues[0]!, hostileTheme);
          expect(findInjection(parse(page.html)), `region.${formatKeyPath(path)} on the page`).toEqual([]);
          return [mail.html];
        }, 1);
        expect(outcome.problems, `region.${formatKeyPath(path)} with ${hostile.name}`).toEqual([]);
        if (!outcome.rejected) rendered += 1;
      }
    }
    expect(rendered).toBeGreaterThan(paths.length * 3);
  }, 120_000);

  it('merge values of the recipient', async () => {
    const compiled = await compileNewsletter(
      { ...bundle.newsletterIssues[0]!, subject: 'Für {{firstName}}', preheader: '{{lastName}}' },
      theme,
    );
    for (const field of ['firstName', 'lastName', 'email', 'salutationLine'] as const) {
      for (const hostile of HOSTILE_STRINGS) {
        try {
          const mail = personalise(compiled, { ...SAMPLE_RECIPIENT, [field]: hostile.value });
          expect(findInjection(parse(mail.html)), `${field} with ${hostile.name}`).toEqual([]);
          expect(mail.subject).not.toMatch(/[\r\n]/);
          if (hostile.shownAsIs) expect(shown(mail.html, hostile.value)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ContentError);
          expect((error as ContentError).message.startsWith(`${field}: `)).toBe(true);
        }
      }
    }
    for (const field of ['unsubscribeUrl', 'preferencesUrl', 'webVersionUrl'] as const) {
      for (const hostile of HOSTILE_STRINGS) {
        expect(() => personalise(compiled, { ...SAMPLE_RECIPIENT, [field]: hostile.value })).toThrow(
          new RegExp(`^${field}: `),
        );
      }
    }
  });
});
