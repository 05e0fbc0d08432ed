import { createHash } from 'node:crypto';
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

// INCR and set the expiry in one step, so a crash between them cannot leave a key without expiry
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

/**
 * A fixed-window limiter in Redis: one counter per (rule, key, window). Keys are hashed, so IP
 * addresses and e-mail addresses do not appear in Redis.
 */
export function createRedisRateLimiter(redis: Redis, prefix: string): RateLimiter {
  return {
    async hit(rule, key) {
      const digest = createHash('sha256').update(key).digest('base64url').slice(0, 22);
      const result = (await redis.eval(
        HIT_SCRIPT,
        1,
        `${prefix}:web:rate:${rule.name}:${digest}`,
        String(rule.windowSeconds * 1000),
      )) as [number, number];
      const [count, ttl] = result;
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
