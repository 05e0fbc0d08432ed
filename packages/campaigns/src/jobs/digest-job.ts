import { Language } from '@regiokit/core';
import { z } from 'zod';
import { QUEUE_NAMES } from './queue-names';

/** Payload of a digest job: one region's recurring digest (set by `scheduleDigest`). */
export const DigestJob = z.object({
  regionId: z.string().min(1),
  /** The list the digest goes to. */
  listId: z.string().min(1),
  language: Language.default('de'),
  /** Days the digest reports on, ending the day before it runs (7: weekly, 30: monthly). */
  periodDays: z.int().min(1).max(366).default(30),
  /** `hold`: the campaign stays a draft for staff to check and schedule; `send`: it is sent at once. */
  approval: z.enum(['hold', 'send']).default('hold'),
  /** Time zone of the schedule and of the period's days. */
  timeZone: z.string().default('Europe/Berlin'),
});
export type DigestJob = z.input<typeof DigestJob>;

/** Queue of digest jobs (one job scheduler per region). */
export const DIGEST_QUEUE = QUEUE_NAMES.digest;
