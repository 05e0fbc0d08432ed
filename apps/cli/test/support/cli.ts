import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built binary under test. */
export const CLI_MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');

/** What one run of the binary printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A sandbox for one suite: its own data folder, queue prefix and environment. */
export interface CliSandbox {
  readonly dataDir: string;
  readonly env: Record<string, string>;
  run(args: readonly string[], options?: { env?: Record<string, string>; cwd?: string }): Promise<CliRun>;
  /** `run` with `--json`, parsed. */
  json<T = unknown>(
    args: readonly string[],
    options?: { env?: Record<string, string> },
  ): Promise<{ code: number | null; body: T }>;
  cleanup(): Promise<void>;
}

/** Runs `node dist/main.js …` with exactly the environment given (plus PATH and HOME). */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      cwd: options.cwd ?? tmpdir(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 110_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Creates a {@link CliSandbox}; `env` adds to or overrides its defaults (e.g. DATABASE_URL). */
export async function createSandbox(env: Record<string, string> = {}): Promise<CliSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), 'regiokit-cli-'));
  const sandboxEnv: Record<string, string> = {
    LANG: 'C.UTF-8',
    REGIOKIT_DATA_DIR: dataDir,
    QUEUE_PREFIX: `rk-cli-test-${randomBytes(4).toString('hex')}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    ...env,
  };
  return {
    dataDir,
    env: sandboxEnv,
    run: (args, options = {}) =>
      runCli(args, { ...sandboxEnv, ...options.env }, { cwd: options.cwd ?? dataDir }),
    async json(args, options = {}) {
      const result = await runCli([...args, '--json'], { ...sandboxEnv, ...options.env }, { cwd: dataDir });
      try {
        return { code: result.code, body: JSON.parse(result.stdout) };
      } catch (error) {
        throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`, {
          cause: error,
        });
      }
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}
