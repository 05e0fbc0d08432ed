import {
  applyPublicationAction,
  RECORD_SCHEMAS as CORE_RECORD_SCHEMAS,
  type FieldError,
  MailingList,
  PublicationAction,
  type PublicationState,
  Topic,
  validate,
} from '@regiokit/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { Actor, writeAudit } from './audit-log';
import { type Executor, queryRows } from './database';
import { toInstant } from './instant';
import { writeList } from './mailing-lists';
import { invalidInput, parseInput } from './parse-input';
import { records } from './schema/index';
import { PUBLISHABLE_KINDS } from './schema/records';
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

/** The kinds with a publication state (Veröffentlichungsstatus): newsletter issues and press releases. */
export type PublishableKind = (typeof PUBLISHABLE_KINDS)[number];

/** Whether records of `kind` have a publication state. */
export function isPublishableKind(kind: string): kind is PublishableKind {
  return (PUBLISHABLE_KINDS as readonly string[]).includes(kind);
}

/** The publication state of one newsletter issue or press release. */
export interface PublicationInfo {
  readonly kind: PublishableKind;
  readonly regionId: string;
  readonly id: string;
  readonly publication: PublicationState;
  /** When it was last published; null while it never was. */
  readonly publishedAt: string | null;
}

/** What {@link RecordRepository.changePublication} did. */
export interface PublicationChange extends PublicationInfo {
  /** The state before. */
  readonly from: PublicationState;
}

/** Who writes, for the audit entry of a publication state set by a record (an import). */
export interface RecordWriteOptions {
  readonly actor?: string;
}

/**
 * Domain records of @regiokit/core, validated on write and on read.
 *
 * Newsletter issues and press releases have a publication state, kept beside the record: a record
 * written without `publication` is a `draft` when new and keeps its state otherwise; one written
 * with `publication` gets that state (audited as `<kind>.<state>` when it changes). Reads always
 * return `publication`.
 */
export interface RecordRepository {
  /** Inserts or replaces a record; returns it as stored (defaults applied). */
  put<K extends RecordKind>(kind: K, record: unknown, options?: RecordWriteOptions): Promise<RecordOf<K>>;
  /**
   * Inserts or replaces several records in ONE transaction, in the order given (so a mailing
   * list may use a topic written before it). Every record is validated first; invalid ones are
   * reported together (`INVALID_INPUT`, fields such as `[2].title`) and nothing is written; a
   * write the database refuses rolls back the others (`WRITE_FAILED`). Returns the records as
   * stored, in the same order.
   */
  putMany(entries: readonly RecordEntry[], options?: RecordWriteOptions): Promise<RecordEntry[]>;
  get<K extends RecordKind>(kind: K, regionId: string, id: string): Promise<RecordOf<K> | undefined>;
  /** All records of a kind in a region, by id. */
  list<K extends RecordKind>(kind: K, regionId: string): Promise<RecordOf<K>[]>;
  /** Every region in the store, by id. */
  listRegions(): Promise<RecordOf<'region'>[]>;
  /** Whether a record was deleted. */
  delete(kind: RecordKind, regionId: string, id: string): Promise<boolean>;
  /** The publication state of a newsletter issue or press release; `undefined` when there is no such record. */
  getPublication(kind: PublishableKind, regionId: string, id: string): Promise<PublicationInfo | undefined>;
  /** The publication states of a kind in a region, by id. */
  listPublications(kind: PublishableKind, regionId: string): Promise<PublicationInfo[]>;
  /**
   * Takes a publication action (`approve`, `publish`, `unpublish`, `withdraw`, `reopen`) on a
   * newsletter issue or press release in one transaction with the row locked, checked against
   * core's `PUBLICATION_LIFECYCLE` (an illegal one throws core's `DomainError`
   * `ILLEGAL_TRANSITION`; a missing record `NOT_FOUND`). Publishing sets `publishedAt`.
   * Audited as `<kind>.<new state>` with the action and the state before.
   */
  changePublication(
    kind: PublishableKind,
    regionId: string,
    id: string,
    action: PublicationAction,
    options: { actor: string },
  ): Promise<PublicationChange>;
}

const ENTRY_SCHEMAS: Readonly<Record<EntryKind, z.ZodType>> = {
  ...RECORD_SCHEMAS,
  topic: Topic,
  'mailing-list': MailingList,
};

async function writeRecord(
  tx: Executor,
  kind: RecordKind,
  record: { id: string },
  actor: string,
): Promise<void> {
  const regionId = kind === 'region' ? record.id : (record as unknown as { regionId: string }).regionId;
  if (!isPublishableKind(kind)) {
    await tx
      .insert(records)
      .values({ kind, regionId, id: record.id, data: record })
      .onConflictDoUpdate({
        target: [records.kind, records.regionId, records.id],
        set: { data: record, updatedAt: sql`now()` },
      });
    return;
  }
  // the state lives in its own column: a file without it never publishes, nor unpublishes
  const { publication: wanted, ...data } = record as { id: string; publication?: PublicationState };
  const [before] = await queryRows<{ publication: PublicationState }>(
    tx,
    sql`select publication from records where kind = ${kind} and region_id = ${regionId} and id = ${record.id} for update`,
  );
  const state = wanted ?? before?.publication ?? 'draft';
  await tx.execute(sql`insert into records (kind, region_id, id, data, publication, published_at)
      values (${kind}, ${regionId}, ${record.id}, ${JSON.stringify(data)}::jsonb, ${state},
        ${state === 'published' ? sql`now()` : sql`null`})
      on conflict (kind, region_id, id) do update set data = excluded.data, updated_at = now(),
        publication = excluded.publication,
        published_at = case when excluded.publication = 'published' and records.publication <> 'published'
          then now() else records.published_at end`);
  if (wanted !== undefined && wanted !== before?.publication) {
    await writeAudit(tx, {
      actor,
      action: `${kind}.${wanted}`,
      regionId,
      target: `${kind}:${regionId}/${record.id}`,
      details: { from: before?.publication ?? null, via: 'record' },
    });
  }
}

interface RecordRow {
  id: string;
  data: unknown;
  publication: PublicationState | null;
}

/** A stored row's record: its JSON with the publication state of its column. */
function recordOfRow(row: RecordRow): unknown {
  return row.publication === null ? row.data : { ...(row.data as object), publication: row.publication };
}

interface PublicationRow {
  kind: PublishableKind;
  region_id: string;
  id: string;
  publication: PublicationState;
  published_at: string | null;
}

function toPublicationInfo(row: PublicationRow): PublicationInfo {
  return {
    kind: row.kind,
    regionId: row.region_id,
    id: row.id,
    publication: row.publication,
    publishedAt: row.published_at === null ? null : toInstant(row.published_at),
  };
}

function assertPublishable(kind: string): asserts kind is PublishableKind {
  if (!isPublishableKind(kind)) {
    throw new StoreError(
      'INVALID_INPUT',
      `kind: expected "newsletter-issue" or "press-release", got ${JSON.stringify(kind)}`,
      { fields: [{ path: 'kind', message: 'expected "newsletter-issue" or "press-release"' }] },
    );
  }
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
  const repository: RecordRepository = {
    async put(kind, input, options = {}) {
      const record = parseInput(schemaOf(kind), input, kind) as RecordOf<typeof kind> & { id: string };
      const actor = parseInput(Actor, options.actor ?? 'store', kind, 'actor');
      await ctx.database.transaction((tx) => writeRecord(tx, kind, record, actor));
      return (
        (await repository.get(kind, (record as { regionId?: string }).regionId ?? record.id, record.id)) ??
        record
      );
    },
    async putMany(input, options = {}) {
      const entries = validateEntries(input);
      const actor = parseInput(Actor, options.actor ?? 'store', 'records', 'actor');
      try {
        await ctx.database.transaction(async (tx) => {
          for (const [i, { kind, record }] of entries.entries()) {
            if (kind === 'topic') await writeTopic(tx, record as Topic);
            else if (kind === 'mailing-list')
              await writeList(tx, record as MailingList, 'records', `[${i}].`);
            else await writeRecord(tx, kind, record as { id: string }, actor);
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
        .select({ id: records.id, data: records.data, publication: records.publication })
        .from(records)
        .where(and(eq(records.kind, kind), eq(records.regionId, regionId), eq(records.id, id)));
      return row === undefined
        ? undefined
        : parseStored(schemaOf(kind), recordOfRow(row as RecordRow), `${kind} ${regionId}/${id}`);
    },
    async list(kind, regionId) {
      const rows = await db
        .select({ id: records.id, data: records.data, publication: records.publication })
        .from(records)
        .where(and(eq(records.kind, kind), eq(records.regionId, regionId)))
        .orderBy(asc(records.id));
      return rows.map((row) =>
        parseStored(schemaOf(kind), recordOfRow(row as RecordRow), `${kind} ${regionId}/${row.id}`),
      );
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
    async getPublication(kind, regionId, id) {
      assertPublishable(kind);
      const [row] = await queryRows<PublicationRow>(
        db,
        sql`select kind, region_id, id, publication, published_at from records
            where kind = ${kind} and region_id = ${regionId} and id = ${id}`,
      );
      return row === undefined ? undefined : toPublicationInfo(row);
    },
    async listPublications(kind, regionId) {
      assertPublishable(kind);
      const rows = await queryRows<PublicationRow>(
        db,
        sql`select kind, region_id, id, publication, published_at from records
            where kind = ${kind} and region_id = ${regionId} order by id`,
      );
      return rows.map(toPublicationInfo);
    },
    changePublication: (kind, regionId, id, action, options) =>
      ctx.database.transaction(async (tx) => {
        assertPublishable(kind);
        const checked = parseInput(PublicationAction, action, 'publication change', 'action');
        parseInput(Actor, options.actor, 'publication change', 'actor');
        const [row] = await queryRows<PublicationRow>(
          tx,
          sql`select kind, region_id, id, publication, published_at from records
              where kind = ${kind} and region_id = ${regionId} and id = ${id} for update`,
        );
        if (row === undefined)
          throw new StoreError('NOT_FOUND', `no ${kind} "${id}" in region "${regionId}"`);
        const to = applyPublicationAction(row.publication, checked);
        const [changed] = await queryRows<PublicationRow>(
          tx,
          sql`update records set publication = ${to}, updated_at = now(),
                published_at = ${to === 'published' ? sql`now()` : sql`published_at`}
              where kind = ${kind} and region_id = ${regionId} and id = ${id}
              returning kind, region_id, id, publication, published_at`,
        );
        await writeAudit(tx, {
          actor: options.actor,
          action: `${kind}.${to}`,
          regionId,
          target: `${kind}:${regionId}/${id}`,
          details: { from: row.publication, action: checked },
        });
        return { ...toPublicationInfo(changed!), from: row.publication };
      }),
  };
  return repository;
}
