import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** A limit: at most `limit` hits per `windowSeconds` for one key. */
export interface RateRule {
  /** Names the limit in the Redis key, e.g. `sign-up-ip`. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/** Outcome of one hit. */
export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the window ends (for `Retry-After`). */
  readonly retryAfterSeconds: number;
}

/** Counts hits per key and rule; shared by every web process. */
export interface RateLimiter {
  hit(rule: RateRule, key: string): Promise<RateDecision>;
  /** Whether the limiter's backend answers (health endpoint). */
  ping(): Promise<boolean>;
}

/** One hit of a fixed window, INCR and expiry in one step (see the script). Read once per process. */
const HIT_SCRIPT = readFileSync(new URL('./rate-hit.lua', import.meta.url), 'utf8');

interface RedisWithHit extends Redis {
  regiokitRateHit(key: string, windowMs: string): Promise<[number, number]>;
}

/**
 * A fixed-window limiter in Redis: one counter per (rule, key, window). Keys are hashed, so IP
 * addresses and e-mail addresses do not appear in Redis.
 */
export function createRedisRateLimiter(redis: Redis, prefix: string): RateLimiter {
  if (!('regiokitRateHit' in redis)) {
    redis.defineCommand('regiokitRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  }
  const client = redis as RedisWithHit;
  return {
    async hit(rule, key) {
      const digest = createHash('sha256').update(key).digest('base64url').slice(0, 22);
      const [count, ttl] = await client.regiokitRateHit(
        `${prefix}:web:rate:${rule.name}:${digest}`,
        String(rule.windowSeconds * 1000),
      );
      return { allowed: count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
    },
    async ping() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
  };
}
