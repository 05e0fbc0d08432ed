import { lstat, stat, unlink } from 'node:fs/promises';
import { lock } from 'proper-lockfile';
import { StoreError } from './store-error';

/** A held lock on an embedded database folder. */
export interface DataDirLock {
  release(): Promise<void>;
}

/** A lock not refreshed for this long belongs to a process that is gone (it refreshes every 5 s). */
export const DATA_DIR_LOCK_STALE_MS = 10_000;

/**
 * Takes the lock `lockPath` (a directory, made atomically) on `databaseDir` for this process.
 * PGlite is one process's database: a second process opening the same folder would corrupt it, so
 * it gets a clear error instead. The holder refreshes the lock's mtime while it runs; a lock left by
 * a crash is taken over once it is stale. Nothing depends on process ids, so a restarted container
 * whose process is PID 1 again is not mistaken for the crashed one.
 */
export async function lockDataDir(lockPath: string, databaseDir: string): Promise<DataDirLock> {
  await removeLegacyPidFile(lockPath);
  try {
    const release = await lock(databaseDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: DATA_DIR_LOCK_STALE_MS,
      update: DATA_DIR_LOCK_STALE_MS / 2,
      onCompromised: (error) => {
        // another process took the lock over (this one stalled for longer than the stale timeout,
        // or the lock was deleted): two processes on one PGlite folder would corrupt it
        throw new StoreError(
          'DATA_DIR_LOCKED',
          `lost the lock ${lockPath} of the embedded database in ${databaseDir}: ${error.message}`,
          { cause: error },
        );
      },
    });
    return { release: () => release().catch(() => undefined) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const refreshed = await stat(lockPath).then(
      (info) => ` (its lock ${lockPath} was refreshed ${describeAge(Date.now() - info.mtimeMs)})`,
      () => '',
    );
    throw new StoreError(
      'DATA_DIR_LOCKED',
      `the embedded database in ${databaseDir} is in use by another process${refreshed}; it serves one process at a time. Set DATABASE_URL to share a PostgreSQL server between processes. A lock that is not refreshed for ${DATA_DIR_LOCK_STALE_MS / 1000} s is taken over (its process is gone).`,
      { cause: error },
    );
  }
}

function describeAge(ms: number): string {
  return ms < 1_000 ? 'just now' : `${Math.round(ms / 1000)} s ago`;
}

/**
 * Versions up to 0.1.0 locked with a PID file at the same path. One that is still there was left
 * by a crash (a clean close deletes it), and its PID may be this very process's (PID 1 again after
 * a container restart): it is removed, so that the lock directory can be made.
 */
async function removeLegacyPidFile(lockPath: string): Promise<void> {
  const info = await lstat(lockPath).catch(() => undefined);
  if (info?.isFile()) await unlink(lockPath).catch(() => undefined);
}
