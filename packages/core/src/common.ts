import { z } from 'zod';

/** A calendar day as an ISO date, `2026-11-21`. */
export const IsoDate = z.iso.date({
  error: (i) => `expected an ISO date (YYYY-MM-DD), got ${JSON.stringify(i.input)}`,
});
export type IsoDate = z.infer<typeof IsoDate>;

/** A calendar year, e.g. a target year `2030`. */
export const Year = z
  .int({
    error: (i) =>
      i.code === 'too_small' || i.code === 'too_big'
        ? `expected a year between 1900 and 2200, got ${JSON.stringify(i.input)}`
        : `expected a year, got ${JSON.stringify(i.input)}`,
  })
  .min(1900)
  .max(2200);
export type Year = z.infer<typeof Year>;

/** A moment as an ISO 8601 instant with an explicit offset, `2026-12-01T09:00:00+01:00` or `…Z`. */
export const Instant = z.iso.datetime({
  offset: true,
  error: (i) =>
    `expected an ISO instant with offset (2026-12-01T09:00:00+01:00), got ${JSON.stringify(i.input)}`,
});
export type Instant = z.infer<typeof Instant>;

/** An IANA time zone name such as `Europe/Berlin`. */
export const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: (i) => `expected an IANA time zone such as "Europe/Berlin", got ${JSON.stringify(i.input)}` },
);
export type TimeZone = z.infer<typeof TimeZone>;

/** The languages regiokit writes in. German is the default. */
export const Language = z.enum(['de', 'en']);
export type Language = z.infer<typeof Language>;

/** A web address; only `https:` and `http:` are allowed. */
export const WebUrl = z.url({
  protocol: /^https?$/,
  error: (i) => `expected an http(s) URL, got ${JSON.stringify(i.input)}`,
});
export type WebUrl = z.infer<typeof WebUrl>;

/** A link target in a mail or page: `https:`, `http:` or `mailto:`. */
export const LinkUrl = z.url({
  protocol: /^(https?|mailto)$/,
  error: (i) => `expected an http(s) or mailto URL, got ${JSON.stringify(i.input)}`,
});
export type LinkUrl = z.infer<typeof LinkUrl>;

/** An e-mail address. */
export const Email = z.email({ error: (i) => `expected an e-mail address, got ${JSON.stringify(i.input)}` });
export type Email = z.infer<typeof Email>;

/** Non-empty text on one line (no CR/LF), trimmed. Used for headlines, names and subjects. */
export const Line = z
  .string()
  .trim()
  .min(1, { error: 'expected a non-empty text' })
  .refine((s) => !/[\r\n]/.test(s), { error: 'expected one line, got a line break (CR/LF)' });
export type Line = z.infer<typeof Line>;

/** Text that may have several paragraphs, separated by a blank line. */
export const Text = z.string().trim().min(1, { error: 'expected a non-empty text' });
export type Text = z.infer<typeof Text>;

/**
 * An image with its alternative text. Decorative images must say so with `alt: ""`; a missing
 * `alt` is an error, never silently empty.
 */
export const Image = z.object({
  /** Where the image is served from. */
  src: WebUrl,
  /** Alternative text; `""` marks a decorative image. */
  alt: z.string({ error: 'expected alt text (use "" for a decorative image)' }),
  /** Caption shown under the image. */
  caption: z.string().optional(),
  /** Credit line, e.g. `Bild: KielRegion | © Jane Doe`. */
  credit: z.string().optional(),
  /** Intrinsic width in pixels. */
  width: z.int().positive().optional(),
  /** Intrinsic height in pixels. */
  height: z.int().positive().optional(),
});
export type Image = z.infer<typeof Image>;

/** A postal address. */
export const PostalAddress = z.object({
  street: Line,
  postalCode: z
    .string()
    .regex(/^\d{5}$/, { error: (i) => `expected a 5-digit postal code, got ${JSON.stringify(i.input)}` }),
  city: Line,
  country: z.string().length(2).default('DE'),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

/** A contact person (Ansprechpartner, Pressekontakt). */
export const ContactPerson = z.object({
  name: Line,
  role: Line.optional(),
  organisation: Line.optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()/-]{5,}$/, { error: (i) => `expected a phone number, got ${JSON.stringify(i.input)}` })
    .optional(),
  email: Email.optional(),
});
export type ContactPerson = z.infer<typeof ContactPerson>;
