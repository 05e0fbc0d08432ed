import {
  assertTransition,
  Language,
  Line,
  normaliseEmail,
  Salutation,
  SUBSCRIBER_LIFECYCLE,
  Subscriber,
  SubscriberStatus,
} from '@regiokit/core';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type ExportOptions, exportSubscribersCsv } from './csv-export';
import { type ImportOptions, type ImportReport, importSubscribersCsv } from './csv-import';
import type { CsvSource } from './csv-source';
import { type Executor, queryRows } from './database';
import { toInstant } from './instant';
import { parseInput } from './parse-input';
import type { StoreContext } from './store-context';
import { StoreError } from './store-error';
import { parseStored } from './stored-record';

/** Filter and page of {@link SubscriberRepository.list}, ordered by id; `after` is the last id seen. */
export interface SubscriberQuery {
  readonly listId?: string;
  readonly status?: SubscriberStatus;
  readonly after?: string;
  readonly limit?: number;
}

/** Profile fields staff or the subscriber may change. */
export const SubscriberProfile = z.object({
  firstName: Line.max(100).nullable().optional(),
  lastName: Line.max(100).nullable().optional(),
  salutation: Salutation.optional(),
  language: Language.optional(),
});
export type SubscriberProfile = z.input<typeof SubscriberProfile>;

/**
 * Subscribers (Abonnenten), unique per region by normalised address. They are created by a
 * sign-up (`optIn.request`) or an import; their status changes only through confirm,
 * unsubscribe and suppression, each checked against core's subscriber lifecycle.
 */
export interface SubscriberRepository {
  get(id: string): Promise<Subscriber | undefined>;
  /** By address in a region; the address is normalised first. */
  findByEmail(regionId: string, email: string): Promise<Subscriber | undefined>;
  /** A page of a region's subscribers, by id. */
  list(regionId: string, query?: SubscriberQuery): Promise<Subscriber[]>;
  /** Number of subscribers per status in a region, or on one list. */
  countByStatus(regionId: string, listId?: string): Promise<Record<SubscriberStatus, number>>;
  /** Changes name, salutation or language (`null` clears a name). */
  updateProfile(id: string, profile: SubscriberProfile): Promise<Subscriber>;
  /**
   * Imports a CSV into a list, streamed, in one transaction, with a report per row. Rows without
   * consent evidence become `pending`; suppressed and unsubscribed addresses are skipped.
   */
  importCsv(source: CsvSource, options: ImportOptions): Promise<ImportReport>;
  /** A list as CSV chunks (the import's columns, with consent evidence). Audited. */
  exportCsv(options: ExportOptions): AsyncIterable<string>;
}

interface SubscriberRow {
  id: string;
  region_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  salutation: string;
  language: string;
  status: string;
  created_at: string;
  updated_at: string;
  list_ids: string[];
  topics: string[];
}

/** Reads subscribers matching `where` (a condition on `s`), with their lists and topics. */
export async function selectSubscribers(tx: Executor, where: SQL, tail: SQL = sql``): Promise<Subscriber[]> {
  const rows = await queryRows<SubscriberRow>(
    tx,
    sql`select s.id, s.region_id, s.email, s.first_name, s.last_name, s.salutation, s.language, s.status,
          s.created_at, s.updated_at,
          coalesce((select json_agg(l.list_id order by l.list_id) from subscriber_lists l
                    where l.subscriber_id = s.id), '[]'::json) as list_ids,
          coalesce((select json_agg(t.topic_id order by t.topic_id) from subscriber_topics t
                    where t.subscriber_id = s.id), '[]'::json) as topics
        from subscribers s where ${where} ${tail}`,
  );
  return rows.map(toSubscriber);
}

/** One subscriber or `NOT_FOUND`; `forUpdate` locks the row for the rest of the transaction. */
export async function requireSubscriber(tx: Executor, id: string, forUpdate = false): Promise<Subscriber> {
  if (forUpdate) await tx.execute(sql`select 1 from subscribers where id = ${id} for update`);
  const [subscriber] = await selectSubscribers(tx, sql`s.id = ${id}`);
  if (subscriber === undefined) throw new StoreError('NOT_FOUND', `no subscriber ${id}`);
  return subscriber;
}

/** Writes the profile fields that are given; `undefined` keeps a field, `null` clears a name. */
export async function writeProfile(tx: Executor, id: string, profile: z.output<typeof SubscriberProfile>) {
  await tx.execute(sql`update subscribers set
      first_name = case when ${profile.firstName !== undefined} then ${profile.firstName ?? null} else first_name end,
      last_name = case when ${profile.lastName !== undefined} then ${profile.lastName ?? null} else last_name end,
      salutation = coalesce(${profile.salutation ?? null}, salutation),
      language = coalesce(${profile.language ?? null}, language),
      updated_at = now()
    where id = ${id}`);
}

/** Moves a subscriber to `to` if core's lifecycle allows it (else core's `DomainError`). */
export async function changeSubscriberStatus(tx: Executor, subscriber: Subscriber, to: SubscriberStatus) {
  if (subscriber.status === to) return;
  assertTransition(SUBSCRIBER_LIFECYCLE, subscriber.status, to);
  await tx.execute(
    sql`update subscribers set status = ${to}, updated_at = now() where id = ${subscriber.id}`,
  );
}

/** Builds the {@link SubscriberRepository}. */
export function createSubscriberRepository(ctx: StoreContext): SubscriberRepository {
  const { database } = ctx;
  const { db } = database;
  return {
    async get(id) {
      if (!isUuid(id)) return undefined;
      const [subscriber] = await selectSubscribers(db, sql`s.id = ${id}`);
      return subscriber;
    },
    async findByEmail(regionId, email) {
      const normalised = normaliseEmail(email);
      if (normalised === undefined) return undefined;
      const [subscriber] = await selectSubscribers(
        db,
        sql`s.region_id = ${regionId} and s.email = ${normalised}`,
      );
      return subscriber;
    },
    list(regionId, query = {}) {
      const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
      // only the conditions asked for: in the generic plan of a prepared statement, a condition
      // written as "($n is null or s.id > $n)" is no index bound, and every page read from the start
      const conditions = [sql`s.region_id = ${regionId}`];
      if (query.status !== undefined) conditions.push(sql`s.status = ${query.status}`);
      if (query.after !== undefined) conditions.push(sql`s.id > ${query.after}::uuid`);
      if (query.listId !== undefined) {
        conditions.push(sql`exists (select 1 from subscriber_lists l
          where l.region_id = s.region_id and l.list_id = ${query.listId} and l.subscriber_id = s.id)`);
      }
      return selectSubscribers(db, sql.join(conditions, sql` and `), sql`order by s.id limit ${limit}`);
    },
    async countByStatus(regionId, listId) {
      const rows = await queryRows<{ status: SubscriberStatus; n: number }>(
        db,
        sql`select s.status, count(*)::int as n from subscribers s
            where s.region_id = ${regionId}
              and (${listId ?? null}::text is null or exists (
                select 1 from subscriber_lists l
                where l.region_id = s.region_id and l.list_id = ${listId ?? null} and l.subscriber_id = s.id))
            group by s.status`,
      );
      const counts = Object.fromEntries(SubscriberStatus.options.map((s) => [s, 0])) as Record<
        SubscriberStatus,
        number
      >;
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    },
    importCsv: (source, options) => importSubscribersCsv(ctx, source, options),
    exportCsv: (options) => exportSubscribersCsv(ctx, options),
    updateProfile: (id, input) =>
      database.transaction(async (tx) => {
        const profile = parseInput(SubscriberProfile, input, 'subscriber profile');
        await requireSubscriber(tx, id, true);
        await writeProfile(tx, id, profile);
        return requireSubscriber(tx, id);
      }),
  };
}

function toSubscriber(row: SubscriberRow): Subscriber {
  return parseStored(
    Subscriber,
    {
      id: row.id,
      regionId: row.region_id,
      email: row.email,
      ...(row.first_name === null ? {} : { firstName: row.first_name }),
      ...(row.last_name === null ? {} : { lastName: row.last_name }),
      salutation: row.salutation,
      language: row.language,
      status: row.status,
      listIds: row.list_ids,
      topics: row.topics,
      createdAt: toInstant(row.created_at),
      updatedAt: toInstant(row.updated_at),
    },
    `subscriber ${row.id}`,
  );
}

/** Whether `value` looks like a UUID (so a lookup by a bad id finds nothing instead of failing). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
