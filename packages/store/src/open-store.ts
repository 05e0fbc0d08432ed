import { join } from 'node:path';
import { type Backend, connectDatabase, type Database } from './database';
import { migrate, readMigrations } from './migrate';
import { parseInput } from './parse-input';
import { createStoreContext } from './store-context';
import { StoreOptions } from './store-options';

/** The store: every repository on one database. Close it when done. */
export interface Store {
  /** `postgres` with a databaseUrl, else `pglite`. */
  readonly backend: Backend;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

/** Extra knobs for tests and tools. */
export interface OpenStoreExtras {
  /** Current time for tokens (defaults to the system clock). */
  readonly clock?: () => Date;
}

/**
 * Opens the store on PostgreSQL (`databaseUrl`) or embedded PGlite (`<dataDir>/pglite`) and
 * brings the schema up to date before returning.
 *
 * @example const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, secret: config.secret })
 */
export async function openStore(options: StoreOptions & OpenStoreExtras): Promise<Store> {
  const parsed = parseInput(StoreOptions, options, 'store options');
  const database = await connectDatabase(
    parsed.databaseUrl !== undefined
      ? { url: parsed.databaseUrl, maxConnections: parsed.maxConnections }
      : { pgliteDir: pgliteDir(parsed.dataDir ?? '') },
  );
  try {
    await migrate(database, await readMigrations());
  } catch (error) {
    await database.close();
    throw error;
  }
  return assembleStore(database, parsed.secret, parsed.clientData, options.clock ?? (() => new Date()));
}

function pgliteDir(dataDir: string): string {
  return dataDir.startsWith('memory://') ? 'memory://' : join(dataDir, 'pglite');
}

function assembleStore(
  database: Database,
  secret: string,
  clientData: 'hashed' | 'plain',
  clock: () => Date,
): Store {
  createStoreContext(database, secret, clientData, clock);
  return {
    backend: database.backend,
    close: () => database.close(),
  };
}
