import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Domain records of @regiokit/core (regions, newsletter issues, press releases, …) stored as
 * validated JSON, one row per (kind, region, id).
 */
export const records = pgTable(
  'records',
  {
    kind: text('kind').notNull(),
    regionId: text('region_id').notNull(),
    id: text('id').notNull(),
    data: jsonb('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.regionId, t.id] })],
);
