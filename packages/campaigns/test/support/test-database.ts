import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStore, type Store } from '@regiokit/store';

/** The PostgreSQL server of the tests; each test file gets a database of its own there. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A secret for tests (the store wants at least 32 characters). */
export const TEST_SECRET = 'worker-test-secret-0123456789abcdef-0123';

const run = promisify(execFile);

/** Runs one SQL statement on the test server's maintenance database with `psql`. */
async function admin(statement: string): Promise<void> {
  await run('psql', [TEST_DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-q', '-c', statement]);
}

/** One empty database for one test; worker child processes open it through `options`. */
export interface TestDatabase {
  backend: 'postgres' | 'pglite';
  /** What `openStore` needs (besides the secret) to reach this database. */
  options: { databaseUrl?: string; dataDir?: string };
  open(): Promise<Store>;
  drop(): Promise<void>;
}

/** Creates a fresh PostgreSQL database on the test server, or a PGlite folder. */
export async function createTestDatabase(backend: 'postgres' | 'pglite'): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'regiokit-worker-'));
    return {
      backend,
      options: { dataDir },
      open: () => openStore({ dataDir, secret: TEST_SECRET }),
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `regiokit_worker_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    backend,
    options: { databaseUrl },
    open: () => openStore({ databaseUrl, secret: TEST_SECRET }),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
