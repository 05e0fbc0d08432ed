import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** Runs the worker's entry point from source with `env` (no PATH lookups beyond node itself). */
function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--conditions=@regiokit/source', '--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('the worker process', () => {
  it('refuses a bad setting with exit code 2 and names the variable', () => {
    const result = runMain({ SEND_RATE: 'schnell', REGIOKIT_SECRET: 'x'.repeat(32) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('SEND_RATE');
  });
});
