import { randomUUID } from 'node:crypto';
import type { CampaignStatus } from '@regiokit/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { preparedRows } from './database';
import { toInstant, toOptionalInstant } from './instant';
import { invalidInput, parseInput } from './parse-input';
import { LEDGER_STATES } from './schema/index';
import type { StoreContext } from './store-context';
import { StoreError } from './store-error';

/** State of one recipient of one campaign in the send ledger. */
export const LedgerState = z.enum(LEDGER_STATES);
export type LedgerState = z.infer<typeof LedgerState>;

/** Options of {@link SendLedger.claim}. */
export const ClaimOptions = z.object({
  /**
   * How long the claim holds (default 10 minutes). A row still `claimed` after this (its worker
   * died) may be claimed again; keep it well above the time a batch takes to send.
   */
  leaseMs: z
    .int()
    .min(1)
    .max(24 * 60 * 60 * 1000)
    .default(10 * 60 * 1000),
  /** Who claims, for diagnosis (e.g. `worker@host:pid`). */
  owner: z.string().max(200).optional(),
});
export type ClaimOptions = z.input<typeof ClaimOptions>;

/** The recipients one `claim` call obtained. Pass it to `settle`. */
export interface Claim {
  readonly regionId: string;
  readonly campaignId: string;
  /** Fencing token: only this claim may settle its rows. */
  readonly token: string;
  /** Ids claimed now: never claimed before, or reclaimable (failed temporarily, or a lapsed claim). */
  readonly subscriberIds: string[];
  /** The campaign's status; nothing is claimed unless it is `sending`. */
  readonly campaignStatus: CampaignStatus;
}

/** What happened to one claimed recipient. */
export const Outcome = z.object({
  subscriberId: z.uuid(),
  state: LedgerState.exclude(['claimed']),
  /** The `Message-ID` header sent. */
  messageId: z.string().max(998).optional(),
  /** The SMTP server's reply (cut to 2,000 characters). */
  smtpReply: z.string().optional(),
  /** Our own error text, e.g. a connection error (cut to 2,000 characters). */
  error: z.string().optional(),
  /** For `failed-temporary`: not to be claimed again before this instant (backoff). */
  retryAt: z.union([z.iso.datetime({ offset: true }), z.date()]).optional(),
});
export type Outcome = z.input<typeof Outcome>;

/** Result of {@link SendLedger.settle}. */
export interface SettleResult {
  readonly settled: number;
  /** Ids whose claim was lost (its lease lapsed and another worker claimed them): not recorded. */
  readonly lost: string[];
}

/** Counts per ledger state for a campaign. */
export interface LedgerProgress {
  readonly total: number;
  readonly claimed: number;
  readonly sent: number;
  readonly failedTemporary: number;
  readonly failedPermanent: number;
  readonly skipped: number;
  /** Claimed rows whose lease lapsed (a worker died): reclaimable. */
  readonly stalled: number;
}

/** Settled outcomes in one minute (UTC, by the time of the latest settlement). */
export interface MinuteProgress {
  /** Start of the minute, `2026-11-24T08:00:00.000Z`. */
  readonly minute: string;
  readonly sent: number;
  readonly failedTemporary: number;
  readonly failedPermanent: number;
  readonly skipped: number;
}

/** One ledger row. */
export interface LedgerEntry {
  readonly subscriberId: string;
  readonly state: LedgerState;
  readonly attempts: number;
  readonly claimedBy?: string;
  readonly claimedAt: string;
  readonly reclaimableAt?: string;
  readonly settledAt?: string;
  readonly messageId?: string;
  readonly smtpReply?: string;
  readonly error?: string;
}

/**
 * The send ledger: one row per (campaign, subscriber). A worker claims a batch before the SMTP
 * calls and settles it after them. This is what keeps a subscriber from getting a mail twice
 * when jobs run again after a crash (at-least-once queues).
 */
export interface SendLedger {
  /**
   * Claims recipients in ONE statement and returns only the ids no one holds: new ones, ones
   * that failed temporarily (after their `retryAt`), and ones whose claim lapsed (a dead worker's
   * lease). A row that is sent, failed permanently or skipped is never claimed again. Claims
   * nothing unless the campaign is `sending`.
   */
  claim(
    regionId: string,
    campaignId: string,
    subscriberIds: readonly string[],
    options?: ClaimOptions,
  ): Promise<Claim>;
  /** Records outcomes of a claim, one statement per 1,000. Validates all of them before writing any. */
  settle(
    claim: Pick<Claim, 'regionId' | 'campaignId' | 'token'>,
    outcomes: readonly Outcome[],
  ): Promise<SettleResult>;
  /** Counts per state. */
  progress(regionId: string, campaignId: string): Promise<LedgerProgress>;
  /** Settled outcomes per minute, oldest first. */
  progressPerMinute(
    regionId: string,
    campaignId: string,
    options?: { since?: Date },
  ): Promise<MinuteProgress[]>;
  /** Ids that may be claimed again now (failed temporarily, or a lapsed claim), for a sweeper job. */
  listReclaimable(regionId: string, campaignId: string, limit?: number): Promise<string[]>;
  /**
   * Of `subscriberIds`, the rows that are not done: claimed (by anyone, lease running or lapsed)
   * or failed temporarily, with the instant each may be claimed again. One index lookup per id.
   */
  outstanding(
    regionId: string,
    campaignId: string,
    subscriberIds: readonly string[],
  ): Promise<{ subscriberId: string; state: 'claimed' | 'failed-temporary'; reclaimableAt: string }[]>;
  /** Rows of a campaign by subscriber id (who received it), optionally of one state; `after` pages. */
  listEntries(
    regionId: string,
    campaignId: string,
    query?: { state?: LedgerState; after?: string; limit?: number },
  ): Promise<LedgerEntry[]>;
}

const SETTLE_BATCH = 1000;
const TEXT_LIMIT = 2000;

interface EntryRow {
  subscriber_id: string;
  state: LedgerState;
  attempts: number;
  claimed_by: string | null;
  claimed_at: string;
  reclaimable_at: string | null;
  settled_at: string | null;
  message_id: string | null;
  smtp_reply: string | null;
  error: string | null;
}

/** Builds the {@link SendLedger}. */
export function createSendLedger(ctx: StoreContext): SendLedger {
  const { db } = ctx.database;
  return {
    async claim(regionId, campaignId, subscriberIds, options = {}) {
      const { leaseMs, owner } = parseInput(ClaimOptions, options, 'claim options');
      const ids = parseInput(z.array(z.uuid()), subscriberIds, 'claim', 'subscriberIds');
      const token = randomUUID();
      const [row] = await preparedRows<{ status: CampaignStatus | null; ids: string[] }>(
        db,
        // ON CONFLICT resolves each id through the primary key, whatever the table statistics say, and
        // its WHERE is re-checked on the latest row version: a concurrent claimer waits, then skips.
        sql`with campaign as (
              select status from campaigns where region_id = ${regionId} and id = ${campaignId}
            ),
            claimed as (
              insert into send_ledger as l (region_id, campaign_id, subscriber_id, state, attempts, claim_token,
                claimed_by, claimed_at, reclaimable_at)
              select distinct ${regionId}, ${campaignId}, value::uuid, 'claimed', 1, ${token}::uuid, ${owner ?? null},
                now(), now() + ${leaseMs} * interval '1 millisecond'
              from json_array_elements_text(${JSON.stringify(ids)}::json)
              where exists (select 1 from campaign where status = 'sending')
              on conflict (region_id, campaign_id, subscriber_id) do update set state = 'claimed',
                attempts = l.attempts + 1, claim_token = excluded.claim_token, claimed_by = excluded.claimed_by,
                claimed_at = excluded.claimed_at, reclaimable_at = excluded.reclaimable_at, settled_at = null
              where l.state in ('claimed', 'failed-temporary') and l.reclaimable_at <= now()
              returning l.subscriber_id
            )
            select (select status from campaign) as status,
              coalesce((select json_agg(subscriber_id) from claimed), '[]'::json) as ids`,
      );
      if (row?.status === null || row?.status === undefined) {
        throw new StoreError('NOT_FOUND', `no campaign "${campaignId}" in region "${regionId}"`);
      }
      return { regionId, campaignId, token, subscriberIds: row.ids, campaignStatus: row.status };
    },

    async settle(claim, input) {
      const outcomes = parseInput(z.array(Outcome), input, 'outcomes', 'outcomes');
      const seen = new Set<string>();
      const duplicates = outcomes.flatMap((o, i) => {
        const duplicate = seen.has(o.subscriberId);
        seen.add(o.subscriberId);
        return duplicate
          ? [{ path: `outcomes[${i}].subscriberId`, message: `duplicate ${o.subscriberId}` }]
          : [];
      });
      const misplacedRetry = outcomes.flatMap((o, i) =>
        o.retryAt !== undefined && o.state !== 'failed-temporary'
          ? [
              {
                path: `outcomes[${i}].retryAt`,
                message: `expected retryAt only with failed-temporary, got ${o.state}`,
              },
            ]
          : [],
      );
      if (duplicates.length + misplacedRetry.length > 0)
        throw invalidInput('outcomes', [...duplicates, ...misplacedRetry]);
      let settled = 0;
      const lost: string[] = [];
      for (let start = 0; start < outcomes.length; start += SETTLE_BATCH) {
        const batch = outcomes.slice(start, start + SETTLE_BATCH);
        const rows = await preparedRows<{ subscriber_id: string }>(
          db,
          // An upsert, like claim, so each row is found through the primary key; the EXISTS (kept a
          // per-row subplan by OFFSET 0) makes sure it never inserts a row nobody claimed. An
          // UPDATE … FROM the same recordset measured at half the speed in the store bench.
          sql`insert into send_ledger as l (region_id, campaign_id, subscriber_id, state, claimed_at, settled_at,
                reclaimable_at, message_id, smtp_reply, error)
              select ${claim.regionId}, ${claim.campaignId}, o.subscriber_id, o.state, now(), now(),
                case when o.state = 'failed-temporary' then coalesce(o.retry_at, now()) end,
                o.message_id, o.smtp_reply, o.error
              from json_to_recordset(${JSON.stringify(
                batch.map((o) => ({
                  subscriber_id: o.subscriberId,
                  state: o.state,
                  message_id: o.messageId ?? null,
                  smtp_reply: o.smtpReply?.slice(0, TEXT_LIMIT) ?? null,
                  error: o.error?.slice(0, TEXT_LIMIT) ?? null,
                  retry_at: o.retryAt === undefined ? null : new Date(o.retryAt).toISOString(),
                })),
              )}::json) as o(subscriber_id uuid, state text, message_id text, smtp_reply text, error text, retry_at timestamptz)
              where exists (select 1 from send_ledger x where x.region_id = ${claim.regionId}
                and x.campaign_id = ${claim.campaignId} and x.subscriber_id = o.subscriber_id offset 0)
              on conflict (region_id, campaign_id, subscriber_id) do update set state = excluded.state,
                settled_at = excluded.settled_at, reclaimable_at = excluded.reclaimable_at,
                message_id = coalesce(excluded.message_id, l.message_id), smtp_reply = excluded.smtp_reply,
                error = excluded.error
              where l.state = 'claimed' and l.claim_token = ${claim.token}::uuid
              returning l.subscriber_id`,
        );
        settled += rows.length;
        if (rows.length < batch.length) {
          const done = new Set(rows.map((r) => r.subscriber_id));
          for (const o of batch) if (!done.has(o.subscriberId)) lost.push(o.subscriberId);
        }
      }
      return { settled, lost };
    },

    async progress(regionId, campaignId) {
      const rows = await preparedRows<{ state: LedgerState; n: number; stalled: number }>(
        db,
        sql`select state, count(*)::int as n,
              count(*) filter (where state = 'claimed' and reclaimable_at <= now())::int as stalled
            from send_ledger where region_id = ${regionId} and campaign_id = ${campaignId} group by state`,
      );
      const n = (state: LedgerState) => rows.find((r) => r.state === state)?.n ?? 0;
      return {
        total: rows.reduce((sum, r) => sum + r.n, 0),
        claimed: n('claimed'),
        sent: n('sent'),
        failedTemporary: n('failed-temporary'),
        failedPermanent: n('failed-permanent'),
        skipped: n('skipped'),
        stalled: rows.reduce((sum, r) => sum + r.stalled, 0),
      };
    },

    async progressPerMinute(regionId, campaignId, options = {}) {
      const rows = await preparedRows<{ minute: string; state: LedgerState; n: number }>(
        db,
        sql`select date_trunc('minute', settled_at) as minute, state, count(*)::int as n
            from send_ledger
            where region_id = ${regionId} and campaign_id = ${campaignId} and settled_at is not null
              and (${options.since?.toISOString() ?? null}::timestamptz is null
                or settled_at >= ${options.since?.toISOString() ?? null}::timestamptz)
            group by 1, 2 order by 1`,
      );
      const minutes = new Map<
        string,
        { sent: number; failedTemporary: number; failedPermanent: number; skipped: number }
      >();
      for (const row of rows) {
        const minute = toInstant(row.minute);
        const counts = minutes.get(minute) ?? { sent: 0, failedTemporary: 0, failedPermanent: 0, skipped: 0 };
        if (row.state === 'sent') counts.sent += row.n;
        else if (row.state === 'failed-temporary') counts.failedTemporary += row.n;
        else if (row.state === 'failed-permanent') counts.failedPermanent += row.n;
        else if (row.state === 'skipped') counts.skipped += row.n;
        minutes.set(minute, counts);
      }
      return [...minutes].map(([minute, counts]) => ({ minute, ...counts }));
    },

    async listReclaimable(regionId, campaignId, limit = 1000) {
      const rows = await preparedRows<{ subscriber_id: string }>(
        db,
        sql`select subscriber_id from send_ledger
            where region_id = ${regionId} and campaign_id = ${campaignId}
              and state in ('claimed', 'failed-temporary') and reclaimable_at <= now()
            order by subscriber_id limit ${Math.min(Math.max(limit, 1), 10_000)}`,
      );
      return rows.map((r) => r.subscriber_id);
    },

    async outstanding(regionId, campaignId, subscriberIds) {
      const ids = parseInput(z.array(z.uuid()), subscriberIds, 'outstanding', 'subscriberIds');
      if (ids.length === 0) return [];
      const rows = await preparedRows<{
        subscriber_id: string;
        state: 'claimed' | 'failed-temporary';
        reclaimable_at: string;
      }>(
        db,
        // one primary-key probe per id (the lateral subquery, kept apart by OFFSET 0): the generic
        // plan of "subscriber_id = any(...)" read every row of the campaign on every call
        sql`select l.subscriber_id, l.state, l.reclaimable_at
            from json_array_elements_text(${JSON.stringify(ids)}::json) as v(value),
              lateral (select subscriber_id, state, reclaimable_at from send_ledger
                where region_id = ${regionId} and campaign_id = ${campaignId} and subscriber_id = v.value::uuid
                offset 0) as l
            where l.state in ('claimed', 'failed-temporary')
            order by l.subscriber_id`,
      );
      return rows.map((r) => ({
        subscriberId: r.subscriber_id,
        state: r.state,
        reclaimableAt: toInstant(r.reclaimable_at),
      }));
    },

    async listEntries(regionId, campaignId, query = {}) {
      const rows = await preparedRows<EntryRow>(
        db,
        sql`select subscriber_id, state, attempts, claimed_by, claimed_at, reclaimable_at, settled_at, message_id,
              smtp_reply, error
            from send_ledger
            where region_id = ${regionId} and campaign_id = ${campaignId}
              and (${query.state ?? null}::text is null or state = ${query.state ?? null})
              and subscriber_id > ${query.after ?? '00000000-0000-0000-0000-000000000000'}::uuid
            order by subscriber_id limit ${Math.min(Math.max(query.limit ?? 100, 1), 1000)}`,
      );
      return rows.map(toLedgerEntry);
    },
  };
}

function toLedgerEntry(row: EntryRow): LedgerEntry {
  const reclaimableAt = toOptionalInstant(row.reclaimable_at);
  const settledAt = toOptionalInstant(row.settled_at);
  return {
    subscriberId: row.subscriber_id,
    state: row.state,
    attempts: row.attempts,
    ...(row.claimed_by === null ? {} : { claimedBy: row.claimed_by }),
    claimedAt: toInstant(row.claimed_at),
    ...(reclaimableAt === undefined ? {} : { reclaimableAt }),
    ...(settledAt === undefined ? {} : { settledAt }),
    ...(row.message_id === null ? {} : { messageId: row.message_id }),
    ...(row.smtp_reply === null ? {} : { smtpReply: row.smtp_reply }),
    ...(row.error === null ? {} : { error: row.error }),
  };
}
