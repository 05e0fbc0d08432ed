import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { checkIn } from './check-in';

/** Publication states; kept equal to core's `PublicationState` (a unit test checks it). */
export const PUBLICATION_STATES = ['draft', 'approved', 'published', 'withdrawn'] as const;

/** The record kinds that have a publication state; every other kind has none. */
export const PUBLISHABLE_KINDS = ['newsletter-issue', 'press-release'] as const;

/**
 * Domain records of @regiokit/core (regions, newsletter issues, press releases, …) stored as
 * validated JSON, one row per (kind, region, id). Newsletter issues and press releases keep their
 * publication state in its own column (never in `data`), with the moment they were last published.
 */
export const records = pgTable(
  'records',
  {
    kind: text('kind').notNull(),
    regionId: text('region_id').notNull(),
    id: text('id').notNull(),
    data: jsonb('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** `draft`, `approved`, `published` or `withdrawn` for newsletter issues and press releases; null for others. */
    publication: text('publication'),
    /** When the record was last published; null while it never was. */
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.regionId, t.id] }),
    check('records_publication_check', checkIn(t.publication, PUBLICATION_STATES)),
    check(
      'records_publication_kind_check',
      sql`(${t.publication} is not null) = (${t.kind} in ('newsletter-issue', 'press-release'))`,
    ),
  ],
);
