import { open, readFile, unlink } from 'node:fs/promises';
import { StoreError } from './store-error';

/** A held lock on an embedded database folder. */
export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Takes the lock file `path` for this process. PGlite is one process's database: a second process
 * opening the same folder would corrupt it, so it gets a clear error instead. A lock left by a
 * process that no longer runs is taken over.
 */
export async function lockDataDir(path: string, databaseDir: string): Promise<DataDirLock> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && isRunning(holder)) {
        throw new StoreError(
          'DATA_DIR_LOCKED',
          `the embedded database in ${databaseDir} is in use by process ${holder}${
            holder === process.pid ? ' (this process: close the other store first)' : ''
          }; it serves one process at a time. Set DATABASE_URL to share a PostgreSQL server between processes, or delete ${path} if no process uses it.`,
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new StoreError('DATA_DIR_LOCKED', `could not take the lock ${path} for ${databaseDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
