import { MailingList } from '@regiokit/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from './database';
import { parseInput } from './parse-input';
import { mailingLists } from './schema/index';
import type { StoreContext } from './store-context';
import { StoreError } from './store-error';
import { parseStored } from './stored-record';
import { assertKnownTopics, loadTopicIds } from './topics';

/** Mailing lists (Verteiler) of a region. */
export interface MailingListRepository {
  /** Inserts or replaces a list; its topics must exist in the region. */
  put(list: MailingList | Record<string, unknown>): Promise<MailingList>;
  get(regionId: string, id: string): Promise<MailingList | undefined>;
  list(regionId: string): Promise<MailingList[]>;
  /** Deletes a list and its memberships; refused while an unfinished campaign goes to it. */
  delete(regionId: string, id: string): Promise<boolean>;
}

/**
 * Inserts or replaces a validated list after checking that its topics exist in the region;
 * `what` and `path` name the list in the error (e.g. `records`, `[2].`).
 */
export async function writeList(
  tx: Executor,
  list: MailingList,
  what = 'mailing list',
  path = '',
): Promise<void> {
  assertKnownTopics(
    list.topics,
    await loadTopicIds(tx, list.regionId),
    what,
    `${path}topics`,
    ` in region "${list.regionId}"`,
  );
  await tx
    .insert(mailingLists)
    .values({ regionId: list.regionId, id: list.id, data: list })
    .onConflictDoUpdate({
      target: [mailingLists.regionId, mailingLists.id],
      set: { data: list, updatedAt: sql`now()` },
    });
}

/** Builds the {@link MailingListRepository}. */
export function createMailingListRepository(ctx: StoreContext): MailingListRepository {
  const { database } = ctx;
  const { db } = database;
  return {
    put: (input) =>
      database.transaction(async (tx) => {
        const list = parseInput(MailingList, input, 'mailing list');
        await writeList(tx, list);
        return list;
      }),
    get: (regionId, id) => loadList(db, regionId, id),
    async list(regionId) {
      const rows = await db
        .select({ id: mailingLists.id, data: mailingLists.data })
        .from(mailingLists)
        .where(eq(mailingLists.regionId, regionId))
        .orderBy(asc(mailingLists.id));
      return rows.map((row) => parseStored(MailingList, row.data, `mailing list ${regionId}/${row.id}`));
    },
    delete: (regionId, id) =>
      database.transaction(async (tx) => {
        const [campaign] = await queryRows<{ id: string }>(
          tx,
          sql`select id from campaigns where region_id = ${regionId} and audience->>'listId' = ${id}
              and status in ('draft', 'scheduled', 'sending', 'paused') limit 1`,
        );
        if (campaign !== undefined) {
          throw new StoreError(
            'CONFLICT',
            `list "${id}" is the audience of campaign "${campaign.id}", which is not finished`,
          );
        }
        const deleted = await tx
          .delete(mailingLists)
          .where(and(eq(mailingLists.regionId, regionId), eq(mailingLists.id, id)))
          .returning({ id: mailingLists.id });
        await tx.execute(sql`delete from subscriber_lists where region_id = ${regionId} and list_id = ${id}`);
        return deleted.length > 0;
      }),
  };
}

/** A list, or undefined. */
export async function loadList(tx: Executor, regionId: string, id: string): Promise<MailingList | undefined> {
  const [row] = await queryRows<{ data: unknown }>(
    tx,
    sql`select data from mailing_lists where region_id = ${regionId} and id = ${id}`,
  );
  return row === undefined ? undefined : parseStored(MailingList, row.data, `mailing list ${regionId}/${id}`);
}

/** A list, or a `NOT_FOUND` error that names the field it came from. */
export async function requireList(
  tx: Executor,
  regionId: string,
  id: string,
  field = 'listId',
): Promise<MailingList> {
  const list = await loadList(tx, regionId, id);
  if (list === undefined) {
    throw new StoreError('NOT_FOUND', `${field}: no mailing list "${id}" in region "${regionId}"`);
  }
  return list;
}

/**
 * The topics a subscriber of `list` may choose: the list's own topics, or every topic of the
 * region when the list names none.
 */
export async function topicsOfList(tx: Executor, list: MailingList): Promise<Set<string>> {
  return list.topics.length > 0 ? new Set(list.topics) : loadTopicIds(tx, list.regionId);
}
