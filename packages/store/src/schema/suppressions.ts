import { check, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { checkIn } from './check-in';

/** Why an address is suppressed. */
export const SUPPRESSION_REASONS = ['hard-bounce', 'complaint', 'erased', 'manual'] as const;

/**
 * The suppression list: addresses that get no campaign mail, kept only as a keyed hash of the
 * normalised address, so an erased address leaves nothing readable behind.
 */
export const suppressions = pgTable(
  'suppressions',
  {
    regionId: text('region_id').notNull(),
    emailHash: text('email_hash').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.emailHash] }),
    check('suppressions_reason_check', checkIn(t.reason, SUPPRESSION_REASONS)),
  ],
);
