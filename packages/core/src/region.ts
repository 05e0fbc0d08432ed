import { z } from 'zod';
import { Email, IsoDate, Language, Line, PostalAddress, TimeZone, WebUrl } from './common';
import { RegionId } from './ids';
import { Money } from './money';
import { DatelineStyle } from './press-release';

/** The two-digit Land prefix of every official key (AGS / Kreisschlüssel), per Bundesland. */
export const LAND_CODES = {
  'Schleswig-Holstein': '01',
  Hamburg: '02',
  Niedersachsen: '03',
  Bremen: '04',
  'Nordrhein-Westfalen': '05',
  Hessen: '06',
  'Rheinland-Pfalz': '07',
  'Baden-Württemberg': '08',
  Bayern: '09',
  Saarland: '10',
  Berlin: '11',
  Brandenburg: '12',
  'Mecklenburg-Vorpommern': '13',
  Sachsen: '14',
  'Sachsen-Anhalt': '15',
  Thüringen: '16',
} as const;

/** Bundesland: one of the sixteen German states. */
export const Bundesland = z.enum(
  Object.keys(LAND_CODES) as [keyof typeof LAND_CODES, ...(keyof typeof LAND_CODES)[]],
);
export type Bundesland = z.infer<typeof Bundesland>;

/**
 * Official key of a territorial authority: the 5-digit Kreisschlüssel (`01002`) or the 8-digit
 * Amtlicher Gemeindeschlüssel, AGS (`16067072`). Digits only.
 */
export const OfficialKey = z.string().regex(/^(?:\d{5}|\d{8})$/, {
  error: (i) => `expected 5 or 8 digits, got ${JSON.stringify(i.input)}`,
});
export type OfficialKey = z.infer<typeof OfficialKey>;

/** Gebietskörperschaft kind: Landkreis, Kreis (Schleswig-Holstein), kreisfreie Stadt, Landeshauptstadt, Gemeinde. */
export const MemberKind = z.enum(['landkreis', 'kreis', 'kreisfreie-stadt', 'landeshauptstadt', 'gemeinde']);
export type MemberKind = z.infer<typeof MemberKind>;

/** A population count with the day it refers to and where it comes from. */
export const Population = z.object({
  count: z.int().nonnegative(),
  asOf: IsoDate,
  source: Line,
});
export type Population = z.infer<typeof Population>;

/** Gebietskörperschaft: a territorial authority that is a member of a region. */
export const Member = z.object({
  /** Official name as in the statistics, e.g. `Kiel, Landeshauptstadt`. */
  officialName: Line,
  /** Name for people, e.g. `Landeshauptstadt Kiel`. */
  displayName: Line,
  kind: MemberKind,
  officialKey: OfficialKey,
  population: Population.optional(),
  /** Remarks, e.g. newer or disputed figures and their sources. */
  note: z.string().optional(),
});
export type Member = z.infer<typeof Member>;

/** A shareholder of the carrier organisation, with its share in percent. */
export const Shareholder = z.object({
  name: Line,
  sharePercent: z.number().gt(0).max(100),
  note: z.string().optional(),
});
export type Shareholder = z.infer<typeof Shareholder>;

/**
 * Shares that are rounded to two decimals (36.67 + 36.67 + 26.67 = 100.01) may miss 100 by this
 * many percentage points.
 */
export const SHARE_SUM_TOLERANCE = 0.05;

/** Rechtsform of the carrier organisation. */
export const LegalForm = z.enum(['gmbh', 'ev', 'zweckverband', 'aoer', 'landratsamt', 'other']);
export type LegalForm = z.infer<typeof LegalForm>;

/** Trägerorganisation: who employs the regional management (a GmbH, a county office, …). */
export const CarrierOrganisation = z
  .object({
    name: Line,
    legalForm: LegalForm,
    shareCapital: Money.optional(),
    shareholders: z.array(Shareholder).default([]),
    /** Remarks, e.g. where the management sits when the carrier is a county office. */
    note: z.string().optional(),
  })
  .superRefine((carrier, ctx) => {
    if (carrier.shareholders.length === 0) return;
    const sum = carrier.shareholders.reduce((a, s) => a + s.sharePercent, 0);
    if (Math.abs(sum - 100) > SHARE_SUM_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        path: ['shareholders'],
        message: `expected shares that sum to 100 % (±${SHARE_SUM_TOLERANCE}), got ${Math.round(sum * 100) / 100} %`,
      });
    }
  });
export type CarrierOrganisation = z.infer<typeof CarrierOrganisation>;

/** Impressum (§ 5 DDG): the legal notice every mail and page shows. */
export const Imprint = z.object({
  publisher: Line,
  address: PostalAddress,
  representative: Line,
  /** Register entry, e.g. `Amtsgericht Kiel, HRB 12345 KI`. */
  register: Line.optional(),
  vatId: Line.optional(),
  email: Email,
  phone: Line.optional(),
  /** Person responsible for content (§ 18 Abs. 2 MStV). */
  responsibleForContent: Line,
  privacyUrl: WebUrl.optional(),
});
export type Imprint = z.infer<typeof Imprint>;

/** The sender of mails of a region. */
export const Sender = z.object({
  name: Line,
  email: Email,
  replyTo: Email.optional(),
});
export type Sender = z.infer<typeof Sender>;

/**
 * Region: the cooperation area of a regional management, with its brand, members and carrier.
 *
 * @example
 * const result = validate(Region, json);
 */
export const Region = z
  .object({
    id: RegionId,
    /** Official or common name, e.g. `Regionalmanagement Nordthüringen`. */
    name: Line,
    /** Brand name used in communication, e.g. `Thüringer Bogen`. */
    brand: Line,
    /** Claim / slogan. */
    claim: Line.optional(),
    bundesland: Bundesland,
    timeZone: TimeZone.default('Europe/Berlin'),
    language: Language.default('de'),
    website: WebUrl.optional(),
    members: z.array(Member).min(1, { error: 'expected at least one member' }),
    carrier: CarrierOrganisation,
    imprint: Imprint.optional(),
    sender: Sender.optional(),
    /** How the region's press releases write the dateline unless a release says otherwise. */
    datelineStyle: DatelineStyle.optional(),
  })
  .superRefine((region, ctx) => {
    const prefix = LAND_CODES[region.bundesland];
    region.members.forEach((member, i) => {
      const wellFormed = OfficialKey.safeParse(member.officialKey).success;
      if (wellFormed && !member.officialKey.startsWith(prefix)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'officialKey'],
          message: `expected a key starting with ${prefix} (${region.bundesland}), got "${member.officialKey}"`,
        });
      }
    });
    region.members.forEach((member, i) => {
      if (member.kind === 'gemeinde' && /^\d{5}$/.test(member.officialKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'officialKey'],
          message: `expected the 8-digit AGS for a Gemeinde, got the 5-digit key "${member.officialKey}"`,
        });
      }
    });
    const seen = new Set<string>();
    region.members.forEach((member, i) => {
      if (seen.has(member.officialKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'officialKey'],
          message: `expected each member once, got "${member.officialKey}" twice`,
        });
      }
      seen.add(member.officialKey);
    });
  });
export type Region = z.infer<typeof Region>;

/**
 * The Kreisschlüssel (first five digits) of an official key.
 *
 * @example kreisKey('16067072') // '16067'
 */
export function kreisKey(officialKey: OfficialKey): string {
  return officialKey.slice(0, 5);
}
