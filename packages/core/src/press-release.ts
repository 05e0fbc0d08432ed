import { z } from 'zod';
import { ContactPerson, Image, Instant, IsoDate, Language, Line, Text } from './common';
import { PressReleaseId, RegionId, TopicId } from './ids';
import { PublicationState } from './publication';

/** Number of a press release within its year, shown as `12/2026`. */
export const PressReleaseNumber = z.object({
  seq: z.int().positive(),
  year: z.int().min(1990).max(2100),
});
export type PressReleaseNumber = z.infer<typeof PressReleaseNumber>;

/** Formats a press release number as `12/2026`. */
export function formatPressReleaseNumber(n: PressReleaseNumber): string {
  return `${n.seq}/${n.year}`;
}

/** An attributed quote (Zitat). */
export const Quote = z.object({
  text: Text,
  person: Line,
  role: Line.optional(),
});
export type Quote = z.infer<typeof Quote>;

/**
 * How the dateline is written: `place-date` gives "Kiel, 6. September 2024 –" (generic German
 * style), `brand-date` gives "KielRegion, 17. November 2022." (KielRegion's house style).
 */
export const DatelineStyle = z.enum(['place-date', 'brand-date']);
export type DatelineStyle = z.infer<typeof DatelineStyle>;

/** Ortsmarke: the place and day the release is dated. */
export const Dateline = z.object({
  place: Line,
  date: IsoDate,
  /** Overrides the region's default style. */
  style: DatelineStyle.optional(),
});
export type Dateline = z.infer<typeof Dateline>;

/** Boilerplate ("Über die KielRegion"): 4–6 lines about the sender. */
export const Boilerplate = z.object({
  title: Line,
  text: Text,
});
export type Boilerplate = z.infer<typeof Boilerplate>;

/** A press image: caption and credit are required. */
export const PressImage = Image.extend({
  caption: Line,
  credit: Line,
});
export type PressImage = z.infer<typeof PressImage>;

/** Pressemitteilung: a press release. */
export const PressRelease = z.object({
  id: PressReleaseId,
  regionId: RegionId,
  language: Language.default('de'),
  number: PressReleaseNumber,
  /** Sperrfrist: not to be published before this instant. */
  embargo: Instant.optional(),
  dateline: Dateline,
  headline: Line.max(200),
  subline: Line.max(300).optional(),
  lead: Text,
  /** Body paragraphs, separated by blank lines. */
  body: Text,
  quotes: z.array(Quote).max(3, { error: 'expected at most 3 quotes' }).default([]),
  /** Förderhinweis, e.g. "Gefördert aus Mitteln der GRW …". */
  fundingNote: Text.optional(),
  boilerplate: Boilerplate,
  contact: ContactPerson,
  images: z.array(PressImage).default([]),
  topics: z.array(TopicId).default([]),
  /** Internal remarks, never published, e.g. which details are unverified. */
  note: z.string().optional(),
  /**
   * Veröffentlichungsstatus. A record file may set it; without it an imported press release is a
   * `draft` (and a stored one keeps its state). The store always returns it.
   */
  publication: PublicationState.optional(),
});
export type PressRelease = z.infer<typeof PressRelease>;

/** Whether the press release may be published at `now` (its embargo, if any, has ended). */
export function isEmbargoLifted(release: Pick<PressRelease, 'embargo'>, now: Date): boolean {
  return release.embargo === undefined || Date.parse(release.embargo) <= now.getTime();
}
