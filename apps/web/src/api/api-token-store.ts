import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { RegionId } from '@regiokit/core';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { UNSAFE_TEXT } from '../http/form-body';

/** A staff tooling token as stored: never the token itself, only its hash. */
export interface ApiToken {
  readonly id: string;
  readonly label: string;
  /** The regions the token may read and change. */
  readonly regionIds: readonly string[];
  readonly createdAt: string;
}

/** Input of {@link ApiTokenStore.create}. */
export const ApiTokenInput = z.strictObject({
  label: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((s) => !UNSAFE_TEXT.test(s), { error: 'expected one line of text without < > { }' }),
  regionIds: z.array(RegionId).min(1, { error: 'expected at least one region' }).max(100),
});
export type ApiTokenInput = z.input<typeof ApiTokenInput>;

/** API tokens, hashed, scoped per region. */
export interface ApiTokenStore {
  /** Creates a token; the returned `token` is shown once and not stored. */
  create(input: ApiTokenInput): Promise<{ token: string; record: ApiToken }>;
  /** The token's record when `token` is a valid, unrevoked token (compared in constant time). */
  authenticate(token: string): Promise<ApiToken | undefined>;
  list(): Promise<ApiToken[]>;
  revoke(id: string): Promise<boolean>;
}

const TOKEN = /^rk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const DUMMY_HASH = Buffer.alloc(32);

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/**
 * Keeps API tokens in Redis (`<prefix>:web:api-token:<id>`): the SHA-256 of the token's random
 * part, its label and regions. Tokens look like `rk_<16 hex id>_<43 characters>`.
 */
export function createRedisApiTokenStore(redis: Redis, prefix: string): ApiTokenStore {
  const key = (id: string) => `${prefix}:web:api-token:${id}`;
  const index = `${prefix}:web:api-tokens`;
  const toRecord = (id: string, fields: Record<string, string>): ApiToken | undefined =>
    fields.hash === undefined
      ? undefined
      : {
          id,
          label: fields.label ?? '',
          regionIds: JSON.parse(fields.regions ?? '[]') as string[],
          createdAt: fields.createdAt ?? '',
        };
  return {
    async create(input) {
      const parsed = ApiTokenInput.parse(input);
      const id = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      const record: ApiToken = {
        id,
        label: parsed.label,
        regionIds: [...new Set(parsed.regionIds)],
        createdAt: new Date().toISOString(),
      };
      await redis
        .multi()
        .hset(key(id), {
          hash: hashSecret(secret).toString('hex'),
          label: record.label,
          regions: JSON.stringify(record.regionIds),
          createdAt: record.createdAt,
        })
        .sadd(index, id)
        .exec();
      return { token: `rk_${id}_${secret}`, record };
    },
    async authenticate(token) {
      const match = TOKEN.exec(token);
      const fields = match === null ? {} : await redis.hgetall(key(match[1]!));
      const stored = fields.hash === undefined ? DUMMY_HASH : Buffer.from(fields.hash, 'hex');
      const given = hashSecret(match?.[2] ?? '');
      // compare even for unknown ids, so the answer time does not tell which ids exist
      const equal = stored.length === given.length && timingSafeEqual(stored, given);
      return equal && match !== null ? toRecord(match[1]!, fields) : undefined;
    },
    async list() {
      const ids = (await redis.smembers(index)).sort();
      const records = await Promise.all(ids.map(async (id) => toRecord(id, await redis.hgetall(key(id)))));
      return records.filter((r): r is ApiToken => r !== undefined);
    },
    async revoke(id) {
      if (!/^[0-9a-f]{16}$/.test(id)) return false;
      const [[, removed] = []] = (await redis.multi().del(key(id)).srem(index, id).exec()) ?? [];
      return removed === 1;
    },
  };
}
