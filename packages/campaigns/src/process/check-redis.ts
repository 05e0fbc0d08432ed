import type { Redis } from 'ioredis';

/**
 * BullMQ needs `maxmemory-policy noeviction`: with any other policy Redis may drop queue keys under
 * memory pressure. Returns a warning text, or undefined when the policy is right or unreadable.
 */
export async function checkEvictionPolicy(redis: Redis): Promise<string | undefined> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy && policy !== 'noeviction') {
      return `Redis maxmemory-policy is "${policy}"; set it to "noeviction" (redis.conf or CONFIG SET), otherwise queued jobs can be evicted`;
    }
  } catch {
    // managed Redis services often forbid CONFIG; nothing to check then
  }
  return undefined;
}
