import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase, queryRows } from '../src/database';
import { migrate, readMigrations } from '../src/migrate';
import { BACKENDS, type TestDatabase } from './backends';

describe.each(BACKENDS)('migrations on $name', (backend) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await backend.create();
  });
  afterEach(async () => {
    await database.drop();
  });

  async function appliedTags(): Promise<string[]> {
    const db = await connectDatabase(database.target);
    try {
      const rows = await queryRows<{ tag: string }>(
        db.db,
        sql`select tag from regiokit_migrations order by id`,
      );
      return rows.map((r) => r.tag);
    } finally {
      await db.close();
    }
  }

  it('runs every migration on an empty database, once', async () => {
    const all = (await readMigrations()).map((m) => m.tag);
    expect(all.length).toBeGreaterThanOrEqual(2);
    await (await database.open()).close();
    expect(await appliedTags()).toEqual(all);
    await (await database.open()).close();
    expect(await appliedTags()).toEqual(all);
  });

  it('upgrades a database of the previous version and keeps its data', async () => {
    const migrations = await readMigrations();
    const db = await connectDatabase(database.target);
    try {
      expect(await migrate(db, migrations.slice(0, -1))).toEqual(migrations.slice(0, -1).map((m) => m.tag));
      await db.db.execute(sql`insert into mailing_lists (region_id, id, data)
        values ('kielregion', 'newsletter', ${JSON.stringify({ id: 'newsletter', regionId: 'kielregion', kind: 'newsletter', name: 'Newsletter', language: 'de', topics: [] })})`);
      await db.db.execute(sql`insert into subscribers (id, region_id, email, email_hash, status)
        values ('0b8c9a52-5a3e-4a7e-9d1c-2f8f3a1b6c01', 'kielregion', 'jane@example.org', 'h', 'active')`);
    } finally {
      await db.close();
    }
    await (await database.open()).close();
    expect(await appliedTags()).toEqual(migrations.map((m) => m.tag));
    const check = await connectDatabase(database.target);
    try {
      const rows = await queryRows<{ email: string }>(check.db, sql`select email from subscribers`);
      expect(rows).toEqual([{ email: 'jane@example.org' }]);
    } finally {
      await check.close();
    }
  });

  it('gives campaigns sent before 0005 the moment of their audited transition as sentAt', async () => {
    const migrations = await readMigrations();
    const db = await connectDatabase(database.target);
    try {
      await migrate(
        db,
        migrations.filter((m) => m.id < 5),
      );
      for (const [id, status] of [
        ['nl-sent', 'sent'],
        ['nl-unaudited', 'sent'],
        ['nl-draft', 'draft'],
      ]) {
        await db.db.execute(sql`insert into campaigns (region_id, id, name, content, audience, plan, status, updated_at)
          values ('kielregion', ${id}, ${id}, '{}', '{}', '{}', ${status}, '2026-03-02T10:00:00Z')`);
      }
      await db.db.execute(sql`insert into audit_log (actor, action, region_id, target, at)
        values ('worker', 'campaign.sent', 'kielregion', 'campaign:kielregion/nl-sent', '2026-03-01T09:30:00Z')`);
    } finally {
      await db.close();
    }
    await (await database.open()).close();
    const check = await connectDatabase(database.target);
    try {
      const rows = await queryRows<{ id: string; sent: string | null }>(
        check.db,
        sql`select id, to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as sent from campaigns order by id`,
      );
      expect(rows).toEqual([
        { id: 'nl-draft', sent: null },
        { id: 'nl-sent', sent: '2026-03-01 09:30' },
        { id: 'nl-unaudited', sent: '2026-03-02 10:00' },
      ]);
    } finally {
      await check.close();
    }
  });

  it('gives records stored before 0008 a publication state: press releases and mailed issues published', async () => {
    const migrations = await readMigrations();
    expect(migrations.map((m) => m.tag)).toContain('0008_publication_state');
    const db = await connectDatabase(database.target);
    try {
      await migrate(
        db,
        migrations.filter((m) => m.id < 8),
      );
      for (const [kind, id] of [
        ['press-release', 'pm-1'],
        ['newsletter-issue', 'nl-mailed'],
        ['newsletter-issue', 'nl-sending'],
        ['newsletter-issue', 'nl-planned'],
        ['newsletter-issue', 'nl-never'],
        ['article', 'a-1'],
      ]) {
        await db.db.execute(sql`insert into records (kind, region_id, id, data, updated_at)
          values (${kind}, 'kielregion', ${id}, '{}', '2026-03-02T10:00:00Z')`);
      }
      for (const [id, issueId, status, sentAt] of [
        ['c-sent', 'nl-mailed', 'sent', '2026-03-01T09:30:00Z'],
        ['c-again', 'nl-mailed', 'sent', '2026-03-05T09:30:00Z'],
        ['c-sending', 'nl-sending', 'sending', null],
        ['c-planned', 'nl-planned', 'scheduled', null],
        ['c-other-region', 'nl-never', 'sent', '2026-03-01T09:30:00Z'],
      ]) {
        await db.db.execute(sql`insert into campaigns (region_id, id, name, content, audience, plan, status, sent_at)
          values (${id === 'c-other-region' ? 'elsewhere' : 'kielregion'}, ${id}, ${id},
            ${JSON.stringify({ kind: 'newsletter', issueId })}, '{}', '{}', ${status}, ${sentAt})`);
      }
    } finally {
      await db.close();
    }
    await (await database.open()).close();
    const check = await connectDatabase(database.target);
    try {
      const rows = await queryRows<{ id: string; publication: string | null; published: string | null }>(
        check.db,
        sql`select id, publication, to_char(published_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as published
            from records order by id`,
      );
      expect(rows).toEqual([
        { id: 'a-1', publication: null, published: null },
        { id: 'nl-mailed', publication: 'published', published: '2026-03-01 09:30' },
        { id: 'nl-never', publication: 'draft', published: null },
        { id: 'nl-planned', publication: 'draft', published: null },
        { id: 'nl-sending', publication: 'published', published: '2026-03-02 10:00' },
        { id: 'pm-1', publication: 'published', published: '2026-03-02 10:00' },
      ]);
      // a state that is not one, or a state on a kind without one, is refused by the database
      await expect(
        check.db.execute(sql`update records set publication = 'public' where id = 'pm-1'`),
      ).rejects.toThrow();
      await expect(
        check.db.execute(sql`update records set publication = 'draft' where id = 'a-1'`),
      ).rejects.toThrow();
    } finally {
      await check.close();
    }
  });

  it('refuses a database whose applied migration was changed, or which is newer than the code', async () => {
    await (await database.open()).close();
    const db = await connectDatabase(database.target);
    await db.db.execute(sql`update regiokit_migrations set hash = 'changed' where id = 0`);
    await db.close();
    await expect(database.open()).rejects.toThrow(/0000_initial was changed after it was applied/);

    const again = await connectDatabase(database.target);
    const [first] = await readMigrations();
    await again.db.execute(sql`update regiokit_migrations set hash = ${first?.hash} where id = 0`);
    await again.db.execute(
      sql`insert into regiokit_migrations (id, tag, hash) values (999, '0999_future', 'x')`,
    );
    await again.close();
    await expect(database.open()).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringMatching(/0999_future, which this version .* does not know/),
    });
  });

  it('keeps the consent log append-only', async () => {
    await (await database.open()).close();
    const db = await connectDatabase(database.target);
    try {
      await db.db.execute(sql`insert into subscribers (id, region_id, email, email_hash, status)
        values ('0b8c9a52-5a3e-4a7e-9d1c-2f8f3a1b6c01', 'kielregion', 'jane@example.org', 'h', 'pending')`);
      await db.db.execute(sql`insert into consent_log (subscriber_id, region_id, email, action, source)
        values ('0b8c9a52-5a3e-4a7e-9d1c-2f8f3a1b6c01', 'kielregion', 'jane@example.org', 'requested', 'form')`);
      await expect(db.db.execute(sql`update consent_log set source = 'api'`)).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/append-only/) },
      });
    } finally {
      await db.close();
    }
  });
});

describe('schema', () => {
  it('is the same on PGlite and PostgreSQL', async () => {
    const shapes: string[][] = [];
    for (const backend of BACKENDS) {
      const database = await backend.create();
      try {
        await (await database.open()).close();
        const db = await connectDatabase(database.target);
        try {
          const columns = await queryRows<{ d: string }>(
            db.db,
            sql`select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as d
                from information_schema.columns where table_schema = 'public'`,
          );
          const constraints = await queryRows<{ d: string }>(
            db.db,
            sql`select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d
                from pg_constraint where connamespace = 'public'::regnamespace and contype <> 'n'`,
          );
          const indexes = await queryRows<{ d: string }>(
            db.db,
            sql`select indexdef as d from pg_indexes where schemaname = 'public'`,
          );
          shapes.push([...columns, ...constraints, ...indexes].map((r) => r.d).sort());
        } finally {
          await db.close();
        }
      } finally {
        await database.drop();
      }
    }
    expect(shapes[0]?.length).toBeGreaterThan(50);
    expect(shapes[0]).toEqual(shapes[1]);
  });
});
