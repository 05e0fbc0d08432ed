import { check, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { checkIn } from './check-in';

/** Campaign statuses; kept equal to core's `CampaignStatus` (a unit test checks it). */
export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'cancelled',
  'failed',
  'missed',
] as const;

/** Campaigns: one issue or press release, one audience, one time plan, a status. */
export const campaigns = pgTable(
  'campaigns',
  {
    regionId: text('region_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    content: jsonb('content').notNull(),
    audience: jsonb('audience').notNull(),
    plan: jsonb('plan').notNull(),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    /** When the campaign became `sent`; null before (and for campaigns that never are). */
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    check('campaigns_status_check', checkIn(t.status, CAMPAIGN_STATUSES)),
  ],
);
