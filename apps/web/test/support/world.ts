import { randomBytes, randomUUID } from 'node:crypto';
import type { RegionBundle } from '@regiokit/core/examples';
import { KIELREGION } from '@regiokit/core/examples';
import { openStore, type Store } from '@regiokit/store';
import type { Hono } from 'hono';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { createApp } from '../../src/app';
import type { RateLimits, ServiceMailRequest, WorkerProducer } from '../../src/app-deps';
import { createRedisRateLimiter } from '../../src/security/rate-limiter';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_SECRET = 'web-test-secret-0123456789abcdef-0123456789';
export const PUBLIC_URL = 'http://localhost:3999';

/** Which database a world runs on. */
export type Backend = 'pglite' | 'postgres';

/** A settable clock shared by the app (embargoes) and the store (token expiry). */
export interface TestClock {
  now: Date;
}

/** One test's world: a store with a seeded region, Redis under a unique prefix, and the app. */
export interface World {
  readonly store: Store;
  readonly app: Hono;
  readonly redis: Redis;
  readonly prefix: string;
  readonly clock: TestClock;
  readonly producer: WorkerProducer;
  /** Service mails the app queued, in order (when the world records them). */
  readonly serviceMails: ServiceMailRequest[];
  cleanup(): Promise<void>;
}

/** Options of {@link createWorld}. */
export interface WorldOptions {
  backend?: Backend;
  region?: RegionBundle;
  rateLimits?: Partial<RateLimits>;
  /** A real producer; without one the world records service mails (for tests of the web layer alone). */
  producer?: (redis: Redis, prefix: string, store: Store) => WorkerProducer;
  publicUrl?: string;
  now?: Date;
  /** Proxies in front (tests set client IPs through X-Forwarded-For). */
  trustProxy?: number;
}

/** Creates a fresh database and Redis prefix, seeds a reference region and builds the app. */
export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const clock: TestClock = { now: options.now ?? new Date() };
  const database = await createDatabase(options.backend ?? 'pglite');
  const store = await openStore({ ...database.options, secret: TEST_SECRET, clock: () => clock.now });
  await seedRegion(store, options.region ?? KIELREGION);
  const prefix = `rk-web-test-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const serviceMails: ServiceMailRequest[] = [];
  const producer = options.producer?.(redis, prefix, store) ?? recordingProducer(serviceMails);
  const app = createApp({
    store,
    producer,
    rateLimiter: createRedisRateLimiter(redis, prefix),
    secret: TEST_SECRET,
    publicUrl: options.publicUrl ?? PUBLIC_URL,
    now: () => clock.now,
    trustProxy: options.trustProxy ?? 0,
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
  });
  return {
    store,
    app,
    redis,
    prefix,
    clock,
    producer,
    serviceMails,
    async cleanup() {
      await (producer as { close?: () => Promise<void> }).close?.();
      await store.close();
      await database.drop();
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}

/** An API token of the store for one region (or `*`), as a client sends it. */
export async function createToken(world: World, name: string, regionId: string): Promise<string> {
  return (await world.store.apiTokens.create({ name, regionId, actor: 'staff:test' })).token;
}

/**
 * Puts a region bundle's region, topics, lists, newsletter issues (drafts) and press releases
 * (published, as staff would have published them) into the store.
 */
export async function seedRegion(store: Store, bundle: RegionBundle): Promise<void> {
  await store.records.put('region', bundle.region);
  for (const topic of bundle.topics) await store.topics.put(topic);
  for (const list of bundle.lists) await store.lists.put(list);
  for (const issue of bundle.newsletterIssues) await store.records.put('newsletter-issue', issue);
  for (const release of bundle.pressReleases) {
    await store.records.put('press-release', { publication: 'published', ...release });
  }
}

function recordingProducer(serviceMails: ServiceMailRequest[]): WorkerProducer {
  const missing = async () => {
    throw new Error('this test world has no worker producer');
  };
  return {
    async sendServiceMail(job) {
      serviceMails.push(job);
      return { jobId: String(serviceMails.length) };
    },
    scheduleCampaign: missing,
    rescheduleCampaign: missing,
    pauseCampaign: missing,
    resumeCampaign: missing,
    cancelCampaign: missing,
    sendTest: missing,
  };
}

async function createDatabase(backend: Backend) {
  if (backend === 'pglite') {
    return { options: { dataDir: 'memory://' }, drop: async () => {} };
  }
  const name = `regiokit_web_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString() },
    drop: async () => {
      const a = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}
