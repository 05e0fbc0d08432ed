import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { SharedRateLimiter } from '../src/sending/shared-rate-limiter';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const connections: Redis[] = [];
const connect = () => {
  const redis = new Redis(REDIS_URL);
  connections.push(redis);
  return redis;
};
const keys: string[] = [];
const newKey = () => {
  const key = `regiokit-test:rate:${randomUUID()}`;
  keys.push(key);
  return key;
};

afterAll(async () => {
  if (keys.length > 0) await connections[0]?.del(...keys);
  await Promise.all(connections.map((c) => c.quit()));
});

async function drain(limiter: SharedRateLimiter, until: number): Promise<number> {
  let taken = 0;
  while (Date.now() < until) {
    await limiter.take();
    if (Date.now() <= until) taken++;
  }
  return taken;
}

describe('SharedRateLimiter', () => {
  it('holds two limiters on separate connections to one shared rate', async () => {
    const key = newKey();
    const rate = 40;
    const a = new SharedRateLimiter(connect(), { key, ratePerSecond: rate });
    const b = new SharedRateLimiter(connect(), { key, ratePerSecond: rate });
    const start = Date.now();
    const until = start + 1_500;
    const [takenA, takenB] = await Promise.all([drain(a, until), drain(b, until)]);
    const seconds = (Date.now() - start) / 1000;
    // bucket start (burst 4) + tokens a process fetched but had not used yet (lot 2 each)
    expect(takenA + takenB).toBeLessThanOrEqual(Math.ceil(rate * seconds) + 4 + 4);
    // one limiter alone would have taken the whole rate; both got a share
    expect(takenA).toBeGreaterThan(5);
    expect(takenB).toBeGreaterThan(5);
  });

  it('halves the shared rate on back-pressure, for every process', async () => {
    const key = newKey();
    const a = new SharedRateLimiter(connect(), { key, ratePerSecond: 100, recoverMs: 600_000 });
    const b = new SharedRateLimiter(connect(), { key, ratePerSecond: 100, recoverMs: 600_000 });
    await a.take();
    await a.throttle();
    expect(a.factor).toBeCloseTo(0.5, 1);
    await b.throttle();
    expect(b.factor).toBeCloseTo(0.25, 1);
    await a.take();
    expect(a.factor).toBeCloseTo(0.25, 1);
  });

  it('lets priority mail through at once and makes bulk mail wait for it', async () => {
    const key = newKey();
    const limiter = new SharedRateLimiter(connect(), { key, ratePerSecond: 20 });
    for (let i = 0; i < 10; i++) await limiter.takePriority();
    const start = Date.now();
    await limiter.take();
    // 10 borrowed tokens at 20/s: the next bulk token is at least ~0.3 s away (bucket started with 2)
    expect(Date.now() - start).toBeGreaterThanOrEqual(250);
  });
});
