import { Topic } from '@regiokit/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from './database';
import { invalidInput, parseInput } from './parse-input';
import { topics } from './schema/index';
import type { StoreContext } from './store-context';
import { StoreError } from './store-error';
import { parseStored } from './stored-record';

/** Topics (Themen) a subscriber can choose, per region. */
export interface TopicRepository {
  /** Inserts or replaces a topic. */
  put(topic: Topic | Record<string, unknown>): Promise<Topic>;
  get(regionId: string, id: string): Promise<Topic | undefined>;
  list(regionId: string): Promise<Topic[]>;
  /** Deletes a topic no list or unfinished campaign uses; subscribers lose it from their choice. */
  delete(regionId: string, id: string): Promise<boolean>;
}

/** Inserts or replaces a validated topic. */
export async function writeTopic(tx: Executor, topic: Topic): Promise<void> {
  await tx
    .insert(topics)
    .values({ regionId: topic.regionId, id: topic.id, data: topic })
    .onConflictDoUpdate({
      target: [topics.regionId, topics.id],
      set: { data: topic, updatedAt: sql`now()` },
    });
}

/** Builds the {@link TopicRepository}. */
export function createTopicRepository(ctx: StoreContext): TopicRepository {
  const { db } = ctx.database;
  return {
    async put(input) {
      const topic = parseInput(Topic, input, 'topic');
      await writeTopic(db, topic);
      return topic;
    },
    async get(regionId, id) {
      const [row] = await db
        .select({ data: topics.data })
        .from(topics)
        .where(and(eq(topics.regionId, regionId), eq(topics.id, id)));
      return row === undefined ? undefined : parseStored(Topic, row.data, `topic ${regionId}/${id}`);
    },
    async list(regionId) {
      const rows = await db
        .select({ id: topics.id, data: topics.data })
        .from(topics)
        .where(eq(topics.regionId, regionId))
        .orderBy(asc(topics.id));
      return rows.map((row) => parseStored(Topic, row.data, `topic ${regionId}/${row.id}`));
    },
    delete: (regionId, id) =>
      ctx.database.transaction(async (tx) => {
        const [user] = await queryRows<{ what: string }>(
          tx,
          sql`select 'list "' || id || '"' as what from mailing_lists
                where region_id = ${regionId} and data->'topics' ? ${id}
              union all
              select 'campaign "' || id || '"' from campaigns
                where region_id = ${regionId} and audience->'topics' ? ${id}
                  and status in ('draft', 'scheduled', 'sending', 'paused')
              limit 1`,
        );
        if (user !== undefined)
          throw new StoreError('CONFLICT', `topic "${id}" is still used by ${user.what}`);
        const deleted = await tx
          .delete(topics)
          .where(and(eq(topics.regionId, regionId), eq(topics.id, id)))
          .returning({ id: topics.id });
        await tx.execute(
          sql`delete from subscriber_topics where region_id = ${regionId} and topic_id = ${id}`,
        );
        return deleted.length > 0;
      }),
  };
}

/** The ids of a region's topics. */
export async function loadTopicIds(tx: Executor, regionId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(tx, sql`select id from topics where region_id = ${regionId}`);
  return new Set(rows.map((r) => r.id));
}

/**
 * Throws an `INVALID_INPUT` error naming each topic (as `field[i]`) that is not among `allowed`.
 */
export function assertKnownTopics(
  chosen: readonly string[],
  allowed: ReadonlySet<string>,
  what: string,
  field = 'topics',
  scope = '',
): void {
  const unknown = chosen.flatMap((id, i) =>
    allowed.has(id)
      ? []
      : [
          {
            path: `${field}[${i}]`,
            message: `unknown topic "${id}"${scope}; known: ${[...allowed].sort().join(', ') || 'none'}`,
          },
        ],
  );
  if (unknown.length > 0) throw invalidInput(what, unknown);
}
