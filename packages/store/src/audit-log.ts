import { Line, RegionId } from '@regiokit/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, queryRows } from './database';
import { toInstant } from './instant';
import { parseInput } from './parse-input';
import type { StoreContext } from './store-context';

/** Who did something: a staff member (`staff:jane@agency.de`), `worker`, `cli`, … */
export const Actor = Line.max(200);
export type Actor = z.infer<typeof Actor>;

/** A new audit entry. `target` names what was acted on, e.g. `campaign:kielregion/nl-2026-04`; never an address. */
export const AuditInput = z.object({
  actor: Actor,
  action: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, {
    error: (i) => `expected an action such as "campaign.scheduled", got ${JSON.stringify(i.input)}`,
  }),
  regionId: RegionId.optional(),
  target: Line.max(300),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type AuditInput = z.input<typeof AuditInput>;

/** One stored audit entry. */
export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly regionId?: string;
  readonly target: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Filter and page of {@link AuditLog.list}; newest first, `before` is an entry id. */
export interface AuditQuery {
  readonly regionId?: string;
  readonly target?: string;
  readonly actor?: string;
  readonly action?: string;
  readonly before?: number;
  readonly limit?: number;
}

/** The audit log of staff actions: who scheduled, paused, cancelled, imported, erased what, when. */
export interface AuditLog {
  /** Records an action the store does not record itself (e.g. a test mail sent by the web app). */
  record(entry: AuditInput): Promise<AuditEntry>;
  /** Entries, newest first. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  region_id: string | null;
  target: string;
  details: Record<string, unknown>;
}

/** Writes an audit entry in the caller's transaction, so it exists exactly when the action does. */
export async function writeAudit(tx: Executor, entry: AuditInput): Promise<AuditEntry> {
  const e = parseInput(AuditInput, entry, 'audit entry');
  const [row] = await queryRows<AuditRow>(
    tx,
    sql`insert into audit_log (actor, action, region_id, target, details)
        values (${e.actor}, ${e.action}, ${e.regionId ?? null}, ${e.target}, ${JSON.stringify(e.details)}::jsonb)
        returning id, at, actor, action, region_id, target, details`,
  );
  return toAuditEntry(row!);
}

/** Builds the {@link AuditLog}. */
export function createAuditLog(ctx: StoreContext): AuditLog {
  const { db } = ctx.database;
  return {
    record: (entry) => writeAudit(db, entry),
    async list(query = {}) {
      const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
      const rows = await queryRows<AuditRow>(
        db,
        sql`select id, at, actor, action, region_id, target, details from audit_log
            where (${query.regionId ?? null}::text is null or region_id = ${query.regionId ?? null})
              and (${query.target ?? null}::text is null or target = ${query.target ?? null})
              and (${query.actor ?? null}::text is null or actor = ${query.actor ?? null})
              and (${query.action ?? null}::text is null or action = ${query.action ?? null})
              and (${query.before ?? null}::bigint is null or id < ${query.before ?? null})
            order by id desc limit ${limit}`,
      );
      return rows.map(toAuditEntry);
    },
  };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: toInstant(row.at),
    actor: row.actor,
    action: row.action,
    ...(row.region_id === null ? {} : { regionId: row.region_id }),
    target: row.target,
    details: row.details,
  };
}
