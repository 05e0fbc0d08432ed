import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Mailing lists (Verteiler) of a region; `data` is the validated core `MailingList`. */
export const mailingLists = pgTable(
  'mailing_lists',
  {
    regionId: text('region_id').notNull(),
    id: text('id').notNull(),
    data: jsonb('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

/** Topics (Themen) of a region; `data` is the validated core `Topic`. */
export const topics = pgTable(
  'topics',
  {
    regionId: text('region_id').notNull(),
    id: text('id').notNull(),
    data: jsonb('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
