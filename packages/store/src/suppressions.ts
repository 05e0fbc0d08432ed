import { canTransition, RegionId, SUBSCRIBER_LIFECYCLE, type SubscriberStatus } from '@regiokit/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Actor, writeAudit } from './audit-log';
import { type Executor, queryRows } from './database';
import { NormalisedEmail } from './normalised-email';
import { parseInput } from './parse-input';
import { SUPPRESSION_REASONS } from './schema/index';
import type { StoreContext } from './store-context';
import { StoreError } from './store-error';
import { requireSubscriber } from './subscribers';

/** Why an address gets no more campaign mail. */
export const SuppressionReason = z.enum(SUPPRESSION_REASONS);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

/** Input of {@link SuppressionList.add}. */
export const SuppressionInput = z.object({
  regionId: RegionId,
  email: NormalisedEmail,
  reason: SuppressionReason,
  /** Why, for staff (e.g. the bounce's status code). Do not put the address here. */
  note: z.string().max(500).optional(),
  actor: Actor,
});
export type SuppressionInput = z.input<typeof SuppressionInput>;

/**
 * The suppression list: addresses (kept only as keyed hashes) that no audience includes, per
 * region. Hard bounces and complaints also move the subscriber to `bounced` / `complained`
 * where core's lifecycle allows.
 */
export interface SuppressionList {
  /** Suppresses an address (staff; audited). */
  add(input: SuppressionInput): Promise<void>;
  /** Suppresses a subscriber's address after a hard bounce or a complaint (the worker). */
  addSubscriber(
    subscriberId: string,
    reason: 'hard-bounce' | 'complaint',
    options?: { note?: string; actor?: string },
  ): Promise<void>;
  /** The reason an address is suppressed in a region, if it is. */
  check(regionId: string, email: string): Promise<SuppressionReason | undefined>;
  /** Lifts a suppression (staff; audited). An erased address stays suppressed until its owner signs up again. */
  remove(regionId: string, email: string, actor: string): Promise<boolean>;
  /** Suppressed addresses per reason in a region. */
  countByReason(regionId: string): Promise<Record<SuppressionReason, number>>;
}

const STATUS_FOR_REASON: Partial<Record<SuppressionReason, SubscriberStatus>> = {
  'hard-bounce': 'bounced',
  complaint: 'complained',
};

/**
 * Suppresses a normalised address in a region (keeping only its keyed hash) inside the caller's
 * transaction, and moves the subscriber with that address, if any, to the matching status when
 * the lifecycle allows it.
 */
export async function suppressAddress(
  ctx: StoreContext,
  tx: Executor,
  regionId: string,
  email: string,
  reason: SuppressionReason,
  note: string | undefined,
): Promise<void> {
  await tx.execute(sql`insert into suppressions (region_id, email_hash, reason, note)
    values (${regionId}, ${ctx.hashEmail(email)}, ${reason}, ${note ?? null})
    on conflict (region_id, email_hash) do update set reason = excluded.reason, note = excluded.note, created_at = now()`);
  const status = STATUS_FOR_REASON[reason];
  if (status === undefined) return;
  const rows = await queryRows<{ id: string; status: SubscriberStatus }>(
    tx,
    sql`select id, status from subscribers where region_id = ${regionId} and email = ${email} for update`,
  );
  for (const row of rows) {
    if (canTransition(SUBSCRIBER_LIFECYCLE, row.status, status)) {
      await tx.execute(
        sql`update subscribers set status = ${status}, updated_at = now() where id = ${row.id}`,
      );
    }
  }
}

/** Builds the {@link SuppressionList}. */
export function createSuppressionList(ctx: StoreContext): SuppressionList {
  const { database } = ctx;
  const { db } = database;
  const target = (hash: string) => `suppression:${hash.slice(0, 16)}`;
  return {
    add: (input) =>
      database.transaction(async (tx) => {
        const s = parseInput(SuppressionInput, input, 'suppression');
        await suppressAddress(ctx, tx, s.regionId, s.email, s.reason, s.note);
        await writeAudit(tx, {
          actor: s.actor,
          action: 'suppression.added',
          regionId: s.regionId,
          target: target(ctx.hashEmail(s.email)),
          details: { reason: s.reason },
        });
      }),
    addSubscriber: (subscriberId, reason, options = {}) =>
      database.transaction(async (tx) => {
        const subscriber = await requireSubscriber(tx, subscriberId);
        await suppressAddress(ctx, tx, subscriber.regionId, subscriber.email, reason, options.note);
        if (options.actor !== undefined) {
          await writeAudit(tx, {
            actor: options.actor,
            action: 'suppression.added',
            regionId: subscriber.regionId,
            target: `subscriber:${subscriber.id}`,
            details: { reason },
          });
        }
      }),
    async check(regionId, email) {
      const normalised = NormalisedEmail.safeParse(email);
      if (!normalised.success) return undefined;
      const [row] = await queryRows<{ reason: SuppressionReason }>(
        db,
        sql`select reason from suppressions where region_id = ${regionId} and email_hash = ${ctx.hashEmail(normalised.data)}`,
      );
      return row?.reason;
    },
    remove: (regionId, email, actor) =>
      database.transaction(async (tx) => {
        const normalised = parseInput(NormalisedEmail, email, 'suppression', 'email');
        const hash = ctx.hashEmail(normalised);
        const [existing] = await queryRows<{ reason: SuppressionReason }>(
          tx,
          sql`select reason from suppressions where region_id = ${regionId} and email_hash = ${hash} for update`,
        );
        if (existing === undefined) return false;
        if (existing.reason === 'erased') {
          throw new StoreError(
            'CONFLICT',
            'email: this address was erased on request; only a new sign-up by its owner lifts the suppression',
          );
        }
        await tx.execute(
          sql`delete from suppressions where region_id = ${regionId} and email_hash = ${hash}`,
        );
        await writeAudit(tx, {
          actor,
          action: 'suppression.removed',
          regionId,
          target: target(hash),
          details: { reason: existing.reason },
        });
        return true;
      }),
    async countByReason(regionId) {
      const rows = await queryRows<{ reason: SuppressionReason; n: number }>(
        db,
        sql`select reason, count(*)::int as n from suppressions where region_id = ${regionId} group by reason`,
      );
      const counts = Object.fromEntries(SUPPRESSION_REASONS.map((r) => [r, 0])) as Record<
        SuppressionReason,
        number
      >;
      for (const row of rows) counts[row.reason] = row.n;
      return counts;
    },
  };
}
