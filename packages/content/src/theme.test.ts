import type { Region } from '@regiokit/core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_BUNDLES } from '../test/fixtures/regions';
import { ContentError } from './content-error';
import { assertValidTheme, createTheme, DEFAULT_COLOURS, SYSTEM_FONT_STACK } from './theme';

const kiel = FIXTURE_BUNDLES[0]!.region;
const bogen = FIXTURE_BUNDLES[1]!.region;

function themeError(region: Region, options: Parameters<typeof createTheme>[1] = {}): ContentError {
  try {
    createTheme(region, options);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected a ContentError');
}

describe('createTheme', () => {
  it('takes brand, Impressum, sender and links from the region and the preset by id', () => {
    const theme = createTheme(kiel);
    expect(theme.brand).toBe('KielRegion');
    expect(theme.imprint.publisher).toBe('KielRegion GmbH');
    expect(theme.sender).toEqual({ name: 'KielRegion', email: 'newsletter@kielregion.example' });
    expect(theme.links).toEqual({
      website: 'https://www.kielregion.de',
      privacy: 'https://www.kielregion.de/datenschutz',
    });
    expect(theme.datelineStyle).toBe('brand-date');
    expect(theme.colours.primary).toBe('#003f7d');
    expect(theme.timeZone).toBe('Europe/Berlin');
    expect(theme.fontFamily).toBe(SYSTEM_FONT_STACK);
  });

  it('falls back to the place-date style, the Impressum address as sender and the claim', () => {
    const theme = createTheme(bogen);
    expect(theme.datelineStyle).toBe('place-date');
    expect(theme.sender.email).toBe('regionalmanagement@thueringer-bogen.example');
    expect(theme.claim).toBe('Wirtschaft und Leben in perfekter Lage');
    expect(theme.colours.surface).toBe(DEFAULT_COLOURS.surface);
  });

  it('lets options override colours, dateline style and logo', () => {
    const theme = createTheme(bogen, {
      colours: { primary: '#000000' },
      datelineStyle: 'brand-date',
      logo: { src: 'https://x.example/logo.png', alt: 'Thüringer Bogen', width: 180 },
    });
    expect(theme.colours.primary).toBe('#000000');
    expect(theme.datelineStyle).toBe('brand-date');
    expect(theme.logo?.alt).toBe('Thüringer Bogen');
  });

  it('names every wrong field', () => {
    const error = themeError(kiel, {
      colours: { primary: 'red; background:url(https://evil.example)' },
      logo: { src: 'javascript:alert(1)' } as never,
      links: { website: 'javascript:alert(1)' },
      fontFamily: "x'; } body { display:none",
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      'theme.colours.primary',
      'theme.fontFamily',
      'theme.links.website',
      'theme.logo.alt',
      'theme.logo.src',
    ]);
  });

  it('re-checks a hand-made theme before rendering, including header-bound sender fields', () => {
    const theme = createTheme(kiel);
    expect(() => assertValidTheme(theme)).not.toThrow();
    const broken = {
      ...theme,
      sender: { name: 'KielRegion\r\nBcc: all@example.org', email: theme.sender.email },
    };
    expect(() => assertValidTheme(broken)).toThrow(/theme\.sender\.name: expected one line/);
    expect(() => assertValidTheme({ ...theme, colours: { ...theme.colours, link: 'red}body{x' } })).toThrow(
      /theme\.colours\.link/,
    );
  });

  it('requires an Impressum', () => {
    const { imprint: _, ...withoutImprint } = kiel;
    expect(themeError(withoutImprint as Region).issues).toEqual([
      { path: 'region.imprint', message: expect.stringContaining('Impressum') },
    ]);
  });

  it('reports invalid region data with region-prefixed paths', () => {
    const broken = { ...kiel, members: [{ ...kiel.members[0]!, officialKey: '16067' }] };
    expect(themeError(broken).issues.map((i) => i.path)).toEqual(['region.members[0].officialKey']);
  });
});
