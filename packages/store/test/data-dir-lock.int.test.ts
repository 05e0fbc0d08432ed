import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK_STALE_MS, lockDataDir } from '../src/data-dir-lock';

const HOLDER = fileURLToPath(new URL('./lock-holder.ts', import.meta.url));

/** Starts a process that takes the lock and keeps it; resolves once it holds it. */
async function startHolder(lockPath: string, databaseDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=@regiokit/source', '--import', 'tsx', HOLDER, lockPath, databaseDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** What happens when nobody refreshes the lock for longer than the stale timeout. */
async function ageBeyondStale(lockPath: string): Promise<void> {
  const then = new Date(Date.now() - DATA_DIR_LOCK_STALE_MS - 5_000);
  await utimes(lockPath, then, then);
}

describe('the lock of an embedded database folder', () => {
  let dir: string;
  let databaseDir: string;
  let lockPath: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'regiokit-lock-'));
    databaseDir = join(dir, 'pglite');
    lockPath = `${databaseDir}.lock`;
    await mkdir(databaseDir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second opener while the holder lives, and takes the lock over once a crashed holder left it stale', async () => {
    const holder = await startHolder(lockPath, databaseDir);
    const refusal = {
      code: 'DATA_DIR_LOCKED',
      message: expect.stringMatching(
        /^the embedded database in .*pglite is in use by another process \(its lock .*pglite\.lock was refreshed .*\); .*Set DATABASE_URL/,
      ),
    };
    await expect(lockDataDir(lockPath, databaseDir)).rejects.toMatchObject(refusal);

    // a crash: no exit handler runs, the lock stays behind
    await kill(holder, 'SIGKILL');
    expect(await readdir(dir)).toContain('pglite.lock');
    await expect(lockDataDir(lockPath, databaseDir)).rejects.toMatchObject(refusal);

    await ageBeyondStale(lockPath);
    const lock = await lockDataDir(lockPath, databaseDir);
    await lock.release();
    expect(await readdir(dir)).toEqual(['pglite']);
  });

  it('lets a restarted process with the same PID take a stale lock (PID 1 in a container)', async () => {
    // The lock names no process: what this process left behind before a crash is only a stale
    // lock. The PID file of earlier versions, naming this very process, is taken over as well.
    await writeFile(lockPath, String(process.pid));
    const lock = await lockDataDir(lockPath, databaseDir);
    await expect(lockDataDir(lockPath, databaseDir)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
    await lock.release();

    await mkdir(lockPath);
    await ageBeyondStale(lockPath);
    const again = await lockDataDir(lockPath, databaseDir);
    await again.release();
    expect(await readdir(dir)).toEqual(['pglite']);
  });
});
