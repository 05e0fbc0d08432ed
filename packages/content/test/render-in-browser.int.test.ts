import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NewsletterIssue } from '@regiokit/core';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileNewsletter,
  compilePressRelease,
  compileServiceMail,
  createTheme,
  personalise,
  renderNewsletterPage,
  renderPressReleasePage,
} from '../src/index';
import { EXAMPLE_BUNDLES } from './example-bundles';
import { SAMPLE_RECIPIENT } from './fixtures/regions';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output', 'screenshots');
const WIDTHS = [375, 600] as const;
const PLACEHOLDER_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="100%" height="100%" fill="#9aabbb"/></svg>';

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`expected Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Measurement {
  readonly scrollWidth: number;
  readonly innerWidth: number;
  readonly otherRequests: readonly string[];
}

/** Opens the HTML at a viewport width, serving a placeholder for every image and nothing else. */
async function measure(html: string, width: number, screenshot: string): Promise<Measurement> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const otherRequests: string[] = [];
  try {
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (request.resourceType() === 'image') {
        await route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE });
      } else {
        otherRequests.push(`${request.resourceType()} ${request.url()}`);
        await route.abort();
      }
    });
    await page.setContent(html, { waitUntil: 'load' });
    // A string expression: it runs in the page, and this package is typed without the DOM.
    const size = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
    );
    await page.screenshot({ path: join(OUTPUT, `${screenshot}-${width}.png`), fullPage: true });
    return { ...size, otherRequests };
  } finally {
    await page.close();
  }
}

const STRESS_ISSUE = (issue: NewsletterIssue): NewsletterIssue => ({
  ...issue,
  id: `${issue.id}-stress` as NewsletterIssue['id'],
  subject: 'Stresstest: lange Wörter, lange Links, Emoji und RTL',
  sections: [
    {
      heading: `Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller${'x'.repeat(80)}`,
      items: [
        {
          kind: 'article',
          title: 'Ein Wort von 10 kB',
          text: `${'W'.repeat(10_240)}\n\nمرحبا بالعالم שלום עולם 😀👍🏽🇩🇪`,
          url: `https://www.example.org/${'a'.repeat(300)}`,
          linkLabel: `Link${'L'.repeat(120)}`,
        },
      ],
    },
  ],
});

const mails = EXAMPLE_BUNDLES.flatMap((bundle) => {
  const theme = createTheme(bundle.region);
  const id = bundle.region.id;
  return [
    ...bundle.newsletterIssues.flatMap((issue) => [
      { name: `${id}-newsletter-${issue.id}`, render: () => compileNewsletter(issue, theme) },
      {
        name: `${id}-newsletter-${issue.id}-stress`,
        render: () => compileNewsletter(STRESS_ISSUE(issue), theme),
      },
    ]),
    ...bundle.pressReleases.map((release) => ({
      name: `${id}-press-${release.id}`,
      render: () => compilePressRelease(release, theme, { testSend: true }),
    })),
    { name: `${id}-double-opt-in`, render: () => compileServiceMail({ kind: 'double-opt-in' }, theme) },
  ];
});

describe('mails in headless Chromium', () => {
  it.each(mails.map((m) => [m.name, m] as const))(
    '%s has no horizontal overflow at 375 and 600 px and requests nothing but images',
    async (name, mail) => {
      const html = personalise(await mail.render(), SAMPLE_RECIPIENT).html;
      for (const width of WIDTHS) {
        const result = await measure(html, width, name);
        expect(result.scrollWidth, `${name} at ${width}px`).toBeLessThanOrEqual(result.innerWidth);
        expect(result.otherRequests).toEqual([]);
      }
    },
    60_000,
  );

  it('newsletter web pages fit at 375 and 600 px, also with long words, and request nothing but images', async () => {
    for (const bundle of EXAMPLE_BUNDLES) {
      const theme = createTheme(bundle.region);
      for (const issue of bundle.newsletterIssues) {
        for (const [name, variant] of [
          ['', issue],
          ['-stress', STRESS_ISSUE(issue)],
        ] as const) {
          const page = renderNewsletterPage(variant, theme, { sentAt: '2026-12-03T08:00:00Z' });
          for (const width of WIDTHS) {
            const result = await measure(page.html, width, `${bundle.region.id}-web-${issue.id}${name}`);
            expect(result.scrollWidth, `${issue.id}${name} at ${width}px`).toBeLessThanOrEqual(
              result.innerWidth,
            );
            expect(result.otherRequests).toEqual([]);
          }
        }
      }
    }
  }, 120_000);

  it('press release pages fit at 375 px too', async () => {
    for (const bundle of EXAMPLE_BUNDLES) {
      const theme = createTheme(bundle.region);
      for (const release of bundle.pressReleases) {
        const page = renderPressReleasePage(release, theme, { now: new Date('2100-01-01T00:00:00Z') });
        const result = await measure(page.html, 375, `${bundle.region.id}-page-${release.id}`);
        expect(result.scrollWidth).toBeLessThanOrEqual(result.innerWidth);
        expect(result.otherRequests).toEqual([]);
      }
    }
  }, 60_000);
});
