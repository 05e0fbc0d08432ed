import { check, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { checkIn } from './check-in';

/** States of a ledger row. */
export const LEDGER_STATES = ['claimed', 'sent', 'failed-temporary', 'failed-permanent', 'skipped'] as const;

/**
 * The send ledger: one row per (campaign, subscriber), claimed before the SMTP call and settled
 * after it. No foreign keys: an erased subscriber's rows stay (without personal data) so the
 * campaign's figures stay right, and the claim statement checks the campaign itself (a foreign
 * key would add a lookup per claimed row on the hot path). Campaigns are never deleted.
 */
export const sendLedger = pgTable(
  'send_ledger',
  {
    regionId: text('region_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    subscriberId: uuid('subscriber_id').notNull(),
    state: text('state').notNull(),
    /** Claims so far, the current one included. */
    attempts: integer('attempts').notNull().default(1),
    /** Fencing token of the current claim: only its holder may settle the row. */
    claimToken: uuid('claim_token'),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'string' }).notNull(),
    /**
     * When the row may be claimed again: the lease end while `claimed`, the earliest retry while
     * `failed-temporary`, null once final.
     */
    reclaimableAt: timestamp('reclaimable_at', { withTimezone: true, mode: 'string' }),
    settledAt: timestamp('settled_at', { withTimezone: true, mode: 'string' }),
    messageId: text('message_id'),
    smtpReply: text('smtp_reply'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.campaignId, t.subscriberId] }),
    check('send_ledger_state_check', checkIn(t.state, LEDGER_STATES)),
  ],
);
