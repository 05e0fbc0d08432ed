import {
  RECORD_SCHEMAS as CORE_RECORD_SCHEMAS,
  type FieldError,
  MailingList,
  Topic,
  validate,
} from '@regiokit/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from './database';
import { writeList } from './mailing-lists';
import { invalidInput, parseInput } from './parse-input';
import { records } from './schema/index';
import type { StoreContext } from './store-context';
import { databaseMessage, StoreError } from './store-error';
import { parseStored } from './stored-record';
import { writeTopic } from './topics';

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

/** What {@link RecordRepository.putMany} writes: the record kinds, plus topics and mailing lists. */
export type EntryKind = RecordKind | 'topic' | 'mailing-list';

/** One record for {@link RecordRepository.putMany}, e.g. `{ kind: 'project', record: {...} }`. */
export interface RecordEntry {
  readonly kind: EntryKind;
  readonly record: unknown;
}

/** Domain records of @regiokit/core, validated on write and on read. */
export interface RecordRepository {
  /** Inserts or replaces a record; returns it as stored (defaults applied). */
  put<K extends RecordKind>(kind: K, record: unknown): Promise<RecordOf<K>>;
  /**
   * Inserts or replaces several records in ONE transaction, in the order given (so a mailing
   * list may use a topic written before it). Every record is validated first; invalid ones are
   * reported together (`INVALID_INPUT`, fields such as `[2].title`) and nothing is written; a
   * write the database refuses rolls back the others (`WRITE_FAILED`). Returns the records as
   * stored, in the same order.
   */
  putMany(entries: readonly RecordEntry[]): Promise<RecordEntry[]>;
  get<K extends RecordKind>(kind: K, regionId: string, id: string): Promise<RecordOf<K> | undefined>;
  /** All records of a kind in a region, by id. */
  list<K extends RecordKind>(kind: K, regionId: string): Promise<RecordOf<K>[]>;
  /** Every region in the store, by id. */
  listRegions(): Promise<RecordOf<'region'>[]>;
  /** Whether a record was deleted. */
  delete(kind: RecordKind, regionId: string, id: string): Promise<boolean>;
}

const ENTRY_SCHEMAS: Readonly<Record<EntryKind, z.ZodType>> = {
  ...RECORD_SCHEMAS,
  topic: Topic,
  'mailing-list': MailingList,
};

async function writeRecord(tx: Executor, kind: RecordKind, record: { id: string }): Promise<void> {
  const regionId = kind === 'region' ? record.id : (record as unknown as { regionId: string }).regionId;
  await tx
    .insert(records)
    .values({ kind, regionId, id: record.id, data: record })
    .onConflictDoUpdate({
      target: [records.kind, records.regionId, records.id],
      set: { data: record, updatedAt: sql`now()` },
    });
}

/** Validates every entry, reporting all problems at once; returns the parsed records. */
function validateEntries(entries: readonly RecordEntry[]): RecordEntry[] {
  if (!Array.isArray(entries)) {
    throw invalidInput('records', [{ path: '', message: 'expected a list of { kind, record }' }]);
  }
  const problems: FieldError[] = [];
  const parsed = entries.map((entry: RecordEntry, i) => {
    const schema = Object.hasOwn(ENTRY_SCHEMAS, entry?.kind) ? ENTRY_SCHEMAS[entry.kind] : undefined;
    if (schema === undefined) {
      problems.push({
        path: `[${i}].kind`,
        message: `expected one of ${Object.keys(ENTRY_SCHEMAS).join(', ')}, got ${JSON.stringify(entry?.kind)}`,
      });
      return entry;
    }
    const result = validate(schema, entry.record);
    if (result.success) return { kind: entry.kind, record: result.data };
    for (const e of result.errors) {
      problems.push({
        path: e.path === '' ? `[${i}]` : `[${i}]${e.path.startsWith('[') ? '' : '.'}${e.path}`,
        message: e.message,
      });
    }
    return entry;
  });
  if (problems.length > 0) throw invalidInput('records', problems);
  return parsed;
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
      await writeRecord(db, kind, record);
      return record;
    },
    async putMany(input) {
      const entries = validateEntries(input);
      try {
        await ctx.database.transaction(async (tx) => {
          for (const [i, { kind, record }] of entries.entries()) {
            if (kind === 'topic') await writeTopic(tx, record as Topic);
            else if (kind === 'mailing-list')
              await writeList(tx, record as MailingList, 'records', `[${i}].`);
            else await writeRecord(tx, kind, record as { id: string });
          }
        });
      } catch (error) {
        if (error instanceof StoreError) throw error;
        throw new StoreError(
          'WRITE_FAILED',
          `writing ${entries.length} records failed: ${databaseMessage(error)}; none was written`,
          { cause: error },
        );
      }
      return entries;
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
