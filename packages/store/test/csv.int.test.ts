import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/database';
import type { ImportProgress, Store } from '../src/index';
import { migrate, readMigrations } from '../src/migrate';
import { BACKENDS, useTestStore } from './backends';
import { CONSENT, seedRegion, subscribe, uniqueRegion } from './fixtures';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe.each(BACKENDS)('CSV import and export on $name', (backend) => {
  let store: Store;
  useTestStore(backend, (opened) => {
    ({ store } = opened);
  });

  async function region() {
    const id = uniqueRegion('import');
    await seedRegion(store, id);
    return id;
  }

  it('reports every row by line and never activates without consent evidence', async () => {
    const regionId = await region();
    const left = await subscribe(store, regionId, 'left@example.org');
    await store.optIn.unsubscribe(store.optIn.createUnsubscribeToken(left));
    await store.suppressions.add({
      regionId,
      email: 'bounce@example.org',
      reason: 'hard-bounce',
      actor: 'staff:anna',
    });
    const already = await subscribe(store, regionId, 'already@example.org');
    const pendingFromForm = await store.optIn.request({
      regionId,
      email: 'form@example.org',
      listId: 'newsletter',
      ...CONSENT,
    });
    const file = [
      '\uFEFFE-Mail;Vorname;Nachname;Anrede;Themen;Angemeldet am;Bestätigt am',
      'anna@example.org;Anna;Alt;Frau;fachkraefte, tourismus;01.03.2024 10:00;01.03.2024 10:15',
      'bernd@example.org;Bernd;;Herr;;;',
      'kein-at-zeichen;;;;;;',
      '"ANNA@example.org ";;;;;;',
      'carla@example.org;;;;segeln;;',
      'dora@example.org;;;Dr.;;;',
      '',
      'bounce@example.org;;;;;;',
      'left@example.org;;;;;;',
      'already@example.org;Alma;;;regionalbudget;;',
      'form@example.org;Fritz;;;;2024-03-01T09:00:00Z;2024-03-02T09:00:00Z',
      'eva@example.org;;;;;;01.03.2030 10:00',
    ].join('\r\n');
    const report = await store.subscribers.importCsv(file, {
      regionId,
      listId: 'newsletter',
      actor: 'staff:anna',
      fileName: 'kontakte.csv',
      ...CONSENT,
    });
    expect(report.results).toEqual([
      { line: 2, email: 'anna@example.org', outcome: 'imported', status: 'active' },
      { line: 3, email: 'bernd@example.org', outcome: 'imported', status: 'pending' },
      {
        line: 4,
        email: 'kein-at-zeichen',
        outcome: 'skipped',
        reason: 'invalid-address',
        message: 'email: expected an e-mail address, got "kein-at-zeichen"',
      },
      {
        line: 5,
        email: 'anna@example.org',
        outcome: 'skipped',
        reason: 'duplicate-in-file',
        message: 'same address as line 2',
      },
      {
        line: 6,
        email: 'carla@example.org',
        outcome: 'skipped',
        reason: 'unknown-topic',
        message: 'topics: unknown topic "segeln"; known: fachkraefte, regionalbudget, tourismus',
      },
      {
        line: 7,
        email: 'dora@example.org',
        outcome: 'skipped',
        reason: 'invalid-value',
        message: 'salutation: expected Frau, Herr, divers or none, got "Dr."',
      },
      {
        line: 9,
        email: 'bounce@example.org',
        outcome: 'skipped',
        reason: 'suppressed',
        message: 'on the suppression list (hard-bounce)',
      },
      {
        line: 10,
        email: 'left@example.org',
        outcome: 'skipped',
        reason: 'withdrawn',
        message: 'unsubscribed earlier; only a new sign-up by the person can add them again',
      },
      { line: 11, email: 'already@example.org', outcome: 'updated', status: 'active' },
      { line: 12, email: 'form@example.org', outcome: 'updated', status: 'active' },
      {
        line: 13,
        email: 'eva@example.org',
        outcome: 'skipped',
        reason: 'invalid-value',
        message: 'confirmed_at: expected a time in the past, got "01.03.2030 10:00"',
      },
    ]);
    expect(report).toMatchObject({ rows: 11, imported: 2, updated: 2, skipped: 7, active: 3, pending: 1 });

    const anna = await store.subscribers.findByEmail(regionId, 'anna@example.org');
    expect(anna).toMatchObject({
      status: 'active',
      firstName: 'Anna',
      lastName: 'Alt',
      salutation: 'frau',
      listIds: ['newsletter'],
      topics: ['fachkraefte', 'tourismus'],
    });
    const annaLog = await store.consent.history(anna!.id);
    expect(annaLog).toMatchObject([
      {
        action: 'requested',
        source: 'import',
        at: '2024-03-01T09:00:00.000Z',
        consentTextVersion: '2026-01',
      },
      { action: 'confirmed', source: 'import', at: '2024-03-01T09:15:00.000Z', requestId: annaLog[0]?.id },
    ]);
    expect(await store.subscribers.findByEmail(regionId, 'bernd@example.org')).toMatchObject({
      status: 'pending',
    });
    expect(await store.subscribers.get(already)).toMatchObject({
      firstName: 'Alma',
      topics: ['regionalbudget'],
    });
    expect(await store.subscribers.get(pendingFromForm.subscriberId)).toMatchObject({
      status: 'active',
      firstName: 'Fritz',
    });
    expect(await store.subscribers.findByEmail(regionId, 'carla@example.org')).toBeUndefined();
    expect(await store.audience.count(regionId, { listId: 'newsletter' })).toBe(3);
    const [audit] = await store.audit.list({ regionId, action: 'subscribers.imported' });
    expect(audit).toMatchObject({
      actor: 'staff:anna',
      target: `list:${regionId}/newsletter`,
      details: { fileName: 'kontakte.csv', rows: 11, imported: 2, updated: 2, skipped: 7 },
    });
  });

  it('asks an active subscriber of another list to confirm this one', async () => {
    const regionId = await region();
    const id = await subscribe(store, regionId, 'jana@example.org', { listId: 'presse' });
    const report = await store.subscribers.importCsv('email\njana@example.org\n', {
      regionId,
      listId: 'newsletter',
      actor: 'staff:anna',
    });
    expect(report.results).toEqual([
      {
        line: 2,
        email: 'jana@example.org',
        outcome: 'updated',
        status: 'pending',
        message: 'already active on another list; needs a confirmation for this list',
      },
    ]);
    expect((await store.subscribers.get(id))?.listIds).toEqual(['presse']);
    const token = await store.optIn.createConfirmToken(id);
    await store.optIn.confirm(token);
    expect((await store.subscribers.get(id))?.listIds).toEqual(['newsletter', 'presse']);
  });

  it('rolls back on a bad header, a broken file or a failing callback, writing nothing', async () => {
    const regionId = await region();
    const options = { regionId, listId: 'newsletter', actor: 'staff:anna' };
    await expect(
      store.subscribers.importCsv('mail,vorname,geburtstag\nx@example.org,X,1.1.1990\n', options),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('CSV header (line 1): unknown column "geburtstag" (column 3)'),
    });
    await expect(store.subscribers.importCsv('vorname\nX\n', options)).rejects.toThrow(
      /missing column "email"/,
    );
    await expect(store.subscribers.importCsv('', options)).rejects.toThrow(/the file is empty/);
    const rows = Array.from({ length: 30 }, (_, i) => `user${i}@example.org,User ${i}`);
    await expect(
      store.subscribers.importCsv(['email,first_name', ...rows, '"broken@example.org,Unclosed'].join('\n'), {
        ...options,
        batchSize: 10,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^CSV: Quote Not Closed.*line 32/),
    });
    const seen: ImportProgress[] = [];
    await expect(
      store.subscribers.importCsv(['email,first_name', ...rows].join('\n'), {
        ...options,
        batchSize: 10,
        onProgress: (p) => {
          seen.push(p);
          if (seen.length === 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(seen.map((p) => p.imported)).toEqual([10, 20]);
    await expect(
      store.subscribers.importCsv(Buffer.from('email,first_name\nj@example.org,Jürgen\n', 'latin1'), options),
    ).rejects.toThrow(
      'the file is not valid utf-8; save it as "CSV UTF-8" or import it with encoding "windows-1252"',
    );
    expect(await store.subscribers.countByStatus(regionId)).toMatchObject({ pending: 0, active: 0 });
    expect(await store.audit.list({ regionId, action: 'subscribers.imported' })).toEqual([]);

    const latin1 = await store.subscribers.importCsv(
      Readable.from([
        Buffer.from('email;first_name\nj@example.org;J', 'latin1'),
        Buffer.from('ürgen\n', 'latin1'),
      ]),
      { ...options, encoding: 'windows-1252' },
    );
    expect(latin1.imported).toBe(1);
    expect(await store.subscribers.findByEmail(regionId, 'j@example.org')).toMatchObject({
      firstName: 'Jürgen',
    });
  });

  it('exports a list in the columns it imports, so an export can be imported again', async () => {
    const regionId = await region();
    await store.subscribers.importCsv(
      [
        'email,first_name,topics,requested_at,confirmed_at',
        'a@example.org,"Müller, Anna",fachkraefte;tourismus,2024-03-01T09:00:00Z,2024-03-01T09:05:00Z',
        'b@example.org,Bernd,,,',
        'c@example.org,"Carla ""Cici"" {Back\\slash}, NULL",,,',
      ].join('\n'),
      { regionId, listId: 'newsletter', actor: 'staff:anna', ...CONSENT },
    );
    expect((await store.subscribers.findByEmail(regionId, 'c@example.org'))?.firstName).toBe(
      'Carla "Cici" {Back\\slash}, NULL',
    );
    const csv = await text(
      store.subscribers.exportCsv({ regionId, listId: 'newsletter', actor: 'staff:ben' }),
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'email,first_name,last_name,salutation,language,topics,status,requested_at,confirmed_at,consent_text_version',
    );
    expect(lines.slice(1).sort()).toEqual([
      'a@example.org,"Müller, Anna",,none,de,fachkraefte;tourismus,active,2024-03-01T09:00:00.000Z,2024-03-01T09:05:00.000Z,2026-01',
      expect.stringMatching(
        /^b@example\.org,Bernd,,none,de,,pending,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,,$/,
      ),
      expect.stringMatching(/^c@example\.org,"Carla ""Cici"" \{Back\\slash\}, NULL",,none,de,,pending,/),
    ]);
    const active = await text(
      store.subscribers.exportCsv({
        regionId,
        listId: 'newsletter',
        actor: 'staff:ben',
        statuses: ['active'],
        bom: false,
        delimiter: ';',
      }),
    );
    expect(active.split('\n').filter((l) => l !== '')).toHaveLength(2);

    const report = await store.subscribers.importCsv(csv, { regionId, listId: 'presse', actor: 'staff:ben' });
    expect(report.results.map((r) => [r.email, r.outcome, r.status]).sort()).toEqual([
      ['a@example.org', 'updated', 'active'],
      ['b@example.org', 'updated', 'pending'],
      ['c@example.org', 'updated', 'pending'],
    ]);
    expect(await store.audience.count(regionId, { listId: 'presse' })).toBe(1);
    expect((await store.audit.list({ regionId, action: 'list.exported' })).map((e) => e.actor)).toEqual([
      'staff:ben',
      'staff:ben',
    ]);
  });
});

describe.each(BACKENDS)('a failing write during an import on $name', (backend) => {
  it('rolls the whole import back and names the lines', async () => {
    const database = await backend.create();
    try {
      // A trigger that refuses one topic stands in for any write the database refuses mid-import.
      const raw = await connectDatabase(database.target);
      await migrate(raw, await readMigrations());
      await raw.db.execute(
        sql.raw(`create function refuse_topic() returns trigger language plpgsql as $$
        begin raise exception 'topic % refused', new.topic_id; end $$`),
      );
      await raw.db.execute(
        sql.raw(`create trigger refuse_topic before insert on subscriber_topics
        for each row when (new.topic_id = 'tourismus') execute function refuse_topic()`),
      );
      await raw.close();
      const store = await database.open();
      try {
        const regionId = uniqueRegion('failing');
        await seedRegion(store, regionId);
        const rows = Array.from(
          { length: 25 },
          (_, i) => `user${i}@example.org,${i === 22 ? 'tourismus' : 'fachkraefte'}`,
        );
        await expect(
          store.subscribers.importCsv(['email,topics', ...rows].join('\n'), {
            regionId,
            listId: 'newsletter',
            actor: 'staff:anna',
            batchSize: 10,
          }),
        ).rejects.toMatchObject({
          code: 'WRITE_FAILED',
          message: 'import failed writing lines 22–26: topic tourismus refused; nothing was imported',
        });
        expect(await store.subscribers.list(regionId)).toEqual([]);
        expect(await store.audit.list({ regionId })).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });
});
