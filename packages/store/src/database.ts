import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema/index';

/** Which database the store runs on. */
export type Backend = 'postgres' | 'pglite';

/** A drizzle handle on the store schema: the database itself or an open transaction. */
export type Executor = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database connection (a pool on PostgreSQL, one embedded instance on PGlite). */
export interface Database {
  readonly backend: Backend;
  readonly db: Executor;
  /** Runs `fn` in one transaction: all of it is written, or none of it. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where to connect: a PostgreSQL URL, or a folder for the embedded database (`memory://` keeps it in memory). */
export type DatabaseTarget =
  | { readonly url: string; readonly maxConnections?: number }
  | { readonly pgliteDir: string };

/** Opens the database; every session uses UTC so timestamps read back the same on both backends. */
export async function connectDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const client = postgres(target.url, {
      max: target.maxConnections ?? 10,
      onnotice: () => undefined,
      connection: { TimeZone: 'UTC', application_name: 'regiokit' },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Executor;
    return {
      backend: 'postgres',
      db,
      transaction: (fn) => db.transaction((tx) => fn(tx)),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const inMemory = target.pgliteDir.startsWith('memory://');
  let release = async () => {};
  if (!inMemory) {
    await mkdir(target.pgliteDir, { recursive: true });
    release = (await lockDataDir(`${target.pgliteDir}.lock`, target.pgliteDir)).release;
  }
  try {
    const client = await PGlite.create(target.pgliteDir);
    await client.exec("SET TIME ZONE 'UTC'");
    const db = drizzlePglite(client, { schema }) as unknown as Executor;
    return {
      backend: 'pglite',
      db,
      transaction: (fn) => db.transaction((tx) => fn(tx)),
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** Runs raw SQL and returns its rows (the drivers shape raw results differently). */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

interface PostgresClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
}

/**
 * Like {@link queryRows}, for statements that run very often with the same text (the send
 * ledger's): on PostgreSQL, outside a transaction, the statement is prepared once per connection
 * and then only bound and executed, instead of being parsed and planned on every call.
 */
export async function preparedRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  return runPrepared<T>(executor, query, (executor as { $client?: Partial<PostgresClient> }).$client);
}

/**
 * {@link preparedRows} inside a transaction, for a statement it runs many times with the same
 * text (an import's batches). Besides parsing and planning once, this saves a round trip per
 * call: an unprepared statement with parameters is described first, and the database waits
 * for the parameters until the client gets round to answering.
 */
export async function preparedRowsInTransaction<T>(tx: Executor, query: SQL): Promise<T[]> {
  return runPrepared<T>(
    tx,
    query,
    (tx as { session?: { client?: Partial<PostgresClient> } }).session?.client,
  );
}

async function runPrepared<T>(
  executor: Executor,
  query: SQL,
  client: Partial<PostgresClient> | undefined,
): Promise<T[]> {
  // PGlite's client has no `unsafe`; it runs the statement as it is.
  if (typeof client?.unsafe !== 'function') return queryRows<T>(executor, query);
  const { sql: text, params } = (
    executor as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }
  ).dialect.sqlToQuery(query);
  return (await (client as PostgresClient).unsafe(text, params, { prepare: true })) as T[];
}

/**
 * A `text[]` of `values`, for `column = any(...)`: unlike a join against a JSON set, the planner
 * turns this into index lookups whatever its statistics say, so batch statements stay
 * proportional to the batch, not to the table.
 */
export function textArray(values: readonly string[]): SQL {
  return sql`array(select json_array_elements_text(${JSON.stringify(values)}::json))`;
}

/** A `uuid[]` of `values`, like {@link textArray}. */
export function uuidArray(values: readonly string[]): SQL {
  return sql`array(select value::uuid from json_array_elements_text(${JSON.stringify(values)}::json))`;
}
