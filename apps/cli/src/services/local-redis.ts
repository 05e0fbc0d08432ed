import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';

/** A Redis to use: its URL, and how to stop it when this process started it. */
export interface LocalRedis {
  readonly url: string;
  /** True when `redis-server` was started here (on a free port, with a temporary folder). */
  readonly started: boolean;
  stop(): Promise<void>;
}

/** Whether a Redis answers PING at `url` within about a second. */
export async function isRedisListening(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** The path of an executable `name` on `PATH`, or undefined. */
export function findOnPath(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * Redis for a development command: `defaultUrl` when something answers there, else a
 * `redis-server` from `PATH` started on a free port of 127.0.0.1 with a temporary folder (no
 * persistence, `noeviction`), stopped and removed by `stop()`. Undefined when neither exists.
 */
export async function findOrStartRedis(
  defaultUrl: string,
  path: string | undefined,
): Promise<LocalRedis | undefined> {
  if (await isRedisListening(defaultUrl))
    return { url: defaultUrl, started: false, stop: async () => undefined };
  const executable = findOnPath('redis-server', path);
  if (executable === undefined) return undefined;
  const port = await findFreePort();
  const dir = await mkdtemp(join(tmpdir(), 'regiokit-redis-'));
  const child = spawn(
    executable,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    if (await isRedisListening(url)) return { url, started: true, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  return undefined;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
