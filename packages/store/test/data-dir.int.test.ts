import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/index';
import { TEST_SECRET } from './backends';

describe('the embedded database folder', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'regiokit-data-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is created on first use and serves one store at a time', async () => {
    const store = await openStore({ dataDir, secret: TEST_SECRET });
    expect(store.backend).toBe('pglite');
    expect((await readdir(dataDir)).sort()).toEqual(['pglite', 'pglite.lock']);
    await expect(openStore({ dataDir, secret: TEST_SECRET })).rejects.toMatchObject({
      code: 'DATA_DIR_LOCKED',
      message: expect.stringMatching(/in use by another process .*Set DATABASE_URL/),
    });
    await store.close();
    expect(await readdir(dataDir)).toEqual(['pglite']);
    const again = await openStore({ dataDir, secret: TEST_SECRET });
    await again.close();
  });

  it('rejects options that cannot work, naming the option', async () => {
    await expect(openStore({ secret: 'short' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        /secret: expected a secret of at least 32 characters, got 5[\s\S]*dataDir: expected a data folder/,
      ),
    });
    await expect(openStore({ databaseUrl: 'mysql://x', secret: TEST_SECRET })).rejects.toThrow(
      /databaseUrl: expected a postgres:\/\//,
    );
  });
});
