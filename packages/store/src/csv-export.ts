import { ListId, RegionId, SubscriberStatus } from '@regiokit/core';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Actor, writeAudit } from './audit-log';
import { CSV_COLUMNS } from './csv-import';
import { queryRows } from './database';
import { toOptionalInstant } from './instant';
import { requireList } from './mailing-lists';
import { parseInput } from './parse-input';
import type { StoreContext } from './store-context';

/** Options of a list export. */
export const ExportOptions = z.object({
  regionId: RegionId,
  listId: ListId,
  /** Who exports (audited: an export is personal data leaving the system). */
  actor: Actor,
  /** Only subscribers in these statuses (default: all). */
  statuses: z.array(SubscriberStatus).min(1).optional(),
  delimiter: z.enum([',', ';']).default(','),
  /** Start with a byte order mark so spreadsheet programs read UTF-8 (default true). */
  bom: z.boolean().default(true),
});
export type ExportOptions = z.input<typeof ExportOptions>;

const BATCH = 1000;

interface ExportRow {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  salutation: string;
  language: string;
  status: string;
  topics: string | null;
  requested_at: string | null;
  confirmed_at: string | null;
  consent_text_version: string | null;
}

/**
 * Streams a list's subscribers as CSV chunks (header first), with the consent evidence of each,
 * in the columns the import reads, so an export can be imported again. Keyset batches: constant
 * memory for any list size.
 */
export async function* exportSubscribersCsv(ctx: StoreContext, input: ExportOptions): AsyncGenerator<string> {
  const options = parseInput(ExportOptions, input, 'export options');
  const { db } = ctx.database;
  await requireList(db, options.regionId, options.listId);
  await writeAudit(db, {
    actor: options.actor,
    action: 'list.exported',
    regionId: options.regionId,
    target: `list:${options.regionId}/${options.listId}`,
    details: options.statuses === undefined ? {} : { statuses: options.statuses },
  });
  const statuses = options.statuses === undefined ? null : JSON.stringify(options.statuses);
  yield stringify([], {
    header: true,
    columns: [...CSV_COLUMNS],
    delimiter: options.delimiter,
    bom: options.bom,
  });
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<ExportRow>(
      db,
      sql`select s.id, s.email, s.first_name, s.last_name, s.salutation, s.language, s.status,
            (select string_agg(t.topic_id, ';' order by t.topic_id) from subscriber_topics t
             where t.subscriber_id = s.id) as topics,
            (select max(c.at) from consent_log c where c.subscriber_id = s.id and c.action = 'requested') as requested_at,
            confirmed.at as confirmed_at, confirmed.consent_text_version
          from subscriber_lists m
          join subscribers s on s.id = m.subscriber_id
          left join lateral (
            select c.at, c.consent_text_version from consent_log c
            where c.subscriber_id = s.id and c.action = 'confirmed' order by c.id desc limit 1
          ) confirmed on true
          where m.region_id = ${options.regionId} and m.list_id = ${options.listId} and m.subscriber_id > ${after}::uuid
            and (${statuses}::json is null or s.status in (select value from json_array_elements_text(${statuses}::json)))
          order by m.subscriber_id
          limit ${BATCH}`,
    );
    if (rows.length === 0) return;
    yield stringify(
      rows.map((r) => [
        r.email,
        r.first_name ?? '',
        r.last_name ?? '',
        r.salutation,
        r.language,
        r.topics ?? '',
        r.status,
        toOptionalInstant(r.requested_at) ?? '',
        toOptionalInstant(r.confirmed_at) ?? '',
        r.confirmed_at === null ? '' : (r.consent_text_version ?? ''),
      ]),
      { delimiter: options.delimiter },
    );
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
