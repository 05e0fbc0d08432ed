import { z } from 'zod';
import { Email, Instant, Language, Line } from './common';
import { ListId, RegionId, SubscriberId, TopicId } from './ids';
import { defineLifecycle } from './lifecycle';

/** Status of a subscriber: pending → active → unsubscribed / bounced / complained. */
export const SubscriberStatus = z.enum(['pending', 'active', 'unsubscribed', 'bounced', 'complained']);
export type SubscriberStatus = z.infer<typeof SubscriberStatus>;

/**
 * Allowed subscriber status transitions. Only a confirmed double opt-in makes a subscriber
 * `active`; anyone who left can come back only through a new opt-in (`pending`).
 */
export const SUBSCRIBER_LIFECYCLE = defineLifecycle<SubscriberStatus>('subscriber', {
  pending: ['active', 'unsubscribed', 'bounced'],
  active: ['unsubscribed', 'bounced', 'complained'],
  unsubscribed: ['pending'],
  bounced: ['pending'],
  complained: ['pending'],
});

/** Salutation used in personalised mails. */
export const Salutation = z.enum(['none', 'frau', 'herr', 'divers']);
export type Salutation = z.infer<typeof Salutation>;

/** Abonnent: someone who receives a region's mails. */
export const Subscriber = z.object({
  id: SubscriberId,
  regionId: RegionId,
  /** Normalised address (see {@link normaliseEmail}). */
  email: Email,
  firstName: Line.max(100).optional(),
  lastName: Line.max(100).optional(),
  salutation: Salutation.default('none'),
  language: Language.default('de'),
  status: SubscriberStatus,
  listIds: z.array(ListId).default([]),
  topics: z.array(TopicId).default([]),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Subscriber = z.infer<typeof Subscriber>;

/**
 * Normalises an address for uniqueness: trims and lower-cases it. Returns `undefined` when the
 * result is not an e-mail address.
 *
 * @example normaliseEmail('  Jane.Doe@Example.ORG ') // 'jane.doe@example.org'
 */
export function normaliseEmail(input: string): string | undefined {
  const value = input.trim().toLowerCase();
  return Email.safeParse(value).success ? value : undefined;
}
