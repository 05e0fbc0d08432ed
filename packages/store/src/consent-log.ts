import { type ConsentAction, ConsentRecord, type ConsentSource } from '@regiokit/core';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows, uuidArray } from './database';
import { toInstant } from './instant';
import { invalidInput } from './parse-input';
import type { StoreContext } from './store-context';
import { StoreError } from './store-error';
import { parseStored } from './stored-record';

/** One entry of the consent log, as core's `ConsentRecord` plus its id and the request it confirms. */
export type ConsentEntry = ConsentRecord & { readonly id: number; readonly requestId?: number };

/** What the consent log proves for one subscriber, from its latest entries. */
export interface ConsentSummary {
  /** Latest sign-up request. */
  readonly requestedAt?: string;
  /** Latest confirmation (double opt-in) after that request. */
  readonly confirmedAt?: string;
  /** Latest withdrawal, if it is later than the latest confirmation. */
  readonly withdrawnAt?: string;
  readonly source?: ConsentSource;
  readonly consentTextVersion?: string;
}

/** The append-only consent log (Einwilligungsnachweis): read side; entries are written by sign-up, import and unsubscribe. */
export interface ConsentLog {
  /** Every entry for a subscriber, oldest first, with the consent text each refers to. */
  history(subscriberId: string): Promise<ConsentEntry[]>;
  /** Request, confirmation and withdrawal times that prove (or no longer prove) consent. */
  summary(subscriberId: string): Promise<ConsentSummary>;
  /** Registers the text of a consent version once; a different text for a known version is refused. */
  putText(regionId: string, version: string, text: string): Promise<void>;
  /** The text of a consent version. */
  text(regionId: string, version: string): Promise<string | undefined>;
}

/** A new consent log entry (written inside the caller's transaction). */
export interface NewConsentEntry {
  readonly subscriberId: string;
  readonly regionId: string;
  readonly email: string;
  readonly action: ConsentAction;
  readonly source: ConsentSource;
  readonly listId?: string;
  readonly topics?: readonly string[];
  readonly consentTextVersion?: string;
  /** Already protected per the `clientData` option. */
  readonly ip?: string;
  readonly userAgent?: string;
  readonly requestId?: number;
  /** Defaults to now (imports carry the original times). */
  readonly at?: string;
}

/** Appends entries in one statement; returns their ids in order. */
export async function appendConsent(tx: Executor, entries: readonly NewConsentEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`insert into consent_log (subscriber_id, region_id, email, action, source, list_id, topics,
          consent_text_version, ip, user_agent, request_id, at)
        select x.subscriber_id, x.region_id, x.email, x.action, x.source, x.list_id, coalesce(x.topics, '[]'::jsonb),
          x.consent_text_version, x.ip, x.user_agent, x.request_id, coalesce(x.at, now())
        from json_to_recordset(${JSON.stringify(
          entries.map((e) => ({
            subscriber_id: e.subscriberId,
            region_id: e.regionId,
            email: e.email,
            action: e.action,
            source: e.source,
            list_id: e.listId ?? null,
            topics: e.topics ?? [],
            consent_text_version: e.consentTextVersion ?? null,
            ip: e.ip ?? null,
            user_agent: e.userAgent ?? null,
            request_id: e.requestId ?? null,
            at: e.at ?? null,
          })),
        )}::json) as x(subscriber_id uuid, region_id text, email text, action text, source text,
          list_id text, topics jsonb, consent_text_version text, ip text, user_agent text, request_id bigint,
          at timestamptz)
        returning id`,
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Makes sure consent text `version` is known in the region: registers `text` on first use,
 * refuses a different text under a known version, and refuses an unknown version without text.
 */
export async function ensureConsentText(
  tx: Executor,
  regionId: string,
  version: string,
  text: string | undefined,
  what: string,
): Promise<void> {
  if (text !== undefined) {
    await tx.execute(sql`insert into consent_texts (region_id, version, text) values (${regionId}, ${version}, ${text})
      on conflict do nothing`);
  }
  const [row] = await queryRows<{ text: string }>(
    tx,
    sql`select text from consent_texts where region_id = ${regionId} and version = ${version}`,
  );
  if (row === undefined) {
    throw invalidInput(what, [
      {
        path: 'consentTextVersion',
        message: `unknown consent text version "${version}" in region "${regionId}"; give its text (consentText) once`,
      },
    ]);
  }
  if (text !== undefined && row.text !== text) {
    throw new StoreError(
      'CONFLICT',
      `consentTextVersion: version "${version}" is already recorded with a different text; give the changed text a new version`,
    );
  }
}

interface ConsentRow {
  id: number;
  subscriber_id: string;
  region_id: string;
  email: string;
  action: string;
  at: string;
  source: string;
  list_id: string | null;
  topics: string[];
  consent_text_version: string | null;
  consent_text: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: number | null;
}

/** The consent log of some subscribers, oldest first. */
export async function selectConsent(tx: Executor, subscriberIds: readonly string[]): Promise<ConsentEntry[]> {
  const rows = await queryRows<ConsentRow>(
    tx,
    sql`select c.id, c.subscriber_id, c.region_id, c.email, c.action, c.at, c.source, c.list_id, c.topics,
          c.consent_text_version, t.text as consent_text, c.ip, c.user_agent, c.request_id
        from consent_log c
        left join consent_texts t on t.region_id = c.region_id and t.version = c.consent_text_version
        where c.subscriber_id = any(${uuidArray(subscriberIds)})
        order by c.id`,
  );
  return rows.map((row) => {
    const record = parseStored(
      ConsentRecord,
      {
        subscriberId: row.subscriber_id,
        regionId: row.region_id,
        email: row.email,
        action: row.action,
        at: toInstant(row.at),
        source: row.source,
        ...(row.list_id === null ? {} : { listId: row.list_id }),
        topics: row.topics,
        ...(row.consent_text === null ? {} : { consentText: row.consent_text }),
        ...(row.consent_text_version === null ? {} : { consentTextVersion: row.consent_text_version }),
        ...(row.ip === null ? {} : { ip: row.ip }),
        ...(row.user_agent === null ? {} : { userAgent: row.user_agent }),
      },
      `consent entry ${row.id}`,
    );
    return {
      ...record,
      id: Number(row.id),
      ...(row.request_id === null ? {} : { requestId: Number(row.request_id) }),
    };
  });
}

/** Summarises a subscriber's consent entries (oldest first). */
export function summariseConsent(entries: readonly ConsentEntry[]): ConsentSummary {
  let requested: ConsentEntry | undefined;
  let confirmed: ConsentEntry | undefined;
  let withdrawn: ConsentEntry | undefined;
  for (const entry of entries) {
    if (entry.action === 'requested') requested = entry;
    else if (entry.action === 'confirmed') confirmed = entry;
    else if (entry.action === 'withdrawn') withdrawn = entry;
  }
  const version = (confirmed ?? requested)?.consentTextVersion;
  return {
    ...(requested === undefined ? {} : { requestedAt: requested.at, source: requested.source }),
    ...(confirmed === undefined ? {} : { confirmedAt: confirmed.at }),
    ...(withdrawn === undefined || (confirmed !== undefined && confirmed.id > withdrawn.id)
      ? {}
      : { withdrawnAt: withdrawn.at }),
    ...(version === undefined ? {} : { consentTextVersion: version }),
  };
}

/** Builds the {@link ConsentLog}. */
export function createConsentLog(ctx: StoreContext): ConsentLog {
  const { database } = ctx;
  const { db } = database;
  return {
    history: (subscriberId) => selectConsent(db, [subscriberId]),
    async summary(subscriberId) {
      return summariseConsent(await selectConsent(db, [subscriberId]));
    },
    putText: (regionId, version, text) =>
      database.transaction((tx) => ensureConsentText(tx, regionId, version, text, 'consent text')),
    async text(regionId, version) {
      const [row] = await queryRows<{ text: string }>(
        db,
        sql`select text from consent_texts where region_id = ${regionId} and version = ${version}`,
      );
      return row?.text;
    },
  };
}
