import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Tokens of the JSON API and other tooling. Only a keyed hash of each token's secret part is
 * kept; the token itself is shown once, when it is created. `region_id` is one region or `*` for
 * all of them.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    regionId: text('region_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'string' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('api_tokens_region_idx').on(t.regionId),
    check('api_tokens_id_check', sql`${t.id} ~ '^[0-9a-f]{16}$'`),
  ],
);
