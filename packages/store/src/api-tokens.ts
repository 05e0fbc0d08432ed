import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Instant, Line, RegionId } from '@regiokit/core';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Actor, writeAudit } from './audit-log';
import { type Executor, queryRows } from './database';
import { toInstant, toOptionalInstant } from './instant';
import { createKeyedHasher, deriveKey } from './keyed-hash';
import { invalidInput, parseInput } from './parse-input';
import type { StoreContext } from './store-context';

/** The region scope of a token that may act on every region. */
export const ALL_REGIONS = '*';

/** A new API token: what it is for, which region it may act on, until when. */
export const ApiTokenInput = z.strictObject({
  /** What the token is for, e.g. `Website KielRegion`. */
  name: Line.max(100),
  /** One region id, or `*` for every region. */
  regionId: z
    .string({ error: 'expected a region id or "*" for all regions' })
    .refine((value) => value === ALL_REGIONS || RegionId.safeParse(value).success, {
      error: (i) => `expected a region id or "*" for all regions, got ${JSON.stringify(i.input)}`,
    }),
  /** When the token stops working; it never expires without. Must lie in the future. */
  expiresAt: Instant.optional(),
  /** Who creates it (audited). */
  actor: Actor,
});
export type ApiTokenInput = z.input<typeof ApiTokenInput>;

/** An API token as stored: never its secret, which only its creator ever sees. */
export interface ApiToken {
  /** 16 hex digits; part of the token itself and of the audit log's target `api-token:<id>`. */
  readonly id: string;
  readonly name: string;
  /** The region it may act on, or `*` for every region. */
  readonly regionId: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

/** Whether a token can be used now. */
export type ApiTokenState = 'active' | 'expired' | 'revoked';

/** The state of `token` at `now`. */
export function apiTokenState(token: ApiToken, now: Date): ApiTokenState {
  if (token.revokedAt !== undefined) return 'revoked';
  if (token.expiresAt !== undefined && Date.parse(token.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** Whether `token` may act on `regionId`. */
export function apiTokenCoversRegion(token: ApiToken, regionId: string): boolean {
  return token.regionId === ALL_REGIONS || token.regionId === regionId;
}

/** Filter of {@link ApiTokenRepository.list}. */
export interface ApiTokenQuery {
  /** Tokens for this region and those for every region. */
  readonly regionId?: string;
}

/**
 * API tokens (for the JSON API and other tooling), each scoped to one region or to all. Tokens
 * look like `rk_<16 hex id>_<43 characters>`; the store keeps an HMAC-SHA256 of the secret part
 * keyed with a key derived from the store secret, so a copy of the database cannot be used to
 * check guesses, and changing the secret invalidates every token.
 */
export interface ApiTokenRepository {
  /** Creates a token; `token` is returned this once and stored nowhere. Audited. */
  create(input: ApiTokenInput): Promise<{ token: string; record: ApiToken }>;
  /**
   * The token's record if `token` is a token of this store that is neither revoked nor expired,
   * else null. The secret is compared in constant time, also for unknown ids, so the answer
   * time does not tell which ids exist. Notes the use (`lastUsedAt`, at most once a minute).
   */
  verify(token: string): Promise<ApiToken | null>;
  get(id: string): Promise<ApiToken | undefined>;
  /** Every token, revoked and expired ones too, oldest first. Never a secret. */
  list(query?: ApiTokenQuery): Promise<ApiToken[]>;
  /**
   * Revokes a token for good; undefined for an unknown id. Revoking a revoked token changes
   * nothing. Audited.
   */
  revoke(id: string, actor: string): Promise<ApiToken | undefined>;
}

const TOKEN = /^rk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const ID = /^[0-9a-f]{16}$/;
const LAST_USED_PRECISION = sql`interval '1 minute'`;

interface ApiTokenRow {
  id: string;
  name: string;
  region_id: string;
  secret_hash?: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

const COLUMNS = sql`id, name, region_id, created_by, created_at, last_used_at, expires_at, revoked_at`;

function toApiToken(row: ApiTokenRow): ApiToken {
  const lastUsedAt = toOptionalInstant(row.last_used_at);
  const expiresAt = toOptionalInstant(row.expires_at);
  const revokedAt = toOptionalInstant(row.revoked_at);
  return {
    id: row.id,
    name: row.name,
    regionId: row.region_id,
    createdBy: row.created_by,
    createdAt: toInstant(row.created_at),
    ...(lastUsedAt === undefined ? {} : { lastUsedAt }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(revokedAt === undefined ? {} : { revokedAt }),
  };
}

async function selectTokens(tx: Executor, where: SQL): Promise<ApiToken[]> {
  const rows = await queryRows<ApiTokenRow>(
    tx,
    sql`select ${COLUMNS} from api_tokens where ${where} order by created_at, id`,
  );
  return rows.map(toApiToken);
}

/** Builds the {@link ApiTokenRepository}. */
export function createApiTokenRepository(ctx: StoreContext): ApiTokenRepository {
  const { database } = ctx;
  const { db } = database;
  const hashSecret = createKeyedHasher(deriveKey(ctx.secret, 'api-token'));
  // Compared against when the id is unknown, so that case costs the same as a wrong secret.
  const decoy = Buffer.from(hashSecret(randomBytes(32).toString('base64url')), 'hex');
  const target = (id: string) => `api-token:${id}`;
  return {
    create: (input) =>
      database.transaction(async (tx) => {
        const t = parseInput(ApiTokenInput, input, 'API token');
        if (t.expiresAt !== undefined && Date.parse(t.expiresAt) <= ctx.clock().getTime()) {
          throw invalidInput('API token', [
            { path: 'expiresAt', message: `expected a moment in the future, got ${t.expiresAt}` },
          ]);
        }
        const id = randomBytes(8).toString('hex');
        const secret = randomBytes(32).toString('base64url');
        const [row] = await queryRows<ApiTokenRow>(
          tx,
          sql`insert into api_tokens (id, name, region_id, secret_hash, created_by, expires_at)
              values (${id}, ${t.name}, ${t.regionId}, ${hashSecret(secret)}, ${t.actor}, ${t.expiresAt ?? null})
              returning ${COLUMNS}`,
        );
        const record = toApiToken(row!);
        await writeAudit(tx, {
          actor: t.actor,
          action: 'api-token.created',
          ...(t.regionId === ALL_REGIONS ? {} : { regionId: t.regionId }),
          target: target(id),
          details: {
            name: t.name,
            regionId: t.regionId,
            ...(record.expiresAt === undefined ? {} : { expiresAt: record.expiresAt }),
          },
        });
        return { token: `rk_${id}_${secret}`, record };
      }),

    async verify(token) {
      const match = typeof token === 'string' ? TOKEN.exec(token) : null;
      const [row] =
        match === null
          ? []
          : await queryRows<ApiTokenRow>(
              db,
              sql`select ${COLUMNS}, secret_hash from api_tokens where id = ${match[1]!}`,
            );
      const stored = row?.secret_hash === undefined ? decoy : Buffer.from(row.secret_hash, 'hex');
      const given = Buffer.from(hashSecret(match?.[2] ?? ''), 'hex');
      const equal = stored.length === given.length && timingSafeEqual(stored, given);
      if (!equal || row === undefined) return null;
      const record = toApiToken(row);
      if (apiTokenState(record, ctx.clock()) !== 'active') return null;
      const [used] = await queryRows<{ last_used_at: string }>(
        db,
        sql`update api_tokens set last_used_at = now()
            where id = ${record.id} and (last_used_at is null or last_used_at < now() - ${LAST_USED_PRECISION})
            returning last_used_at`,
      );
      return used === undefined ? record : { ...record, lastUsedAt: toInstant(used.last_used_at) };
    },

    async get(id) {
      if (!ID.test(id)) return undefined;
      const [token] = await selectTokens(db, sql`id = ${id}`);
      return token;
    },

    list(query = {}) {
      return selectTokens(
        db,
        query.regionId === undefined ? sql`true` : sql`region_id in (${query.regionId}, ${ALL_REGIONS})`,
      );
    },

    revoke: (id, actor) =>
      database.transaction(async (tx) => {
        parseInput(Actor, actor, 'API token revocation', 'actor');
        if (!ID.test(id)) return undefined;
        await tx.execute(sql`select 1 from api_tokens where id = ${id} for update`);
        const [current] = await selectTokens(tx, sql`id = ${id}`);
        if (current === undefined || current.revokedAt !== undefined) return current;
        const [row] = await queryRows<ApiTokenRow>(
          tx,
          sql`update api_tokens set revoked_at = now() where id = ${id} returning ${COLUMNS}`,
        );
        await writeAudit(tx, {
          actor,
          action: 'api-token.revoked',
          ...(current.regionId === ALL_REGIONS ? {} : { regionId: current.regionId }),
          target: target(id),
          details: { name: current.name, regionId: current.regionId },
        });
        return toApiToken(row!);
      }),
  };
}
