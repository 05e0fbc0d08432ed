import { z } from 'zod';
import { Email, Instant, Line } from './common';
import { ListId, RegionId, SubscriberId, TopicId } from './ids';

/** Where a consent came from. */
export const ConsentSource = z.enum(['form', 'import', 'api']);
export type ConsentSource = z.infer<typeof ConsentSource>;

/** What happened: sign-up requested, confirmed (double opt-in), withdrawn, or topics changed. */
export const ConsentAction = z.enum(['requested', 'confirmed', 'withdrawn', 'preferences-changed']);
export type ConsentAction = z.infer<typeof ConsentAction>;

/**
 * Einwilligungsnachweis: one entry of the append-only consent log. Together the entries of an
 * address prove when and how it consented (UWG § 7, GDPR Art. 7).
 */
export const ConsentRecord = z.object({
  subscriberId: SubscriberId,
  regionId: RegionId,
  email: Email,
  action: ConsentAction,
  at: Instant,
  source: ConsentSource,
  listId: ListId.optional(),
  topics: z.array(TopicId).default([]),
  /** The consent text the person saw, verbatim. */
  consentText: z.string().min(1).optional(),
  /** Version of that text, e.g. `2026-01`. */
  consentTextVersion: Line.optional(),
  /** IP address as given, or its keyed hash (a store setting). */
  ip: Line.optional(),
  userAgent: z.string().max(1000).optional(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;
