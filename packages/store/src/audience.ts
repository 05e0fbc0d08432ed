import { Audience, type ContentKey, type Language, type Salutation } from '@regiokit/core';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, preparedRows, queryRows } from './database';
import { requireList } from './mailing-lists';
import { parseInput } from './parse-input';
import type { StoreContext } from './store-context';

/** One recipient of a campaign: what personalising and addressing a mail needs. */
export interface Recipient {
  readonly id: string;
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly salutation: Salutation;
  readonly language: Language;
}

/** Options of {@link AudienceReader.iterate}. */
export const AudienceOptions = z.object({
  /** Recipients per batch (default 500). */
  batchSize: z.int().min(1).max(10_000).default(500),
  /** Resume after this subscriber id (the last id of a batch already handled). */
  after: z.uuid().optional(),
});
export type AudienceOptions = z.input<typeof AudienceOptions>;

/**
 * Who a campaign goes to: the active subscribers of a list (optionally only those who chose one
 * of the topics), minus every suppressed address.
 */
export interface AudienceReader {
  /**
   * The audience in batches, ordered by subscriber id (keyset pagination: one short query per
   * batch, constant memory for any audience size).
   */
  iterate(
    regionId: string,
    audience: Audience | z.input<typeof Audience>,
    options?: AudienceOptions,
  ): AsyncIterable<Recipient[]>;
  /**
   * One page of the audience's subscriber ids after `options.after`, in the order of
   * {@link iterate}: what fanning a campaign out into batches needs, without reading whole rows.
   */
  ids(
    regionId: string,
    audience: Audience | z.input<typeof Audience>,
    options?: AudienceOptions,
  ): Promise<string[]>;
  /** How many recipients the audience has now. */
  count(regionId: string, audience: Audience | z.input<typeof Audience>): Promise<number>;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

interface RecipientRow {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  salutation: Salutation;
  language: Language;
}

function audienceCondition(regionId: string, audience: Audience): SQL {
  const topics =
    audience.topics.length === 0
      ? sql``
      : sql`and exists (select 1 from subscriber_topics t where t.subscriber_id = s.id
              and t.topic_id in (select value from json_array_elements_text(${JSON.stringify(audience.topics)}::json)))`;
  const notReceived =
    audience.notReceived === undefined
      ? sql``
      : sql`and not exists (select 1 from campaigns c join send_ledger l
              on l.region_id = c.region_id and l.campaign_id = c.id and l.subscriber_id = s.id
            where c.region_id = m.region_id and c.content = ${JSON.stringify(campaignContentOf(audience.notReceived))}::jsonb
              and l.state = 'sent')`;
  return sql`m.region_id = ${regionId} and m.list_id = ${audience.listId}
    and s.status = 'active'
    and not exists (select 1 from suppressions x where x.region_id = s.region_id and x.email_hash = s.email_hash)
    ${topics} ${notReceived}`;
}

/** The campaigns' stored `content` of an issue or press release (jsonb compares by value). */
function campaignContentOf(key: ContentKey): Record<string, string> {
  return key.kind === 'newsletter'
    ? { kind: 'newsletter', issueId: key.id }
    : { kind: 'press-release', pressReleaseId: key.id };
}

/** Keyset page of the audience after `after`: the same bound on both sides of the join. */
function pageCondition(regionId: string, audience: Audience, after: string): SQL {
  // in the generic plan of the prepared statement the scan of subscribers otherwise starts at the
  // first id, every page (quadratic)
  return sql`${audienceCondition(regionId, audience)} and m.subscriber_id > ${after}::uuid
    and s.id > ${after}::uuid`;
}

async function readBatch(
  tx: Executor,
  regionId: string,
  audience: Audience,
  after: string,
  limit: number,
): Promise<Recipient[]> {
  const rows = await preparedRows<RecipientRow>(
    tx,
    sql`select s.id, s.email, s.first_name, s.last_name, s.salutation, s.language
        from subscriber_lists m join subscribers s on s.id = m.subscriber_id
        where ${pageCondition(regionId, audience, after)}
        order by m.subscriber_id
        limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    ...(r.first_name === null ? {} : { firstName: r.first_name }),
    ...(r.last_name === null ? {} : { lastName: r.last_name }),
    salutation: r.salutation,
    language: r.language,
  }));
}

/** Builds the {@link AudienceReader}. */
export function createAudienceReader(ctx: StoreContext): AudienceReader {
  const { db } = ctx.database;
  return {
    async *iterate(regionId, input, options = {}) {
      const audience = parseInput(Audience, input, 'audience');
      const { batchSize, after } = parseInput(AudienceOptions, options, 'audience options');
      await requireList(db, regionId, audience.listId, 'audience.listId');
      let cursor = after ?? NIL_UUID;
      for (;;) {
        const batch = await readBatch(db, regionId, audience, cursor, batchSize);
        if (batch.length === 0) return;
        yield batch;
        if (batch.length < batchSize) return;
        cursor = batch[batch.length - 1]!.id;
      }
    },
    async ids(regionId, input, options = {}) {
      const audience = parseInput(Audience, input, 'audience');
      const { batchSize, after } = parseInput(AudienceOptions, options, 'audience options');
      await requireList(db, regionId, audience.listId, 'audience.listId');
      const rows = await preparedRows<{ id: string }>(
        db,
        sql`select s.id from subscriber_lists m join subscribers s on s.id = m.subscriber_id
            where ${pageCondition(regionId, audience, after ?? NIL_UUID)}
            order by m.subscriber_id
            limit ${batchSize}`,
      );
      return rows.map((r) => r.id);
    },
    async count(regionId, input) {
      const audience = parseInput(Audience, input, 'audience');
      await requireList(db, regionId, audience.listId, 'audience.listId');
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from subscriber_lists m join subscribers s on s.id = m.subscriber_id
            where ${audienceCondition(regionId, audience)}`,
      );
      return row?.n ?? 0;
    },
  };
}
