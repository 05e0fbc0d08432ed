import {
  Audience,
  assertTransition,
  CAMPAIGN_LIFECYCLE,
  Campaign,
  CampaignContent,
  CampaignId,
  type CampaignStatus,
  DomainError,
  Instant,
  Line,
  RegionId,
  TimePlan,
} from '@regiokit/core';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Actor, writeAudit } from './audit-log';
import { type Executor, queryRows } from './database';
import { toInstant } from './instant';
import { requireList, topicsOfList } from './mailing-lists';
import { parseInput } from './parse-input';
import type { StoreContext } from './store-context';
import { StoreError } from './store-error';
import { parseStored } from './stored-record';
import { assertKnownTopics } from './topics';

/** A new campaign; it starts as `draft`. */
export const CampaignInput = z.object({
  id: CampaignId,
  regionId: RegionId,
  name: Line,
  content: CampaignContent,
  audience: Audience,
  plan: TimePlan,
});
export type CampaignInput = z.input<typeof CampaignInput>;

/** A campaign as the store returns it: core's `Campaign` and when it was sent. */
export const StoredCampaign = Campaign.extend({
  /** When the campaign became `sent` (Versanddatum); null until then, and for campaigns never sent. */
  sentAt: Instant.nullable(),
});
export type StoredCampaign = z.infer<typeof StoredCampaign>;

/** Changes to a campaign that has not started sending. */
export const CampaignChange = z.object({
  name: Line.optional(),
  content: CampaignContent.optional(),
  audience: Audience.optional(),
  plan: TimePlan.optional(),
});
export type CampaignChange = z.input<typeof CampaignChange>;

/** Filter of {@link CampaignRepository.list}. */
export interface CampaignQuery {
  readonly regionId?: string;
  readonly status?: CampaignStatus | readonly CampaignStatus[];
}

/** Campaigns (Kampagnen) with their time plan and status. */
export interface CampaignRepository {
  /** Creates a draft; its list, topics and content must exist. Audited. */
  create(input: CampaignInput, actor: string): Promise<StoredCampaign>;
  get(regionId: string, id: string): Promise<StoredCampaign | undefined>;
  /** Campaigns, oldest first. */
  list(query?: CampaignQuery): Promise<StoredCampaign[]>;
  /** Changes a `draft`, `scheduled` or `paused` campaign. Audited. */
  update(regionId: string, id: string, change: CampaignChange, actor: string): Promise<StoredCampaign>;
  /**
   * Moves a campaign to `to` in one transaction with the row locked, checked against core's
   * `CAMPAIGN_LIFECYCLE` (an illegal move throws core's `DomainError` `ILLEGAL_TRANSITION`).
   * `reason` is kept as the status reason (required for `failed` and `missed`). Moving to `sent`
   * sets `sentAt`. Audited as `campaign.<to>`. With `from`, the move is a compare-and-set: it
   * throws `ILLEGAL_TRANSITION` too when the status (read with the row locked) is none of them.
   */
  transition(
    regionId: string,
    id: string,
    to: CampaignStatus,
    options: { actor: string; reason?: string; from?: readonly CampaignStatus[] },
  ): Promise<StoredCampaign>;
}

interface CampaignRow {
  region_id: string;
  id: string;
  name: string;
  content: unknown;
  audience: unknown;
  plan: unknown;
  status: string;
  status_reason: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

async function selectCampaigns(tx: Executor, where: SQL, lock = false): Promise<StoredCampaign[]> {
  const rows = await queryRows<CampaignRow>(
    tx,
    sql`select region_id, id, name, content, audience, plan, status, status_reason, sent_at, created_at, updated_at
        from campaigns where ${where} order by created_at, region_id, id ${lock ? sql`for update` : sql``}`,
  );
  return rows.map((row) =>
    parseStored(
      StoredCampaign,
      {
        id: row.id,
        regionId: row.region_id,
        name: row.name,
        content: row.content,
        audience: row.audience,
        plan: row.plan,
        status: row.status,
        ...(row.status_reason === null ? {} : { statusReason: row.status_reason }),
        sentAt: row.sent_at === null ? null : toInstant(row.sent_at),
        createdAt: toInstant(row.created_at),
        updatedAt: toInstant(row.updated_at),
      },
      `campaign ${row.region_id}/${row.id}`,
    ),
  );
}

async function requireCampaign(
  tx: Executor,
  regionId: string,
  id: string,
  lock: boolean,
): Promise<StoredCampaign> {
  const [campaign] = await selectCampaigns(tx, sql`region_id = ${regionId} and id = ${id}`, lock);
  if (campaign === undefined)
    throw new StoreError('NOT_FOUND', `no campaign "${id}" in region "${regionId}"`);
  return campaign;
}

/** Checks that what a campaign refers to exists: its list, the list's topics, its content record. */
async function assertReferences(
  tx: Executor,
  regionId: string,
  parts: { audience?: Audience; content?: CampaignContent },
  what: string,
): Promise<void> {
  if (parts.audience !== undefined) {
    const list = await requireList(tx, regionId, parts.audience.listId, 'audience.listId');
    assertKnownTopics(
      parts.audience.topics,
      await topicsOfList(tx, list),
      what,
      'audience.topics',
      ` on list "${list.id}"`,
    );
  }
  if (parts.content !== undefined) {
    const [kind, id, field] =
      parts.content.kind === 'newsletter'
        ? ['newsletter-issue', parts.content.issueId, 'content.issueId']
        : ['press-release', parts.content.pressReleaseId, 'content.pressReleaseId'];
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`select id from records where kind = ${kind} and region_id = ${regionId} and id = ${id}`,
    );
    if (row === undefined)
      throw new StoreError('NOT_FOUND', `${field}: no ${kind} "${id}" in region "${regionId}"`);
  }
}

/** Builds the {@link CampaignRepository}. */
export function createCampaignRepository(ctx: StoreContext): CampaignRepository {
  const { database } = ctx;
  const { db } = database;
  const target = (regionId: string, id: string) => `campaign:${regionId}/${id}`;
  return {
    create: (input, actor) =>
      database.transaction(async (tx) => {
        const c = parseInput(CampaignInput, input, 'campaign');
        parseInput(Actor, actor, 'campaign', 'actor');
        await assertReferences(tx, c.regionId, c, 'campaign');
        const inserted = await queryRows<{ id: string }>(
          tx,
          sql`insert into campaigns (region_id, id, name, content, audience, plan, status)
              values (${c.regionId}, ${c.id}, ${c.name}, ${JSON.stringify(c.content)}::jsonb,
                ${JSON.stringify(c.audience)}::jsonb, ${JSON.stringify(c.plan)}::jsonb, 'draft')
              on conflict do nothing returning id`,
        );
        if (inserted.length === 0) {
          throw new StoreError('CONFLICT', `id: campaign "${c.id}" already exists in region "${c.regionId}"`);
        }
        await writeAudit(tx, {
          actor,
          action: 'campaign.created',
          regionId: c.regionId,
          target: target(c.regionId, c.id),
        });
        return requireCampaign(tx, c.regionId, c.id, false);
      }),

    async get(regionId, id) {
      const [campaign] = await selectCampaigns(db, sql`region_id = ${regionId} and id = ${id}`);
      return campaign;
    },

    list(query = {}) {
      const statuses = query.status === undefined ? null : [query.status].flat();
      return selectCampaigns(
        db,
        sql`(${query.regionId ?? null}::text is null or region_id = ${query.regionId ?? null})
          and (${statuses === null ? null : JSON.stringify(statuses)}::json is null
            or status in (select value from json_array_elements_text(${statuses === null ? null : JSON.stringify(statuses)}::json)))`,
      );
    },

    update: (regionId, id, input, actor) =>
      database.transaction(async (tx) => {
        const change = parseInput(CampaignChange, input, 'campaign change');
        parseInput(Actor, actor, 'campaign change', 'actor');
        const campaign = await requireCampaign(tx, regionId, id, true);
        if (campaign.status !== 'draft' && campaign.status !== 'scheduled' && campaign.status !== 'paused') {
          throw new StoreError(
            'CONFLICT',
            `campaign "${id}" is ${campaign.status}; only a draft, scheduled or paused campaign can be changed`,
          );
        }
        await assertReferences(tx, regionId, change, 'campaign change');
        await tx.execute(sql`update campaigns set
            name = coalesce(${change.name ?? null}, name),
            content = coalesce(${change.content === undefined ? null : JSON.stringify(change.content)}::jsonb, content),
            audience = coalesce(${change.audience === undefined ? null : JSON.stringify(change.audience)}::jsonb, audience),
            plan = coalesce(${change.plan === undefined ? null : JSON.stringify(change.plan)}::jsonb, plan),
            updated_at = now()
          where region_id = ${regionId} and id = ${id}`);
        await writeAudit(tx, {
          actor,
          action: 'campaign.updated',
          regionId,
          target: target(regionId, id),
          details: { fields: Object.keys(change).sort() },
        });
        return requireCampaign(tx, regionId, id, false);
      }),

    transition: (regionId, id, to, options) =>
      database.transaction(async (tx) => {
        parseInput(Actor, options.actor, 'campaign transition', 'actor');
        const campaign = await requireCampaign(tx, regionId, id, true);
        if (options.from !== undefined && !options.from.includes(campaign.status)) {
          throw new DomainError(
            'ILLEGAL_TRANSITION',
            `campaign: ${campaign.status} → ${to} refused; expected the campaign to be ${options.from.join(' or ')}`,
          );
        }
        assertTransition(CAMPAIGN_LIFECYCLE, campaign.status, to);
        if ((to === 'failed' || to === 'missed') && (options.reason ?? '').trim() === '') {
          throw new StoreError('INVALID_INPUT', `reason: expected why campaign "${id}" is ${to}`, {
            fields: [{ path: 'reason', message: `expected why the campaign is ${to}` }],
          });
        }
        await tx.execute(sql`update campaigns set status = ${to}, status_reason = ${options.reason ?? null},
            sent_at = ${to === 'sent' ? sql`now()` : sql`sent_at`}, updated_at = now()
          where region_id = ${regionId} and id = ${id}`);
        await writeAudit(tx, {
          actor: options.actor,
          action: `campaign.${to}`,
          regionId,
          target: target(regionId, id),
          details: {
            from: campaign.status,
            ...(options.reason === undefined ? {} : { reason: options.reason }),
          },
        });
        return requireCampaign(tx, regionId, id, false);
      }),
  };
}
