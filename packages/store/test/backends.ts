import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseTarget } from '../src/database';
import { openStore, type Store } from '../src/index';
import type { OpenStoreExtras } from '../src/open-store';

/** The PostgreSQL server the tests use; each suite gets its own database there. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A secret for tests (the store requires at least 32 characters). */
export const TEST_SECRET = 'test-secret-0123456789abcdef-0123456789';

/** A backend the repository suite runs against. */
export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /** Creates an empty database and returns how to open a store on it. */
  create(): Promise<TestDatabase>;
}

/** One empty database for one suite; it can be opened again after closing. */
export interface TestDatabase {
  open(extras?: OpenStoreExtras & { clientData?: 'hashed' | 'plain' }): Promise<Store>;
  /** Where the database is: `{ url }` on PostgreSQL, `{ pgliteDir }` on PGlite. */
  readonly target: DatabaseTarget;
  drop(): Promise<void>;
}

const pglite: TestBackend = {
  name: 'pglite',
  async create() {
    const dataDir = await mkdtemp(join(tmpdir(), 'regiokit-store-'));
    return {
      target: { pgliteDir: join(dataDir, 'pglite') },
      open: (extras = {}) => openStore({ dataDir, secret: TEST_SECRET, ...extras }),
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
};

const postgresBackend: TestBackend = {
  name: 'postgres',
  async create() {
    const name = `regiokit_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = withDatabase(TEST_DATABASE_URL, name);
    return {
      target: { url },
      open: (extras = {}) => openStore({ databaseUrl: url, secret: TEST_SECRET, ...extras }),
      drop: async () => {
        const a = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  },
};

/** Both backends: every repository test runs on each. */
export const BACKENDS: readonly TestBackend[] = [pglite, postgresBackend];

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Gives the enclosing suite a store on a fresh database of `backend`: `use` receives it before
 * the tests; it is closed and the database dropped after them.
 */
export function useTestStore(
  backend: TestBackend,
  use: (opened: { store: Store; database: TestDatabase }) => void,
  extras: Parameters<TestDatabase['open']>[0] = {},
): void {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    database = await backend.create();
    store = await database.open(extras);
    use({ store, database });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
}
