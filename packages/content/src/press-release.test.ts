import type { PressRelease } from '@regiokit/core';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { FIXTURE_BUNDLES, SAMPLE_RECIPIENT } from '../test/fixtures/regions';
import { findInjection, findMailProblems } from '../test/mail-assertions';
import { rejection } from '../test/rejection';
import { ContentError } from './content-error';
import { personalise } from './personalise';
import { compilePressRelease, renderPressReleaseText } from './press-release';
import { renderPressReleasePage } from './press-release-page';
import { createTheme } from './theme';

const kiel = FIXTURE_BUNDLES[0]!;
const bogen = FIXTURE_BUNDLES[1]!;
const kielTheme = createTheme(kiel.region);
const bogenTheme = createTheme(bogen.region);
const embargoed = kiel.pressReleases[0]!;
const open = bogen.pressReleases[0]!;

describe('compilePressRelease', () => {
  it('renders the embargo line first, the label, and the dateline in the house style', async () => {
    const mail = personalise(await compilePressRelease(embargoed, kielTheme), SAMPLE_RECIPIENT);
    const root = parse(mail.html);
    expect(root.querySelector('.rk-embargo')?.text).toBe('Sperrfrist: 6. September 2026, 11:00 Uhr');
    expect(root.querySelector('.rk-label')?.text).toBe('Pressemitteilung 12/2026');
    expect(root.querySelector('.rk-dateline')?.text).toBe('KielRegion, 6. September 2026.');
    expect(mail.subject).toBe(
      'Pressemitteilung 12/2026: Regionalrat der KielRegion nimmt Arbeit auf (Sperrfrist: 6. September 2026, 11:00 Uhr)',
    );
    expect(mail.preheader).toBe(embargoed.subline);
    expect(root.text).toContain('„Wir bündeln die Kräfte der Region.“');
    expect(root.text).toContain('– Erika Beispiel, Vorsitzende des Regionalrats');
    expect(root.querySelector('.rk-boilerplate')?.text).toContain('Über die KielRegion');
    expect(root.querySelector('.rk-contact')?.text).toContain('Max Beispiel');
    expect(root.querySelector('a[href="mailto:presse@kielregion.example"]')).not.toBeNull();
    expect(
      root
        .querySelector('img[src="https://www.kielregion.example/bilder/regionalrat.jpg"]')
        ?.getAttribute('alt'),
    ).toBe('Die Mitglieder des Regionalrats vor dem Kieler Rathaus');
    expect(root.text).toContain('Bild: KielRegion | © Beispiel');
    expect(
      findMailProblems(mail.html, { language: 'de', ...SAMPLE_RECIPIENT, publisher: 'KielRegion GmbH' }),
    ).toEqual([]);
  });

  it('has no embargo line without an embargo and uses the place-date style', async () => {
    const mail = personalise(await compilePressRelease(open, bogenTheme), SAMPLE_RECIPIENT);
    const root = parse(mail.html);
    expect(root.querySelector('.rk-embargo')).toBeNull();
    expect(mail.html).not.toContain('Sperrfrist');
    expect(root.querySelector('.rk-dateline')?.text).toBe('Gotha, 21. November 2026 –');
    expect(mail.preheader).toBe(open.lead);
    expect(mail.text).not.toContain('Sperrfrist');
  });

  it('follows a dateline style set on the release', async () => {
    const release: PressRelease = { ...open, dateline: { ...open.dateline, style: 'brand-date' } };
    const root = parse(personalise(await compilePressRelease(release, bogenTheme), SAMPLE_RECIPIENT).html);
    expect(root.querySelector('.rk-dateline')?.text).toBe('Thüringer Bogen, 21. November 2026.');
  });

  it('renders English fixed texts and formats', async () => {
    const mail = personalise(
      await compilePressRelease(embargoed, kielTheme, { language: 'en' }),
      SAMPLE_RECIPIENT,
    );
    const root = parse(mail.html);
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.rk-embargo')?.text).toBe('Embargo: 6 September 2026, 11:00 CEST');
    expect(root.querySelector('.rk-label')?.text).toBe('Press release 12/2026');
    expect(root.querySelector('.rk-dateline')?.text).toBe('KielRegion, 6 September 2026.');
    expect(root.text).toContain('“Wir bündeln die Kräfte der Region.”');
  });

  it('rejects merge fields in a press release, naming the field', async () => {
    const error = await rejection(compilePressRelease({ ...open, body: 'Hallo {{firstName}}' }, bogenTheme));
    expect(error.code).toBe('UNKNOWN_MERGE_FIELD');
    expect(error.issues[0]?.path).toBe('body');
  });

  it('writes the mail text with the embargo first and the footer last', async () => {
    const mail = personalise(await compilePressRelease(embargoed, kielTheme), SAMPLE_RECIPIENT);
    expect(mail.text).toMatch(
      /^Im Browser ansehen: .*\n\nPressemitteilung 12\/2026\nSperrfrist: 6\. September 2026, 11:00 Uhr\n/,
    );
    expect(mail.text).toContain(`Abmelden: ${SAMPLE_RECIPIENT.unsubscribeUrl}`);
  });
});

describe('renderPressReleaseText', () => {
  it('writes text for an editorial system: one line per paragraph, no footer', () => {
    const text = renderPressReleaseText(embargoed, kielTheme);
    expect(text).toBe(`Pressemitteilung 12/2026
Sperrfrist: 6. September 2026, 11:00 Uhr

Regionalrat der KielRegion nimmt Arbeit auf
===========================================

Erste Sitzung mit Vertreterinnen und Vertretern aus Kiel, Plön und Rendsburg-Eckernförde

KielRegion, 6. September 2026. Der 2024 beschlossene Regionalrat ist heute zum ersten Mal zusammengekommen.

Im Mittelpunkt standen die Zusammenarbeit im Ostseeraum und die Mobilität.

Der Regionalrat tagt künftig zweimal im Jahr.

„Wir bündeln die Kräfte der Region.“
– Erika Beispiel, Vorsitzende des Regionalrats

Das Regionalmanagement wird aus Mitteln der GRW gefördert.

Über die KielRegion
-------------------

Die KielRegion GmbH ist die Entwicklungsagentur von Kiel, Plön und Rendsburg-Eckernförde.

Pressekontakt
-------------

Max Beispiel
Pressesprecher
Telefon: +49 431 000000
E-Mail: presse@kielregion.example

Pressebilder
------------

Der Regionalrat bei seiner ersten Sitzung.
Bild: KielRegion | © Beispiel
https://www.kielregion.example/bilder/regionalrat.jpg
`);
  });

  it('rejects merge fields too', () => {
    expect(() => renderPressReleaseText({ ...open, headline: '{{firstName}}' }, bogenTheme)).toThrow(
      /^headline: /,
    );
  });
});

describe('renderPressReleasePage', () => {
  it('refuses a release under embargo unless previewing, and shows the line only then', () => {
    const before = new Date('2026-09-06T08:59:59Z');
    const after = new Date('2026-09-06T09:00:00Z');
    expect(() => renderPressReleasePage(embargoed, kielTheme, { now: before })).toThrow(ContentError);
    const preview = parse(renderPressReleasePage(embargoed, kielTheme, { now: before, preview: true }).html);
    expect(preview.querySelector('.rk-embargo')?.text).toBe('Sperrfrist: 6. September 2026, 11:00 Uhr');
    const published = parse(renderPressReleasePage(embargoed, kielTheme, { now: after }).html);
    expect(published.querySelector('.rk-embargo')).toBeNull();
  });

  it('is a standalone page with lang, Impressum, alt texts and nothing external but images', () => {
    const page = renderPressReleasePage(embargoed, kielTheme, {
      now: new Date('2027-01-01T00:00:00Z'),
      canonicalUrl: 'https://www.kielregion.example/presse/12-2026',
    });
    const root = parse(page.html);
    expect(page.html.startsWith('<!doctype html>')).toBe(true);
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('de');
    expect(root.querySelector('title')?.text).toBe(
      'Regionalrat der KielRegion nimmt Arbeit auf – Pressemitteilung 12/2026 – KielRegion',
    );
    expect(root.querySelector('.rk-imprint')?.text).toContain('KielRegion GmbH');
    expect(root.querySelector('time.rk-dateline')?.getAttribute('datetime')).toBe('2026-09-06');
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://www.kielregion.example/presse/12-2026',
    );
    for (const img of root.querySelectorAll('img')) expect('alt' in img.attributes).toBe(true);
    expect(root.querySelectorAll('link').length).toBe(1);
    expect(findInjection(root)).toEqual([]);
    expect(page.html).not.toMatch(/@import|@font-face|fonts\.googleapis/);
    expect(page.htmlBytes).toBe(new TextEncoder().encode(page.html).length);
  });

  it('rejects an unsafe canonical URL', () => {
    expect(() =>
      renderPressReleasePage(open, bogenTheme, { now: new Date(), canonicalUrl: 'javascript:alert(1)' }),
    ).toThrow(/^canonicalUrl: /);
  });
});
