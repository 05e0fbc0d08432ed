import {
  type Language,
  Line,
  ListId,
  type MailingList,
  normaliseEmail,
  RegionId,
  type Salutation,
  type SubscriberStatus,
  TimeZone,
} from '@regiokit/core';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Actor, writeAudit } from './audit-log';
import { ensureConsentText } from './consent-log';
import { type CsvSource, readCsvRecords } from './csv-source';
import { type Executor, preparedRowsInTransaction, queryRows, textArray, uuidArray } from './database';
import { parseLocalInstant } from './local-instant';
import { requireList, topicsOfList } from './mailing-lists';
import { parseInput } from './parse-input';
import { textArrayLiteral } from './pg-array';
import type { StoreContext } from './store-context';
import { databaseMessage, StoreError } from './store-error';
import { createUuidV7 } from './uuid-v7';

/** The columns of a subscriber CSV (import and export); `status` is written, never read. */
export const CSV_COLUMNS = [
  'email',
  'first_name',
  'last_name',
  'salutation',
  'language',
  'topics',
  'status',
  'requested_at',
  'confirmed_at',
  'consent_text_version',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

// German headers as staff export them from spreadsheets, after normalising (lower case, umlauts spelled out).
const HEADER_ALIASES: Readonly<Record<string, CsvColumn>> = {
  e_mail: 'email',
  mail: 'email',
  e_mail_adresse: 'email',
  emailadresse: 'email',
  firstname: 'first_name',
  vorname: 'first_name',
  lastname: 'last_name',
  nachname: 'last_name',
  anrede: 'salutation',
  sprache: 'language',
  themen: 'topics',
  angemeldet_am: 'requested_at',
  bestaetigt_am: 'confirmed_at',
  einwilligungstext_version: 'consent_text_version',
};

/** Options of a subscriber import. */
export const ImportOptions = z
  .object({
    regionId: RegionId,
    listId: ListId,
    /** Who imports (audited). */
    actor: Actor,
    /** Consent text the rows' evidence refers to, registered under `consentTextVersion` if new. */
    consentText: z.string().trim().min(1).optional(),
    /** Version for rows without a `consent_text_version` column value. */
    consentTextVersion: Line.max(50).optional(),
    delimiter: z.enum([',', ';', '\t', 'auto']).default('auto'),
    encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8'),
    /** Time zone of dates written without an offset (`01.03.2024 10:15`). */
    timeZone: TimeZone.default('Europe/Berlin'),
    /** Rows written per statement. */
    batchSize: z.int().min(1).max(10_000).default(1000),
    /** Shown in the audit log. */
    fileName: Line.max(300).optional(),
  })
  .refine((o) => o.consentText === undefined || o.consentTextVersion !== undefined, {
    path: ['consentTextVersion'],
    error: 'expected a version for the consent text',
  });
export type ImportOptions = z.input<typeof ImportOptions> & {
  /** Called after each batch. */
  onProgress?: (progress: ImportProgress) => void;
};

/** Why a row was not imported. */
export const SkipReason = z.enum([
  'invalid-address',
  'duplicate-in-file',
  'suppressed',
  'unknown-topic',
  'invalid-value',
  'withdrawn',
]);
export type SkipReason = z.infer<typeof SkipReason>;

/** What happened to one row. `status` is the row's consent state for the list. */
export interface ImportRowResult {
  readonly line: number;
  readonly email?: string;
  readonly outcome: 'imported' | 'updated' | 'skipped';
  readonly status?: 'active' | 'pending';
  readonly reason?: SkipReason;
  readonly message?: string;
}

/** Counts so far, after each batch. */
export interface ImportProgress {
  readonly rows: number;
  readonly imported: number;
  readonly updated: number;
  readonly skipped: number;
}

/** The report of an import: counts and one result per data row, by line. */
export interface ImportReport extends ImportProgress {
  /** Rows with consent evidence, now active on the list. */
  readonly active: number;
  /** Rows that need a confirmation (double opt-in) first. */
  readonly pending: number;
  readonly results: ImportRowResult[];
}

interface PreparedRow {
  line: number;
  email: string;
  hash: string;
  firstName?: string;
  lastName?: string;
  salutation?: Salutation;
  language?: Language;
  topics: string[];
  requestedAt?: string;
  confirmedAt?: string;
  version?: string;
  evidence: boolean;
}

interface Plan {
  row: PreparedRow;
  id: string;
  activate: boolean;
  addToList: boolean;
  logRequest: boolean;
  status: 'active' | 'pending';
  message?: string;
}

/**
 * Imports subscribers from CSV into a list in ONE transaction: a bad header, a broken file or a
 * failing write leaves nothing behind. Rows are streamed and written in batches. A row becomes
 * `active` only with consent evidence (`confirmed_at` plus a known consent text version);
 * without it, it is `pending` and needs a confirmation. Suppressed and unsubscribed addresses are
 * never re-added.
 */
export async function importSubscribersCsv(
  ctx: StoreContext,
  source: CsvSource,
  input: ImportOptions,
): Promise<ImportReport> {
  const options = parseInput(ImportOptions, input, 'import options');
  return ctx.database.transaction(async (tx) => {
    const list = await requireList(tx, options.regionId, options.listId);
    const allowedTopics = await topicsOfList(tx, list);
    if (options.consentTextVersion !== undefined) {
      await ensureConsentText(
        tx,
        options.regionId,
        options.consentTextVersion,
        options.consentText,
        'import options',
      );
    }
    const versions = new Set(
      (
        await queryRows<{ version: string }>(
          tx,
          sql`select version from consent_texts where region_id = ${options.regionId}`,
        )
      ).map((r) => r.version),
    );
    const results: ImportRowResult[] = [];
    const counts = { rows: 0, imported: 0, updated: 0, skipped: 0, active: 0, pending: 0 };
    const firstLine = new Map<string, number>();
    let columns: Map<CsvColumn, number> | undefined;
    let batch: PreparedRow[] = [];

    const record = (result: ImportRowResult) => {
      results.push(result);
      if (result.outcome === 'skipped') counts.skipped += 1;
      else {
        counts[result.outcome] += 1;
        counts[result.status ?? 'pending'] += 1;
      }
    };
    const write = async (prepared: PreparedBatch) => {
      const { rows } = prepared;
      let written: ImportRowResult[];
      try {
        written = await writeBatch(tx, options.regionId, list, prepared);
      } catch (error) {
        throw new StoreError(
          'WRITE_FAILED',
          `import failed writing lines ${rows[0]?.line}–${rows[rows.length - 1]?.line}: ${databaseMessage(error)}; nothing was imported`,
          { cause: error },
        );
      }
      for (const result of written) record(result);
      input.onProgress?.({
        rows: counts.rows,
        imported: counts.imported,
        updated: counts.updated,
        skipped: counts.skipped,
      });
    };
    // One batch is written while the next is parsed and its statement built, so that the
    // database gets the next statement as soon as it is done with one; the statements still
    // run one after another.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const rows = batch;
      batch = [];
      const prepared = rows.length === 0 ? undefined : prepareBatch(options.regionId, list, rows);
      await writing;
      writing = prepared === undefined ? Promise.resolve() : write(prepared);
      writing.catch(() => undefined);
    };

    try {
      for await (const { fields, line } of readCsvRecords(source, options)) {
        if (columns === undefined) {
          columns = readHeader(fields);
          continue;
        }
        counts.rows += 1;
        const prepared = prepareRow(
          ctx,
          fields,
          line,
          columns,
          options.timeZone,
          allowedTopics,
          versions,
          options,
        );
        if ('outcome' in prepared) {
          record(prepared);
          continue;
        }
        const earlier = firstLine.get(prepared.email);
        if (earlier !== undefined) {
          record({
            line,
            email: prepared.email,
            outcome: 'skipped',
            reason: 'duplicate-in-file',
            message: `same address as line ${earlier}`,
          });
          continue;
        }
        firstLine.set(prepared.email, line);
        batch.push(prepared);
        if (batch.length >= options.batchSize) await flush();
      }
      if (columns === undefined)
        throw new StoreError('INVALID_INPUT', 'CSV: the file is empty; expected a header line');
      await flush();
      await writing;
    } finally {
      await writing.catch(() => undefined);
    }
    results.sort((a, b) => a.line - b.line);
    await writeAudit(tx, {
      actor: options.actor,
      action: 'subscribers.imported',
      regionId: options.regionId,
      target: `list:${options.regionId}/${options.listId}`,
      details: { ...counts, ...(options.fileName === undefined ? {} : { fileName: options.fileName }) },
    });
    return { ...counts, results };
  });
}

function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Maps header cells to columns; unknown, duplicate or missing required columns are errors. */
function readHeader(cells: string[]): Map<CsvColumn, number> {
  const columns = new Map<CsvColumn, number>();
  const problems: string[] = [];
  cells.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    const column = (CSV_COLUMNS as readonly string[]).includes(name)
      ? (name as CsvColumn)
      : HEADER_ALIASES[name];
    if (column === undefined) problems.push(`unknown column "${cell}" (column ${index + 1})`);
    else if (columns.has(column)) problems.push(`column "${cell}" (column ${index + 1}) repeats ${column}`);
    else columns.set(column, index);
  });
  if (!columns.has('email')) problems.push('missing column "email"');
  if (problems.length > 0) {
    throw new StoreError(
      'INVALID_INPUT',
      `CSV header (line 1): ${problems.join('; ')}. Known columns: ${CSV_COLUMNS.join(', ')}`,
    );
  }
  return columns;
}

const NAME = Line.max(100);
const LINE_BREAK = /[\r\n]/;

/** A name as `NAME` reads it; the schema itself runs only for the rare bad value, for its message. */
function readName(value: string): string | { message: string } {
  const name = value.trim();
  if (name.length >= 1 && name.length <= 100 && !LINE_BREAK.test(name)) return name;
  const parsed = NAME.safeParse(value);
  return parsed.success ? parsed.data : { message: parsed.error.issues[0]?.message ?? 'invalid' };
}

const SALUTATIONS: Readonly<Record<string, Salutation>> = {
  frau: 'frau',
  herr: 'herr',
  divers: 'divers',
  none: 'none',
  keine: 'none',
};
const LANGUAGES: Readonly<Record<string, Language>> = {
  de: 'de',
  deutsch: 'de',
  en: 'en',
  englisch: 'en',
  english: 'en',
};

const TOPIC_SEPARATOR = /[,;|]/;

/** The distinct topics of a cell such as `fachkraefte, tourismus` (also separated by `;` or `|`). */
function readTopics(cell: string): string[] {
  if (!TOPIC_SEPARATOR.test(cell)) {
    const topic = cell.trim();
    return topic === '' ? [] : [topic];
  }
  return [
    ...new Set(
      cell
        .split(TOPIC_SEPARATOR)
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}

/** A cell, or undefined when the column is missing or the cell empty. */
function cell(fields: readonly string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const value = fields[index];
  return value === '' ? undefined : value;
}

function invalidValue(line: number, email: string, column: CsvColumn, message: string): ImportRowResult {
  return { line, email, outcome: 'skipped', reason: 'invalid-value', message: `${column}: ${message}` };
}

function prepareRow(
  ctx: StoreContext,
  fields: string[],
  line: number,
  columns: Map<CsvColumn, number>,
  timeZone: string,
  allowedTopics: ReadonlySet<string>,
  versions: ReadonlySet<string>,
  options: { consentTextVersion?: string | undefined },
): PreparedRow | ImportRowResult {
  let nul = -1;
  for (let i = 0; i < fields.length && nul === -1; i++) if (fields[i]!.includes('\u0000')) nul = i;
  if (nul !== -1) {
    return {
      line,
      outcome: 'skipped',
      reason: 'invalid-value',
      message: `column ${nul + 1}: contains a NUL character`,
    };
  }
  const raw = cell(fields, columns.get('email')) ?? '';
  const email = normaliseEmail(raw);
  if (email === undefined) {
    return {
      line,
      ...(raw === '' ? {} : { email: raw }),
      outcome: 'skipped',
      reason: 'invalid-address',
      message: `email: expected an e-mail address, got ${JSON.stringify(raw)}`,
    };
  }
  const row: PreparedRow = { line, email, hash: ctx.hashEmail(email), topics: [], evidence: false };
  for (const column of ['first_name', 'last_name'] as const) {
    const value = cell(fields, columns.get(column));
    if (value === undefined) continue;
    const name = readName(value);
    if (typeof name !== 'string') return invalidValue(line, email, column, name.message);
    row[column === 'first_name' ? 'firstName' : 'lastName'] = name;
  }
  const salutation = cell(fields, columns.get('salutation'));
  if (salutation !== undefined) {
    const value = SALUTATIONS[salutation.toLowerCase()];
    if (value === undefined)
      return invalidValue(
        line,
        email,
        'salutation',
        `expected Frau, Herr, divers or none, got ${JSON.stringify(salutation)}`,
      );
    row.salutation = value;
  }
  const language = cell(fields, columns.get('language'));
  if (language !== undefined) {
    const value = LANGUAGES[language.toLowerCase()];
    if (value === undefined)
      return invalidValue(line, email, 'language', `expected de or en, got ${JSON.stringify(language)}`);
    row.language = value;
  }
  const topics = cell(fields, columns.get('topics'));
  if (topics !== undefined) {
    row.topics = readTopics(topics);
    const unknown = row.topics.filter((t) => !allowedTopics.has(t));
    if (unknown.length > 0) {
      return {
        line,
        email,
        outcome: 'skipped',
        reason: 'unknown-topic',
        message: `topics: unknown topic ${unknown.map((t) => `"${t}"`).join(', ')}; known: ${[...allowedTopics].sort().join(', ')}`,
      };
    }
  }
  const now = ctx.clock().getTime();
  for (const column of ['requested_at', 'confirmed_at'] as const) {
    const value = cell(fields, columns.get(column));
    if (value === undefined) continue;
    const at = parseLocalInstant(value, timeZone);
    if (at === undefined)
      return invalidValue(
        line,
        email,
        column,
        `expected a date and time such as 01.03.2024 10:15, got ${JSON.stringify(value)}`,
      );
    if (at.getTime() > now)
      return invalidValue(line, email, column, `expected a time in the past, got ${JSON.stringify(value)}`);
    row[column === 'requested_at' ? 'requestedAt' : 'confirmedAt'] = at.toISOString();
  }
  if (row.requestedAt !== undefined && row.confirmedAt !== undefined && row.requestedAt > row.confirmedAt) {
    return invalidValue(
      line,
      email,
      'confirmed_at',
      'expected the confirmation after the request (requested_at)',
    );
  }
  const version = cell(fields, columns.get('consent_text_version')) ?? options.consentTextVersion;
  if (version !== undefined) {
    if (!versions.has(version)) {
      return invalidValue(
        line,
        email,
        'consent_text_version',
        `unknown version ${JSON.stringify(version)}; register its text first`,
      );
    }
    row.version = version;
  }
  row.evidence = row.confirmedAt !== undefined && row.version !== undefined;
  return row;
}

/** A batch and the statement that inserts its new addresses, built ahead of writing. */
interface PreparedBatch {
  readonly rows: readonly PreparedRow[];
  readonly insert: SQL;
}

/**
 * Writes one batch. New addresses, the usual case, take one statement; addresses already in the
 * region take a handful more, set-based too, whatever the batch size.
 */
async function writeBatch(
  tx: Executor,
  regionId: string,
  list: MailingList,
  { rows, insert }: PreparedBatch,
): Promise<ImportRowResult[]> {
  const results: ImportRowResult[] = [];
  const leftOver = await preparedRowsInTransaction<{ i: number; reason: string | null }>(tx, insert);
  const candidates: PreparedRow[] = [];
  let next = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const left = leftOver[next];
    if (left === undefined || left.i !== i + 1) {
      results.push({
        line: row.line,
        email: row.email,
        outcome: 'imported',
        status: row.evidence ? 'active' : 'pending',
      });
      continue;
    }
    next += 1;
    if (left.reason === null) candidates.push(row);
    else {
      results.push({
        line: row.line,
        email: row.email,
        outcome: 'skipped',
        reason: 'suppressed',
        message:
          left.reason === 'erased'
            ? 'erased on request; only a new sign-up by its owner can add it again'
            : `on the suppression list (${left.reason})`,
      });
    }
  }
  if (candidates.length === 0) return results;
  return results.concat(await updateKnownRows(tx, regionId, list, candidates));
}

/**
 * The statement for the new addresses of a batch: leaves out suppressed ones, inserts the others
 * unless the address exists (the unique index tells), and adds what was inserted to the list
 * with its topics and its consent log: the request and, where the file proves it, the
 * confirmation, numbered after the requests and pointing at its own. Rows travel as one array
 * per column (`unnest`). It returns the rows it did not insert, by position from 1, with the
 * suppression reason, or null for an address that exists.
 */
function prepareBatch(regionId: string, list: MailingList, rows: readonly PreparedRow[]): PreparedBatch {
  const ids = rows.map(() => createUuidV7());
  // A column without any value travels as an empty array: unnest pads it with nulls.
  const column = (value: (row: PreparedRow) => string | null | undefined) => {
    const values = rows.map(value);
    return textArrayLiteral(values.some((v) => v !== null && v !== undefined) ? values : []);
  };
  const listId = list.id;
  const insert = sql`with x as materialized (
        select u.id::uuid as id, u.email, u.email_hash, u.first_name, u.last_name, u.salutation, u.language,
          u.topics::jsonb as topics, u.version, u.requested_at::timestamptz as requested_at,
          u.confirmed_at::timestamptz as confirmed_at, u.i
        from unnest(${textArrayLiteral(ids)}::text[], ${column((r) => r.email)}::text[], ${column((r) => r.hash)}::text[],
          ${column((r) => r.firstName ?? null)}::text[], ${column((r) => r.lastName ?? null)}::text[],
          ${column((r) => r.salutation ?? null)}::text[], ${column((r) => r.language ?? null)}::text[],
          ${column((r) => JSON.stringify(r.topics))}::text[],
          ${column((r) => r.version ?? null)}::text[], ${column((r) => r.requestedAt ?? r.confirmedAt ?? null)}::text[],
          ${column((r) => (r.evidence ? r.confirmedAt : null))}::text[])
          with ordinality as u(id, email, email_hash, first_name, last_name, salutation, language, topics,
            version, requested_at, confirmed_at, i)
      ),
      suppressed as materialized (
        -- one index probe per row: "email_hash = any(array)" sorts the array first, on every batch
        select s.email_hash, s.reason from x join suppressions s on s.region_id = ${regionId} and s.email_hash = x.email_hash
      ),
      inserted as (
        insert into subscribers (id, region_id, email, email_hash, first_name, last_name, salutation, language, status)
        select x.id, ${regionId}, x.email, x.email_hash, x.first_name, x.last_name, coalesce(x.salutation, 'none'),
          coalesce(x.language, ${list.language}),
          -- consent evidence (a confirmation and a known text version) makes the address active
          case when x.confirmed_at is null then 'pending' else 'active' end
        from x where not exists (select 1 from suppressed s where s.email_hash = x.email_hash)
        on conflict (region_id, email) do nothing
        returning id
      ),
      fresh as materialized (select x.* from x join inserted using (id)),
      listed as (
        insert into subscriber_lists (region_id, list_id, subscriber_id) select ${regionId}, ${listId}, id from fresh
      ),
      chosen as (
        insert into subscriber_topics (subscriber_id, region_id, topic_id)
        select fresh.id, ${regionId}, t.topic from fresh cross join jsonb_array_elements_text(fresh.topics) as t(topic)
      ),
      requested as materialized (
        select fresh.*, nextval('consent_log_id_seq'::regclass) as request_id from fresh
      ),
      logged as (
        insert into consent_log (id, subscriber_id, region_id, email, action, source, list_id, topics,
          consent_text_version, at, request_id)
        overriding system value
        select request_id, id, ${regionId}, email, 'requested', 'import', ${listId}, topics, version,
          coalesce(requested_at, now()), null
        from requested
        union all
        select nextval('consent_log_id_seq'::regclass), id, ${regionId}, email, 'confirmed', 'import', ${listId}, topics,
          version, confirmed_at, request_id
        from requested where confirmed_at is not null
      )
      select x.i::int as i, s.reason from x left join suppressed s using (email_hash)
      where not exists (select 1 from inserted where inserted.id = x.id)
      order by x.i`;
  return { rows, insert };
}

/** Decides and writes the rows of a batch whose address exists in the region already. */
async function updateKnownRows(
  tx: Executor,
  regionId: string,
  list: MailingList,
  candidates: PreparedRow[],
): Promise<ImportRowResult[]> {
  const listId = list.id;
  const results: ImportRowResult[] = [];
  const existing = new Map(
    (
      await queryRows<{ id: string; email: string; status: SubscriberStatus; on_list: boolean }>(
        tx,
        sql`select s.id, s.email, s.status,
              exists (select 1 from subscriber_lists l
                      where l.region_id = s.region_id and l.list_id = ${listId} and l.subscriber_id = s.id) as on_list
            from subscribers s
            where s.region_id = ${regionId} and s.email = any(${textArray(candidates.map((r) => r.email))})`,
      )
    ).map((r) => [r.email, r]),
  );

  const plans: Plan[] = [];
  for (const row of candidates) {
    const skip = (reason: SkipReason, message: string) =>
      results.push({ line: row.line, email: row.email, outcome: 'skipped', reason, message });
    const current = existing.get(row.email);
    if (current === undefined) {
      throw new Error(`the address of line ${row.line} was neither inserted nor found`);
    } else if (current.status === 'unsubscribed') {
      skip('withdrawn', 'unsubscribed earlier; only a new sign-up by the person can add them again');
    } else if (current.status === 'bounced' || current.status === 'complained') {
      skip('suppressed', `subscriber is ${current.status}`);
    } else if (current.status === 'active' && current.on_list) {
      plans.push({
        row,
        id: current.id,
        activate: false,
        addToList: false,
        logRequest: false,
        status: 'active',
      });
    } else if (current.status === 'active' && !row.evidence) {
      // Active on another list: this list needs its own confirmation before anything is sent.
      plans.push({
        row,
        id: current.id,
        activate: false,
        addToList: false,
        logRequest: true,
        status: 'pending',
        message: 'already active on another list; needs a confirmation for this list',
      });
    } else {
      plans.push({
        row,
        id: current.id,
        activate: row.evidence && current.status === 'pending',
        addToList: true,
        logRequest: true,
        status: row.evidence ? 'active' : 'pending',
      });
    }
  }
  if (plans.length === 0) return results;

  const json = (value: unknown) => JSON.stringify(value);
  await tx.execute(sql`update subscribers s set
        first_name = coalesce(x.first_name, s.first_name), last_name = coalesce(x.last_name, s.last_name),
        salutation = coalesce(x.salutation, s.salutation), language = coalesce(x.language, s.language),
        status = case when x.activate then 'active' else s.status end, updated_at = now()
      from json_to_recordset(${json(
        plans.map((p) => ({
          id: p.id,
          first_name: p.row.firstName ?? null,
          last_name: p.row.lastName ?? null,
          salutation: p.row.salutation ?? null,
          language: p.row.language ?? null,
          activate: p.activate,
        })),
      )}::json) as x(id uuid, first_name text, last_name text, salutation text, language text, activate boolean)
      where s.id = x.id and s.id = any(${uuidArray(plans.map((p) => p.id))})`);
  const joining = plans.filter((p) => p.addToList);
  if (joining.length > 0) {
    await tx.execute(sql`insert into subscriber_lists (region_id, list_id, subscriber_id)
      select ${regionId}, ${listId}, value::uuid from json_array_elements_text(${json(joining.map((p) => p.id))}::json)
      on conflict do nothing`);
  }
  const topics = plans.flatMap((p) =>
    p.row.topics.map((topic) => ({ subscriber_id: p.id, topic_id: topic })),
  );
  if (topics.length > 0) {
    await tx.execute(sql`insert into subscriber_topics (subscriber_id, region_id, topic_id)
      select x.subscriber_id, ${regionId}, x.topic_id
      from json_to_recordset(${json(topics)}::json) as x(subscriber_id uuid, topic_id text)
      on conflict do nothing`);
  }
  const requests = plans.filter((p) => p.logRequest);
  if (requests.length > 0) {
    // One statement logs each request and, where the file proves it, its confirmation.
    await tx.execute(sql`with x as (
        select * from json_to_recordset(${json(
          requests.map((p) => ({
            subscriber_id: p.id,
            email: p.row.email,
            topics: p.row.topics,
            version: p.row.version ?? null,
            requested_at: p.row.requestedAt ?? p.row.confirmedAt ?? null,
            confirmed_at: p.row.evidence ? p.row.confirmedAt : null,
          })),
        )}::json) as x(subscriber_id uuid, email text, topics jsonb, version text, requested_at timestamptz,
          confirmed_at timestamptz)
      ),
      requested as (
        insert into consent_log (subscriber_id, region_id, email, action, source, list_id, topics, consent_text_version, at)
        select subscriber_id, ${regionId}, email, 'requested', 'import', ${listId}, topics, version, coalesce(requested_at, now())
        from x
        returning id, subscriber_id
      )
      insert into consent_log (subscriber_id, region_id, email, action, source, list_id, topics, consent_text_version,
        at, request_id)
      select x.subscriber_id, ${regionId}, x.email, 'confirmed', 'import', ${listId}, x.topics, x.version, x.confirmed_at,
        requested.id
      from x join requested on requested.subscriber_id = x.subscriber_id
      where x.confirmed_at is not null`);
  }
  for (const p of plans) {
    results.push({
      line: p.row.line,
      email: p.row.email,
      outcome: 'updated',
      status: p.status,
      ...(p.message === undefined ? {} : { message: p.message }),
    });
  }
  return results;
}
