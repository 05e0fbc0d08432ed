import { RegionId, type Subscriber } from '@regiokit/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Actor, writeAudit } from './audit-log';
import { type ConsentEntry, selectConsent } from './consent-log';
import { type Executor, queryRows, uuidArray } from './database';
import { toInstant, toOptionalInstant } from './instant';
import { NormalisedEmail } from './normalised-email';
import { parseInput } from './parse-input';
import type { LedgerState } from './send-ledger';
import type { StoreContext } from './store-context';
import { selectSubscribers } from './subscribers';
import { type SuppressionReason, suppressAddress } from './suppressions';

/** Which address a data-subject request is about, who handles it, optionally one region only. */
export const SubjectRequest = z.object({
  email: NormalisedEmail,
  actor: Actor,
  regionId: RegionId.optional(),
});
export type SubjectRequest = z.input<typeof SubjectRequest>;

/** One mail of a campaign to the address, from the send ledger. */
export interface SubjectDelivery {
  readonly campaignId: string;
  readonly state: LedgerState;
  readonly attempts: number;
  readonly claimedAt: string;
  readonly settledAt?: string;
  readonly messageId?: string;
  readonly smtpReply?: string;
}

/** Everything stored about one address (GDPR Art. 15), as JSON. */
export interface SubjectExport {
  readonly email: string;
  readonly generatedAt: string;
  readonly subscriptions: readonly {
    readonly subscriber: Subscriber;
    readonly consent: readonly ConsentEntry[];
    readonly deliveries: readonly SubjectDelivery[];
  }[];
  /** Regions where the address gets no mail, and why. */
  readonly suppressions: readonly {
    readonly regionId: string;
    readonly reason: SuppressionReason;
    readonly since: string;
  }[];
}

/** Result of an erasure. */
export interface SubjectErasure {
  /** Subscriber records deleted. */
  readonly erased: number;
  /** Regions where the address is now suppressed as `erased`. */
  readonly regions: string[];
}

/** Data-subject requests: access (export) and erasure of one address. Both are audited without the address. */
export interface DataSubjectRequests {
  /** Everything stored about the address: subscriptions, consent log, deliveries, suppressions. */
  export(request: SubjectRequest): Promise<SubjectExport>;
  /**
   * Deletes the address's personal data (subscriber, lists, topics, consent log; SMTP replies and
   * Message-IDs in the ledger) and keeps only a keyed hash on the suppression list, so a later
   * import cannot add it again; only a new sign-up by its owner can.
   */
  erase(request: SubjectRequest): Promise<SubjectErasure>;
}

async function subscribersOf(
  tx: Executor,
  email: string,
  regionId: string | undefined,
): Promise<Subscriber[]> {
  return selectSubscribers(
    tx,
    sql`s.email = ${email} and (${regionId ?? null}::text is null or s.region_id = ${regionId ?? null})`,
    sql`order by s.region_id for update`,
  );
}

/** Builds the {@link DataSubjectRequests}. */
export function createDataSubjectRequests(ctx: StoreContext): DataSubjectRequests {
  const { database } = ctx;
  return {
    export: (input) =>
      database.transaction(async (tx) => {
        const request = parseInput(SubjectRequest, input, 'data-subject request');
        const hash = ctx.hashEmail(request.email);
        const subscribers = await subscribersOf(tx, request.email, request.regionId);
        const subscriptions = [];
        for (const subscriber of subscribers) {
          const deliveries = await queryRows<{
            campaign_id: string;
            state: LedgerState;
            attempts: number;
            claimed_at: string;
            settled_at: string | null;
            message_id: string | null;
            smtp_reply: string | null;
          }>(
            tx,
            sql`select l.campaign_id, l.state, l.attempts, l.claimed_at, l.settled_at, l.message_id, l.smtp_reply
                from campaigns c join send_ledger l
                  on l.region_id = c.region_id and l.campaign_id = c.id and l.subscriber_id = ${subscriber.id}
                where c.region_id = ${subscriber.regionId} order by l.claimed_at`,
          );
          subscriptions.push({
            subscriber,
            consent: await selectConsent(tx, [subscriber.id]),
            deliveries: deliveries.map((d) => {
              const settledAt = toOptionalInstant(d.settled_at);
              return {
                campaignId: d.campaign_id,
                state: d.state,
                attempts: d.attempts,
                claimedAt: toInstant(d.claimed_at),
                ...(settledAt === undefined ? {} : { settledAt }),
                ...(d.message_id === null ? {} : { messageId: d.message_id }),
                ...(d.smtp_reply === null ? {} : { smtpReply: d.smtp_reply }),
              };
            }),
          });
        }
        const suppressions = await queryRows<{
          region_id: string;
          reason: SuppressionReason;
          created_at: string;
        }>(
          tx,
          sql`select region_id, reason, created_at from suppressions
              where email_hash = ${hash} and (${request.regionId ?? null}::text is null or region_id = ${request.regionId ?? null})
              order by region_id`,
        );
        await writeAudit(tx, {
          actor: request.actor,
          action: 'subject.exported',
          ...(request.regionId === undefined ? {} : { regionId: request.regionId }),
          target: `subject:${hash.slice(0, 16)}`,
          details: { subscribers: subscribers.map((s) => s.id) },
        });
        return {
          email: request.email,
          generatedAt: ctx.clock().toISOString(),
          subscriptions,
          suppressions: suppressions.map((s) => ({
            regionId: s.region_id,
            reason: s.reason,
            since: toInstant(s.created_at),
          })),
        };
      }),

    erase: (input) =>
      database.transaction(async (tx) => {
        const request = parseInput(SubjectRequest, input, 'data-subject request');
        const hash = ctx.hashEmail(request.email);
        const subscribers = await subscribersOf(tx, request.email, request.regionId);
        const regions = new Set(subscribers.map((s) => s.regionId));
        if (request.regionId !== undefined) regions.add(request.regionId);
        for (const regionId of regions)
          await suppressAddress(ctx, tx, regionId, request.email, 'erased', undefined);
        for (const subscriber of subscribers) {
          // Through the region's campaigns, so each lookup uses the ledger's primary key.
          await tx.execute(sql`update send_ledger l set message_id = null, smtp_reply = null, error = null, claimed_by = null
            from campaigns c
            where c.region_id = ${subscriber.regionId} and l.region_id = c.region_id and l.campaign_id = c.id
              and l.subscriber_id = ${subscriber.id}`);
        }
        const ids = uuidArray(subscribers.map((s) => s.id));
        await tx.execute(sql`delete from subscriber_lists where subscriber_id = any(${ids})`);
        await tx.execute(sql`delete from subscriber_topics where subscriber_id = any(${ids})`);
        await tx.execute(sql`delete from consent_log where subscriber_id = any(${ids})`);
        await tx.execute(sql`delete from subscribers where id = any(${ids})`);
        for (const subscriber of subscribers) {
          await writeAudit(tx, {
            actor: request.actor,
            action: 'subject.erased',
            regionId: subscriber.regionId,
            target: `subscriber:${subscriber.id}`,
          });
        }
        if (subscribers.length === 0 && request.regionId !== undefined) {
          await writeAudit(tx, {
            actor: request.actor,
            action: 'subject.erased',
            regionId: request.regionId,
            target: `subject:${hash.slice(0, 16)}`,
          });
        }
        return { erased: subscribers.length, regions: [...regions].sort() };
      }),
  };
}
