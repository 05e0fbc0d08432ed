import { check, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { checkIn } from './check-in';

/** Subscriber statuses; kept equal to core's `SubscriberStatus` (a unit test checks it). */
export const SUBSCRIBER_STATUSES = ['pending', 'active', 'unsubscribed', 'bounced', 'complained'] as const;

/** Subscribers, unique per region by normalised address. */
export const subscribers = pgTable(
  'subscribers',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    email: text('email').notNull(),
    /** Keyed hash of the address: what the suppression list is compared with. */
    emailHash: text('email_hash').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    salutation: text('salutation').notNull().default('none'),
    language: text('language').notNull().default('de'),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    unique('subscribers_region_email_unique').on(t.regionId, t.email),
    check('subscribers_status_check', checkIn(t.status, SUBSCRIBER_STATUSES)),
  ],
);

/**
 * Which lists a subscriber is on. Keyed for audience scans: (region, list, subscriber). Like the
 * other per-subscriber tables it has no foreign keys: they would check each row of a
 * 100,000-row import one by one (about three times the cost of the insert itself). The store's
 * writes keep the references valid, and its deletes (erasure, list and topic deletion) remove
 * the dependent rows.
 */
export const subscriberLists = pgTable(
  'subscriber_lists',
  {
    regionId: text('region_id').notNull(),
    listId: text('list_id').notNull(),
    subscriberId: uuid('subscriber_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.listId, t.subscriberId] }),
    index('subscriber_lists_subscriber_idx').on(t.subscriberId),
  ],
);

/** Which topics a subscriber chose (no foreign keys, see `subscriberLists`). */
export const subscriberTopics = pgTable(
  'subscriber_topics',
  {
    subscriberId: uuid('subscriber_id').notNull(),
    regionId: text('region_id').notNull(),
    topicId: text('topic_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.topicId] })],
);
