import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { checkIn } from './check-in';

/** Consent actions and sources; kept equal to core's `ConsentAction` / `ConsentSource`. */
export const CONSENT_ACTIONS = ['requested', 'confirmed', 'withdrawn', 'preferences-changed'] as const;
export const CONSENT_SOURCES = ['form', 'import', 'api'] as const;

/** Each consent text once per (region, version): the log refers to it instead of copying it. */
export const consentTexts = pgTable(
  'consent_texts',
  {
    regionId: text('region_id').notNull(),
    version: text('version').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.version] })],
);

/**
 * The append-only consent log (Einwilligungsnachweis). Rows are never updated (a trigger
 * enforces it); they are deleted only when the address is erased. No foreign keys, for import
 * speed (see `subscriberLists`); the store checks the consent text version before writing.
 */
export const consentLog = pgTable(
  'consent_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: uuid('subscriber_id').notNull(),
    regionId: text('region_id').notNull(),
    email: text('email').notNull(),
    action: text('action').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    source: text('source').notNull(),
    listId: text('list_id'),
    topics: jsonb('topics').notNull().default(sql`'[]'::jsonb`),
    consentTextVersion: text('consent_text_version'),
    /** As given, or a keyed hash (store option `ipAddresses`). */
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** For `confirmed`: the `requested` entry it confirms. */
    requestId: bigint('request_id', { mode: 'number' }),
  },
  (t) => [
    index('consent_log_subscriber_idx').on(t.subscriberId, t.id),
    check('consent_log_action_check', checkIn(t.action, CONSENT_ACTIONS)),
    check('consent_log_source_check', checkIn(t.source, CONSENT_SOURCES)),
  ],
);
