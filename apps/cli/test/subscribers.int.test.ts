import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createSandbox } from './support/cli';
import { importExamples } from './support/fixtures';

interface ImportReportJson {
  rows: number;
  imported: number;
  updated: number;
  skipped: number;
  active: number;
  pending: number;
  results: {
    line: number;
    email?: string;
    outcome: string;
    status?: string;
    reason?: string;
    message?: string;
  }[];
}

const CSV = `E-Mail;Vorname;Nachname;Themen;Angemeldet am;Bestätigt am;Einwilligungstext Version
erika.musterfrau@example.org;Erika;Musterfrau;mobilitaet;05.01.2026 10:00;05.01.2026 10:12;v1
max.mustermann@example.org;Max;Mustermann;;;;
keine-adresse;Kein;Name;;;;
erika.musterfrau@example.org;Erika;Doppelt;;;;
luise.probe@example.org;Luise;Probe;raumfahrt;;;
`;

describe('subscribers import, show, export and erase', () => {
  let sandbox: CliSandbox;
  let csv: string;

  beforeAll(async () => {
    sandbox = await createSandbox();
    await importExamples(sandbox);
    csv = join(sandbox.dataDir, 'abonnenten.csv');
    await writeFile(csv, CSV);
    await writeFile(
      join(sandbox.dataDir, 'einwilligung.txt'),
      'Ja, ich möchte den Newsletter erhalten. (Testtext)',
    );
  });
  afterAll(() => sandbox.cleanup());

  it('imports the good rows, reports every bad row with its line and reason, and ends with exit code 1', async () => {
    const args = [
      'subscribers',
      'import',
      csv,
      '--list',
      'newsletter',
      '--region',
      'kielregion',
      '--consent-text',
      join(sandbox.dataDir, 'einwilligung.txt'),
      '--consent-version',
      'v1',
    ];
    const run = await sandbox.run(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/│\s+4 │ keine-adresse\s+│ ungültige Adresse/);
    expect(run.stdout).toMatch(/│\s+5 │ erika\.musterfrau@example\.org\s+│ doppelt in der Datei/);
    expect(run.stdout).toMatch(/│\s+6 │ luise\.probe@example\.org\s+│ unbekanntes Thema/);
    expect(run.stdout).toContain('2 importiert, 0 aktualisiert, 3 übersprungen.');
    expect(run.stdout).toContain('1 mit Einwilligungsnachweis aktiv, 1 unbestätigt');
    expect(run.stderr).toContain('2 Zeilen mit ungültigen Angaben wurden übersprungen.');

    const again = await sandbox.json<ImportReportJson>(args);
    expect(again.code).toBe(1);
    expect(again.body).toMatchObject({ rows: 5, imported: 0, updated: 2, skipped: 3 });
    expect(again.body.results.find((r) => r.line === 2)).toMatchObject({
      outcome: 'updated',
      status: 'active',
    });
    expect(again.body.results.find((r) => r.line === 3)).toMatchObject({
      outcome: 'updated',
      status: 'pending',
    });
    expect(again.body.results.find((r) => r.line === 6)).toMatchObject({
      outcome: 'skipped',
      reason: 'unknown-topic',
    });
  });

  it.each([
    [
      ['subscribers', 'import', 'fehlt.csv', '--list', 'newsletter', '--region', 'kielregion'],
      'CSV-Datei nicht gefunden: fehlt.csv',
    ],
    [['subscribers', 'export', '--list', 'nope', '--region', 'kielregion'], 'Unbekannter Verteiler „nope“'],
    [['subscribers', 'export', '--list', 'newsletter'], 'Gib die Region mit --region an.'],
    [
      ['subscribers', 'show', 'niemand@example.org'],
      'Keine Abonnentin und kein Abonnent mit der Adresse niemand@example.org',
    ],
  ])('refuses %j with exit code 1', async (args, message) => {
    const run = await sandbox.run(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it('refuses an unknown list for an import', async () => {
    const run = await sandbox.run(['subscribers', 'import', csv, '--list', 'nope', '--region', 'kielregion']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unbekannter Verteiler „nope“ in kielregion. Vorhanden: newsletter, presse');
  });

  it('shows status and consent history', async () => {
    const table = await sandbox.run(['subscribers', 'show', 'Erika.Musterfrau@example.org']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('kielregion: erika.musterfrau@example.org: aktiv');
    expect(table.stdout).toContain('Einwilligungsverlauf');
    expect(table.stdout).toContain('bestätigt (Double-Opt-in)');
    expect(table.stdout).toContain('05.01.2026, 10:12 MEZ');
    const json = await sandbox.json<{
      email: string;
      subscriptions: {
        subscriber: { status: string; listIds: string[] };
        consent: { action: string; source: string }[];
      }[];
    }>(['subscribers', 'show', 'erika.musterfrau@example.org', '--region', 'kielregion']);
    expect(json.body.subscriptions[0]?.subscriber).toMatchObject({
      status: 'active',
      listIds: ['newsletter'],
    });
    expect(json.body.subscriptions[0]?.consent.map((c) => c.action)).toEqual(
      expect.arrayContaining(['requested', 'confirmed']),
    );
  });

  it('exports a list as CSV to a file and as JSON', async () => {
    const file = join(sandbox.dataDir, 'export.csv');
    const run = await sandbox.run([
      'subscribers',
      'export',
      '--list',
      'newsletter',
      '--region',
      'kielregion',
      '--output',
      file,
    ]);
    expect(run.code).toBe(0);
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toMatch(/^email,/);
    expect(text).toContain('erika.musterfrau@example.org');
    expect(text).toContain('max.mustermann@example.org');
    const json = await sandbox.json<{ email: string; status: string }[]>([
      'subscribers',
      'export',
      '--list',
      'newsletter',
      '--region',
      'kielregion',
      '--status',
      'active',
    ]);
    expect(json.body.map((s) => s.email)).toEqual(['erika.musterfrau@example.org']);
  });

  it('erases an address only with --yes, and an import cannot add it again', async () => {
    const ask = await sandbox.run(['subscribers', 'erase', 'max.mustermann@example.org']);
    expect(ask.code).toBe(1);
    expect(ask.stderr).toContain('Bestätige mit --yes');
    const erased = await sandbox.json<{ erased: number; regions: string[] }>([
      'subscribers',
      'erase',
      'max.mustermann@example.org',
      '--yes',
    ]);
    expect(erased.code).toBe(0);
    expect(erased.body).toMatchObject({ erased: 1, regions: ['kielregion'] });
    const show = await sandbox.run(['subscribers', 'show', 'max.mustermann@example.org']);
    expect(show.code).toBe(1);
    const reimport = await sandbox.json<ImportReportJson>([
      'subscribers',
      'import',
      csv,
      '--list',
      'newsletter',
      '--region',
      'kielregion',
    ]);
    expect(reimport.body.results.find((r) => r.line === 3)).toMatchObject({
      outcome: 'skipped',
      reason: 'suppressed',
    });
  });
});
