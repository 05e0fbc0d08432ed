import { RECORD_SCHEMAS as CORE_RECORD_SCHEMAS } from '@regiokit/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { parseInput } from './parse-input';
import { records } from './schema/index';
import type { StoreContext } from './store-context';
import { parseStored } from './stored-record';

/**
 * The core schema of each kind of domain record kept in the generic record table: core's
 * `RECORD_SCHEMAS` without the kinds that have tables of their own (topics, mailing lists,
 * subscribers, consent records, campaigns).
 */
export const RECORD_SCHEMAS = {
  region: CORE_RECORD_SCHEMAS.region,
  body: CORE_RECORD_SCHEMAS.body,
  decision: CORE_RECORD_SCHEMAS.decision,
  strategy: CORE_RECORD_SCHEMAS.strategy,
  project: CORE_RECORD_SCHEMAS.project,
  grant: CORE_RECORD_SCHEMAS.grant,
  workshop: CORE_RECORD_SCHEMAS.workshop,
  event: CORE_RECORD_SCHEMAS.event,
  article: CORE_RECORD_SCHEMAS.article,
  'newsletter-issue': CORE_RECORD_SCHEMAS['newsletter-issue'],
  'press-release': CORE_RECORD_SCHEMAS['press-release'],
} as const;

/** A kind of domain record in the record table, e.g. `project` or `press-release`. */
export type RecordKind = keyof typeof RECORD_SCHEMAS;

/** The record type of a kind, e.g. `RecordOf<'article'>` is core's `Article`. */
export type RecordOf<K extends RecordKind> = z.output<(typeof RECORD_SCHEMAS)[K]>;

/** Domain records of @regiokit/core, validated on write and on read. */
export interface RecordRepository {
  /** Inserts or replaces a record; returns it as stored (defaults applied). */
  put<K extends RecordKind>(kind: K, record: unknown): Promise<RecordOf<K>>;
  get<K extends RecordKind>(kind: K, regionId: string, id: string): Promise<RecordOf<K> | undefined>;
  /** All records of a kind in a region, by id. */
  list<K extends RecordKind>(kind: K, regionId: string): Promise<RecordOf<K>[]>;
  /** Every region in the store, by id. */
  listRegions(): Promise<RecordOf<'region'>[]>;
  /** Whether a record was deleted. */
  delete(kind: RecordKind, regionId: string, id: string): Promise<boolean>;
}

/** Builds the {@link RecordRepository}. */
export function createRecordRepository(ctx: StoreContext): RecordRepository {
  const { db } = ctx.database;
  const schemaOf = <K extends RecordKind>(kind: K) => {
    const schema = RECORD_SCHEMAS[kind];
    if (schema === undefined) throw new TypeError(`unknown record kind "${String(kind)}"`);
    return schema as unknown as z.ZodType<RecordOf<K>>;
  };
  return {
    async put(kind, input) {
      const record = parseInput(schemaOf(kind), input, kind) as RecordOf<typeof kind> & { id: string };
      const regionId = kind === 'region' ? record.id : (record as { regionId: string }).regionId;
      await db
        .insert(records)
        .values({ kind, regionId, id: record.id, data: record })
        .onConflictDoUpdate({
          target: [records.kind, records.regionId, records.id],
          set: { data: record, updatedAt: sql`now()` },
        });
      return record;
    },
    async get(kind, regionId, id) {
      const [row] = await db
        .select({ data: records.data })
        .from(records)
        .where(and(eq(records.kind, kind), eq(records.regionId, regionId), eq(records.id, id)));
      return row === undefined
        ? undefined
        : parseStored(schemaOf(kind), row.data, `${kind} ${regionId}/${id}`);
    },
    async list(kind, regionId) {
      const rows = await db
        .select({ id: records.id, data: records.data })
        .from(records)
        .where(and(eq(records.kind, kind), eq(records.regionId, regionId)))
        .orderBy(asc(records.id));
      return rows.map((row) => parseStored(schemaOf(kind), row.data, `${kind} ${regionId}/${row.id}`));
    },
    async listRegions() {
      const rows = await db
        .select({ id: records.id, data: records.data })
        .from(records)
        .where(eq(records.kind, 'region'))
        .orderBy(asc(records.id));
      return rows.map((row) => parseStored(schemaOf('region'), row.data, `region ${row.id}`));
    },
    async delete(kind, regionId, id) {
      const deleted = await db
        .delete(records)
        .where(and(eq(records.kind, kind), eq(records.regionId, regionId), eq(records.id, id)))
        .returning({ id: records.id });
      return deleted.length > 0;
    },
  };
}
