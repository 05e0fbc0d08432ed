import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createSandbox } from './support/cli';
import { createPostgresDatabase } from './support/databases';

interface ImportJson {
  files: {
    file: string;
    imported: boolean;
    records: { kind: string; id: string; result: string }[];
    problems: { line: number | null; field: string; message: string }[];
  }[];
  summary: {
    files: number;
    failedFiles: number;
    records: number;
    created: number;
    updated: number;
    unchanged: number;
  };
}

const BROKEN_YAML = `record: topic
id: kaputt
  regionId: kielregion
name: Kaputt
items:
  - a
  b: c
`;

const RELEASE = (date: string) => `---
record: press-release
id: pm-test
regionId: kielregion
number: { seq: 1, year: 2026 }
dateline:
  place: Kiel
  date: ${date}
headline: Testmeldung
lead: Ein Vorspann.
boilerplate:
  title: Über die KielRegion
  text: Die KielRegion GmbH.
contact:
  name: Erika Musterfrau
---

Der Text der Meldung.
`;

describe.each([
  ['PGlite', async () => ({ env: {}, drop: async () => undefined })],
  [
    'PostgreSQL',
    async () => {
      const db = await createPostgresDatabase();
      return { env: { DATABASE_URL: db.url }, drop: db.drop };
    },
  ],
])('import, lists and preview on %s', (_backend, createDatabase) => {
  let sandbox: CliSandbox;
  let drop: () => Promise<void>;
  let examples: string;

  beforeAll(async () => {
    const database = await createDatabase();
    drop = database.drop;
    sandbox = await createSandbox(database.env);
    const init = await sandbox.json<{ examples: { dir: string } }>(['init', '--examples']);
    examples = init.body.examples.dir;
  });
  afterAll(async () => {
    await sandbox.cleanup();
    await drop();
  });

  it('imports the example regions, and a second time changes nothing', async () => {
    const first = await sandbox.json<ImportJson>(['import', examples]);
    expect(first.code).toBe(0);
    expect(first.body.summary.failedFiles).toBe(0);
    expect(first.body.summary.created).toBe(first.body.summary.records);
    expect(first.body.summary.records).toBeGreaterThan(20);
    const second = await sandbox.json<ImportJson>(['import', examples]);
    expect(second.code).toBe(0);
    expect(second.body.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: first.body.summary.records,
    });
  });

  it('lists the regions as a table with German numbers and as JSON', async () => {
    const json = await sandbox.json<{ id: string; population: number; members: number }[]>([
      'regions',
      'list',
    ]);
    expect(json.code).toBe(0);
    expect(json.body.map((r) => r.id).sort()).toEqual([
      'kielregion',
      'nordthueringen',
      'region-landshut',
      'thueringer-bogen',
    ]);
    expect(json.body.find((r) => r.id === 'kielregion')).toMatchObject({ members: 3, population: 648970 });
    const table = await sandbox.run(['regions', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('648.970');
    expect(table.stdout).toContain('Schleswig-Holstein');
    const english = await sandbox.run(['regions', 'list'], { env: { LANG: 'en_GB.UTF-8' } });
    expect(english.stdout).toContain('648,970');
    expect(english.stdout).toContain('Population');
  });

  it('keeps a file with broken YAML out, names its line, and imports the other files', async () => {
    const dir = join(sandbox.dataDir, 'content-broken');
    await mkdir(join(dir, 'topics'), { recursive: true });
    await writeFile(join(dir, 'topics', 'kaputt.yaml'), BROKEN_YAML);
    await writeFile(
      join(dir, 'topics', 'heil.yaml'),
      'record: topic\nid: heil\nregionId: kielregion\nname: Heil\n',
    );
    const run = await sandbox.run(['import', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/kaputt\.yaml, Zeile 2–3: Implicit keys need to be on a single line/);
    expect(run.stderr).toMatch(/kaputt\.yaml, Zeile 7: All mapping items must start at the same column/);
    expect(run.stderr).toContain('nichts aus dieser Datei importiert');
    const json = await sandbox.json<ImportJson>(['import', dir]);
    expect(json.code).toBe(1);
    const broken = json.body.files.find((f) => f.file.endsWith('kaputt.yaml'));
    expect(broken).toMatchObject({ imported: false, records: [] });
    expect(broken?.problems).toContainEqual(expect.objectContaining({ line: 2, endLine: 3 }));
    expect(broken?.problems).toContainEqual(expect.objectContaining({ line: 7, endLine: 7 }));
    expect(json.body.files.find((f) => f.file.endsWith('heil.yaml'))).toMatchObject({
      imported: true,
      records: [{ kind: 'topic', id: 'heil', result: 'unchanged' }],
    });
  });

  it('names file, line and field of an invalid value and stores nothing of that file', async () => {
    const dir = join(sandbox.dataDir, 'content-invalid');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'pm-test.md'), RELEASE('2026-13-01'));
    const run = await sandbox.run(['import', join(dir, 'pm-test.md')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pm-test\.md, Zeile 8, Feld dateline\.date: expected an ISO date/);
    const english = await sandbox.run(['import', join(dir, 'pm-test.md'), '--lang', 'en']);
    expect(english.stderr).toMatch(/pm-test\.md, line 8, field dateline\.date: /);
    const preview = await sandbox.run(['preview', 'pm-test']);
    expect(preview.code).toBe(1);
    expect(preview.stderr).toContain('„pm-test“');

    await writeFile(join(dir, 'pm-test.md'), RELEASE('2026-11-01'));
    const fixed = await sandbox.json<ImportJson>(['import', join(dir, 'pm-test.md')]);
    expect(fixed.code).toBe(0);
    expect(fixed.body.summary.created).toBe(1);
  });

  it('checks references: an unknown region, a list with an unknown topic', async () => {
    const dir = join(sandbox.dataDir, 'content-references');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'fremd.yaml'), 'record: topic\nid: x\nregionId: atlantis\nname: X\n');
    await writeFile(
      join(dir, 'liste.yaml'),
      'record: mailing-list\nid: extra\nregionId: kielregion\nkind: newsletter\nname: Extra\ntopics:\n  - mobilitaet\n  - raumfahrt\n',
    );
    const json = await sandbox.json<ImportJson>(['import', dir]);
    expect(json.code).toBe(1);
    const problems = Object.fromEntries(json.body.files.map((f) => [f.file.split('/').pop(), f.problems]));
    expect(problems['fremd.yaml']).toEqual([
      expect.objectContaining({ line: 3, field: 'regionId', message: expect.stringContaining('atlantis') }),
    ]);
    expect(problems['liste.yaml']).toEqual([
      expect.objectContaining({ line: 8, field: 'topics[1]', message: expect.stringContaining('raumfahrt') }),
    ]);
  });

  it('writes each file in one transaction: a refused record leaves nothing of its file', async () => {
    const databaseUrl = sandbox.env.DATABASE_URL;
    if (databaseUrl === undefined) return; // the trigger is installed through the PostgreSQL server
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      await sql.unsafe(`create function refuse_article() returns trigger language plpgsql as $$
        begin raise exception 'article % refused', new.id; end $$`);
      await sql.unsafe(`create trigger refuse_article before insert on records
        for each row when (new.id = 'verweigert') execute function refuse_article()`);
      const dir = join(sandbox.dataDir, 'content-refused');
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, 'paar.yaml'),
        [
          'record: topic\nid: paar-thema\nregionId: kielregion\nname: Paar\n',
          'record: article\nid: verweigert\nregionId: kielregion\ntitle: Verweigert\npublishedOn: 2026-03-02\nteaser: Text.\n',
        ].join('---\n'),
      );
      const run = await sandbox.run(['import', dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('paar.yaml: Speichern fehlgeschlagen, nichts aus dieser Datei importiert');
      expect(run.stderr).toContain('article verweigert refused');
      await sql.unsafe('drop trigger refuse_article on records');
      const again = await sandbox.json<ImportJson>(['import', dir]);
      expect(again.code).toBe(0);
      expect(again.body.files[0]?.records).toEqual([
        expect.objectContaining({ kind: 'topic', id: 'paar-thema', result: 'created' }),
        expect.objectContaining({ kind: 'article', id: 'verweigert', result: 'created' }),
      ]);
    } finally {
      await sql.end();
    }
  });

  it('imports a press release as a draft, publishes it step by step and lists its state', async () => {
    const dir = join(sandbox.dataDir, 'content-publication');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'pm.md'), RELEASE('2026-03-02').replace('id: pm-test', 'id: pm-entwurf'));
    expect((await sandbox.json<ImportJson>(['import', dir])).code).toBe(0);
    const state = async () =>
      (
        await sandbox.json<{ id: string; publication: string }[]>([
          'press-releases',
          'list',
          '--region',
          'kielregion',
        ])
      ).body.find((r) => r.id === 'pm-entwurf')?.publication;
    expect(await state()).toBe('draft');
    const table = await sandbox.run(['press-releases', 'list', '--region', 'kielregion']);
    expect(table.stdout).toContain('Veröffentlichung');
    expect(table.stdout).toMatch(/pm-entwurf.*Entwurf/);

    const early = await sandbox.run(['publish', 'press-release', 'pm-entwurf']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(
      'Pressemitteilung „Testmeldung“ ist Entwurf; „publish“ geht daraus nicht. Möglich: regiokit approve press-release pm-entwurf.',
    );
    expect(await state()).toBe('draft');
    const approved = await sandbox.run(['approve', 'press-release', 'pm-entwurf']);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('Pressemitteilung „Testmeldung“: Entwurf → freigegeben.');
    expect((await sandbox.run(['publish', 'press-release', 'pm-entwurf'])).stdout).toContain(
      'freigegeben → veröffentlicht',
    );
    expect(await state()).toBe('published');
    // imported again unchanged and without a state: still published, nothing to write
    const again = await sandbox.json<ImportJson>(['import', dir]);
    expect(again.body.summary).toMatchObject({ unchanged: 1, updated: 0 });
    expect(await state()).toBe('published');
    expect((await sandbox.run(['unpublish', 'press-release', 'pm-entwurf'])).code).toBe(0);
    expect(await state()).toBe('approved');
    expect((await sandbox.run(['publish', 'press-release', 'pm-entwurf'])).code).toBe(0);
    const withdrawn = await sandbox.json<{ from: string; publication: string }>([
      'withdraw',
      'press-release',
      'pm-entwurf',
    ]);
    expect(withdrawn.body).toMatchObject({ from: 'published', publication: 'withdrawn' });
    // a file that says so sets the state on import
    await writeFile(
      join(dir, 'pm.md'),
      RELEASE('2026-03-02').replace('id: pm-test', 'id: pm-entwurf\npublication: published'),
    );
    expect((await sandbox.json<ImportJson>(['import', dir])).body.summary.updated).toBe(1);
    expect(await state()).toBe('published');
    await writeFile(
      join(dir, 'pm.md'),
      RELEASE('2026-03-02').replace('id: pm-test', 'id: pm-entwurf\nstatus: published'),
    );
    const misspelt = await sandbox.json<ImportJson>(['import', dir]);
    expect(misspelt.code).toBe(1);
    expect(misspelt.body.files[0]?.problems).toMatchObject([{ field: 'status', message: 'unknown field' }]);
    expect((await sandbox.run(['publish', 'article', 'pm-entwurf'])).stderr).toContain(
      'Unbekannte Art „article“',
    );
  }, 400_000); // 21 CLI processes, each up to ~15 s while every package's tests run at once

  it('answers a path that does not exist with exit code 1', async () => {
    const run = await sandbox.run(['import', 'gibt-es-nicht']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Datei oder Ordner nicht gefunden: gibt-es-nicht');
  });

  it('writes a preview of a newsletter with its size and no warnings', async () => {
    const run = await sandbox.json<{
      htmlFile: string;
      textFile: string;
      htmlBytes: number;
      warnings: unknown[];
      subject: string;
    }>(['preview', 'newsletter-2024-08']);
    expect(run.code).toBe(0);
    expect(run.body.warnings).toEqual([]);
    expect(run.body.htmlBytes).toBeGreaterThan(5_000);
    expect(readFileSync(run.body.htmlFile, 'utf8')).toContain('Erika');
    expect(readFileSync(run.body.textFile, 'utf8').length).toBeGreaterThan(200);
    const table = await sandbox.run(['preview', 'newsletter-2024-08']);
    expect(table.stdout).toMatch(/HTML: .*newsletter-2024-08\.de\.html \(\d+,\d KiB\)/);
    const opened = await sandbox.json<{ opened: boolean }>(['preview', 'newsletter-2024-08', '--open'], {
      env: { BROWSER: 'true' },
    });
    expect(opened.body.opened).toBe(true);
    const noBrowser = await sandbox.run(['preview', 'newsletter-2024-08', '--open'], {
      env: { BROWSER: '/nonexistent/browser' },
    });
    expect(noBrowser.code).toBe(0);
    expect(noBrowser.stderr).toContain('Konnte keinen Browser starten; öffne die Datei selbst');
  });

  it('writes a press release under embargo with its archive page', async () => {
    const run = await sandbox.json<{ embargo: string; pageFile: string; language: string }>([
      'preview',
      'pm-2025-azubi-speed-dating',
      '--language',
      'en',
    ]);
    expect(run.code).toBe(0);
    expect(run.body.embargo).toBe('2025-03-10T11:00:00+01:00');
    expect(run.body.language).toBe('en');
    expect(existsSync(run.body.pageFile)).toBe(true);
    const table = await sandbox.run(['preview', 'pm-2025-azubi-speed-dating']);
    expect(table.stdout).toContain('Sperrfrist bis 10.03.2025, 11:00 MEZ');
  });

  it('says which regions exist when one is unknown', async () => {
    const run = await sandbox.run(['coverage', 'atlantis']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Unbekannte Region „atlantis“\. Vorhanden: .*kielregion/);
  });
});

describe('coverage and projects of the reference regions', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await createSandbox();
    const init = await sandbox.json<{ examples: { dir: string } }>(['init', '--examples']);
    await sandbox.run(['import', init.body.examples.dir]);
  });
  afterAll(() => sandbox.cleanup());

  it('shows which field of action no project serves', async () => {
    const json = await sandbox.json<{
      regionId: string;
      strategies: {
        id: string;
        unservedFieldsOfAction: { title: string }[];
        fieldsOfAction: { projectIds: string[] }[];
      }[];
    }>(['coverage', 'nordthueringen']);
    expect(json.code).toBe(0);
    expect(json.body.regionId).toBe('nordthueringen');
    expect(json.body.strategies[0]?.unservedFieldsOfAction.map((f) => f.title)).toEqual(['Infrastruktur']);
    const table = await sandbox.run(['coverage', 'nordthueringen']);
    expect(table.stdout).toContain('Strategieabdeckung: Regionalmanagement Nordthüringen');
    expect(table.stdout).toMatch(/Ohne Projekt: Handlungsfeld „[^“]*Infrastruktur“/);
    expect(table.stdout).toMatch(/Förderung des Regionalmanagements selbst: [\d.]+,\d\d\u00a0€/);
  });

  it('refuses an unknown strategy', async () => {
    const run = await sandbox.run(['coverage', 'kielregion', '--strategy', 'rek-1999']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Unbekannte Strategie „rek-1999“\. Vorhanden: .*rek-2013/);
  });

  it('lists the projects of a region with their status', async () => {
    const json = await sandbox.json<{ id: string; status: string; kind: string }[]>([
      'projects',
      'list',
      '--region',
      'thueringer-bogen',
    ]);
    expect(json.code).toBe(0);
    expect(json.body.map((p) => p.id)).toContain('azubi-speed-dating');
    const table = await sandbox.run(['projects', 'list', '--region', 'thueringer-bogen']);
    expect(table.stdout).toContain('Azubi-Speed-Dating');
  });
});
