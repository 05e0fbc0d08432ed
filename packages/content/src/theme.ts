import {
  type DatelineStyle,
  type FieldError,
  Image,
  type Imprint,
  Region,
  type Sender,
  validate,
  WebUrl,
} from '@regiokit/core';
import { ContentError } from './content-error';
import { DEFAULT_TIME_ZONE } from './format';
import { prefixPath, unwrapValidation } from './parse-input';

/** Colours of a theme, as `#rrggbb`. */
export interface ThemeColours {
  /** Header band and buttons. */
  readonly primary: string;
  /** Text on `primary`. */
  readonly onPrimary: string;
  /** Small labels (kind of item, field of action). */
  readonly accent: string;
  /** Body text. */
  readonly text: string;
  /** Secondary text: dates, credits, footer. */
  readonly muted: string;
  /** Page background around the mail. */
  readonly background: string;
  /** Background of the content column. */
  readonly surface: string;
  /** Links in running text. */
  readonly link: string;
}

/** Links shown in every mail of a region. */
export interface ThemeLinks {
  /** The region's website. */
  readonly website?: string;
  /** Privacy policy (Datenschutzerklärung); defaults to `imprint.privacyUrl`. */
  readonly privacy?: string;
}

/** Logo shown in the header: an image with alt text (usually the brand name). */
export type ThemeLogo = Image;

/**
 * The look and legal frame of a region's mails and pages: brand, colours, logo, links, Impressum,
 * sender and the default dateline style of its press releases. Build one with {@link createTheme}.
 */
export interface Theme {
  readonly regionId: string;
  /** Brand name, e.g. `Thüringer Bogen`. */
  readonly brand: string;
  /** Claim shown under the brand, if any. */
  readonly claim?: string;
  readonly colours: ThemeColours;
  readonly logo?: ThemeLogo;
  readonly links: ThemeLinks;
  /** Impressum (§ 5 DDG) shown in every footer. */
  readonly imprint: Imprint;
  /** Who the mails come from. */
  readonly sender: Sender;
  /** Dateline style of press releases unless a release overrides it. */
  readonly datelineStyle: DatelineStyle;
  /** Time zone for dates and times; `Europe/Berlin` by default. */
  readonly timeZone: string;
  /** CSS font stack without quotes; system fonts only, nothing is loaded from elsewhere. */
  readonly fontFamily: string;
}

/** What a caller may set on top of the region's own data. */
export interface ThemeOptions {
  readonly colours?: Partial<ThemeColours>;
  readonly logo?: ThemeLogo;
  readonly links?: ThemeLinks;
  readonly datelineStyle?: DatelineStyle;
  readonly fontFamily?: string;
  readonly claim?: string;
}

/** The system font stack: fonts every device has, so no web font is ever requested. */
export const SYSTEM_FONT_STACK = '-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

/** Neutral colours used where neither a preset nor the caller sets one. */
export const DEFAULT_COLOURS: ThemeColours = {
  primary: '#1d4f7a',
  onPrimary: '#ffffff',
  accent: '#1d6f5f',
  text: '#1f2933',
  muted: '#52606d',
  background: '#eef2f5',
  surface: '#ffffff',
  link: '#1d4f7a',
};

/**
 * Colour presets and house style of the four reference regions, keyed by region id. The colours
 * are approximations chosen for contrast; an agency replaces them with its style guide's values.
 * KielRegion writes its datelines as "KielRegion, 17. November 2022.".
 */
export const REGION_THEME_PRESETS: Readonly<Record<string, ThemeOptions>> = {
  kielregion: {
    colours: { primary: '#003f7d', accent: '#0a7a8f', link: '#00539f' },
    datelineStyle: 'brand-date',
  },
  'thueringer-bogen': {
    colours: { primary: '#2d5f2e', accent: '#9a4f00', link: '#2d5f2e' },
  },
  nordthueringen: {
    colours: { primary: '#6b1f3a', accent: '#2f5e8c', link: '#6b1f3a' },
  },
  'region-landshut': {
    colours: { primary: '#0b5394', accent: '#8a5a00', link: '#0b5394' },
  },
};

const HEX = /^#[0-9a-fA-F]{6}$/;
const FONT_STACK = /^[A-Za-z0-9 ,-]+$/;

/**
 * Builds the {@link Theme} of a region: brand, claim, Impressum, sender and dateline style from
 * the region record, colours (and a dateline style the region does not set) from
 * {@link REGION_THEME_PRESETS} by region id; `options` override both.
 * Throws a {@link ContentError} `INVALID_INPUT` naming every wrong field, e.g. `region.imprint`
 * when the region has no Impressum, or `theme.colours.primary` for a colour that is not `#rrggbb`.
 *
 * @example const theme = createTheme(region, { logo: { src: 'https://…/logo.png', alt: 'KielRegion' } });
 */
export function createTheme(region: Region, options: ThemeOptions = {}): Theme {
  const issues: FieldError[] = [];
  const r = unwrapValidation(validate(Region, region), 'region', 'region');
  const preset = REGION_THEME_PRESETS[r.id] ?? {};
  if (r.imprint === undefined) {
    issues.push({
      path: 'region.imprint',
      message: 'expected an Impressum (§ 5 DDG): every mail must show one',
    });
  }
  const colours: ThemeColours = { ...DEFAULT_COLOURS, ...preset.colours, ...options.colours };
  const logo = options.logo ?? preset.logo;
  const links: ThemeLinks = {
    website: options.links?.website ?? r.website,
    privacy: options.links?.privacy ?? r.imprint?.privacyUrl,
  };
  const fontFamily = options.fontFamily ?? SYSTEM_FONT_STACK;
  issues.push(...checkThemeParts({ colours, logo, links, fontFamily }));
  if (issues.length > 0 || r.imprint === undefined) throw invalidTheme(issues);
  const claim = options.claim ?? r.claim;
  return {
    regionId: r.id,
    brand: r.brand,
    ...(claim === undefined ? {} : { claim }),
    colours,
    ...(logo === undefined ? {} : { logo }),
    links,
    imprint: r.imprint,
    sender: r.sender ?? { name: r.brand, email: r.imprint.email },
    datelineStyle:
      options.datelineStyle ??
      (r as { datelineStyle?: DatelineStyle }).datelineStyle ??
      preset.datelineStyle ??
      'place-date',
    timeZone: r.timeZone ?? DEFAULT_TIME_ZONE,
    fontFamily,
  };
}

/**
 * Checks a theme that was not made by {@link createTheme} (or was changed since): colours are
 * `#rrggbb`, the font stack has no quotes or CSS syntax, links are http(s), the logo has alt text,
 * the sender (bound for the `From` header) has no line breaks, and there is an Impressum.
 * Every renderer calls this, because theme values end up in CSS and attributes. Throws a
 * {@link ContentError} `INVALID_INPUT` naming each wrong field.
 */
export function assertValidTheme(theme: Theme): void {
  const issues = checkThemeParts(theme);
  for (const key of ['name', 'email', 'replyTo'] as const) {
    const value = theme.sender?.[key];
    if (key !== 'replyTo' && typeof value !== 'string') {
      issues.push({ path: `theme.sender.${key}`, message: 'expected a sender name and address' });
    } else if (typeof value === 'string' && /[\r\n\p{Cc}]/u.test(value)) {
      issues.push({
        path: `theme.sender.${key}`,
        message: 'expected one line without CR/LF (it goes into a mail header)',
      });
    }
  }
  if (typeof theme.imprint?.publisher !== 'string') {
    issues.push({
      path: 'theme.imprint',
      message: 'expected an Impressum (§ 5 DDG): every mail must show one',
    });
  }
  if (issues.length > 0) throw invalidTheme(issues);
}

function checkThemeParts(
  theme: Pick<Theme, 'colours' | 'links' | 'fontFamily'> & { logo?: ThemeLogo | undefined },
): FieldError[] {
  const issues: FieldError[] = [];
  for (const [key, value] of Object.entries(theme.colours)) {
    if (typeof value !== 'string' || !HEX.test(value)) {
      issues.push({
        path: `theme.colours.${key}`,
        message: `expected a colour as #rrggbb, got ${JSON.stringify(value)}`,
      });
    }
  }
  if (theme.logo !== undefined) {
    const result = validate(Image, theme.logo);
    if (!result.success) {
      for (const e of result.errors)
        issues.push({ path: prefixPath('theme.logo', e.path), message: e.message });
    }
  }
  for (const [key, value] of Object.entries(theme.links)) {
    if (value !== undefined && !WebUrl.safeParse(value).success) {
      issues.push({
        path: `theme.links.${key}`,
        message: `expected an http(s) URL, got ${JSON.stringify(value)}`,
      });
    }
  }
  if (!FONT_STACK.test(theme.fontFamily)) {
    issues.push({
      path: 'theme.fontFamily',
      message: `expected font names separated by commas (letters, digits, spaces, hyphens; no quotes), got ${JSON.stringify(theme.fontFamily)}`,
    });
  }
  return issues;
}

function invalidTheme(issues: readonly FieldError[]): ContentError {
  return new ContentError(
    'INVALID_INPUT',
    `invalid theme:\n${issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`,
    { issues },
  );
}
