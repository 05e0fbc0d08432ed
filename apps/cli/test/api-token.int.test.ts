import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createSandbox } from './support/cli';
import { importExamples } from './support/fixtures';

interface TokenJson {
  id: string;
  name: string;
  regionId: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt?: string;
  expiresAt?: string;
  revokedAt?: string;
  state?: string;
  token?: string;
}

describe('api-token create, list and revoke', () => {
  let sandbox: CliSandbox;

  beforeAll(async () => {
    sandbox = await createSandbox();
    await importExamples(sandbox);
  });
  afterAll(() => sandbox.cleanup());

  it('creates a token for a region and prints it once, on stdout alone', async () => {
    const run = await sandbox.run([
      'api-token',
      'create',
      '--region',
      'kielregion',
      '--name',
      'Website KielRegion',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}\n$/);
    const id = run.stdout.slice(3, 19);
    expect(run.stderr).toContain(`API-Token ${id} für kielregion angelegt:`);
    expect(run.stderr).toContain('Das Token wird nur jetzt angezeigt');

    const list = await sandbox.run(['api-token', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+│ Website KielRegion\\s+│ kielregion\\s+│ aktiv\\s+│`));
    expect(list.stdout).not.toContain(run.stdout.trim().slice(20));
  });

  it('creates tokens for all regions and with an expiry, as JSON; lists them with their state', async () => {
    const all = await sandbox.json<TokenJson>([
      'api-token',
      'create',
      '--region',
      '*',
      '--name',
      'Berichte',
      '--expires',
      '31.12.2099',
    ]);
    expect(all.code).toBe(0);
    expect(all.body).toMatchObject({
      token: expect.stringMatching(/^rk_[0-9a-f]{16}_/),
      name: 'Berichte',
      regionId: '*',
      createdBy: expect.stringMatching(/^cli/),
      expiresAt: '2099-12-31T23:00:00.000Z',
    });
    const listed = await sandbox.json<TokenJson[]>(['api-token', 'list', '--region', 'thueringer-bogen']);
    expect(listed.code).toBe(0);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: all.body.id, regionId: '*', state: 'active' }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(all.body.token?.slice(20));
    const english = await sandbox.run(['api-token', 'list', '--lang', 'en']);
    expect(english.stdout).toMatch(/Berichte\s+│ all regions\s+│ active\s+│/);
    expect(english.stdout).toContain('01/01/2100, 00:00');
  });

  it('revokes a token once; a second revoke says so; an unknown id is exit code 1', async () => {
    const created = await sandbox.json<TokenJson>([
      'api-token',
      'create',
      '--region',
      'nordthueringen',
      '--name',
      'Alt',
    ]);
    const id = created.body.id;
    const revoke = await sandbox.run(['api-token', 'revoke', id]);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain(`API-Token ${id} („Alt“) widerrufen.`);
    const again = await sandbox.run(['api-token', 'revoke', id, '--lang', 'en']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`API token ${id} was already revoked (`);
    const listed = await sandbox.json<TokenJson[]>(['api-token', 'list', '--region', 'nordthueringen']);
    expect(listed.body.find((t) => t.id === id)).toMatchObject({
      state: 'revoked',
      revokedAt: expect.any(String),
    });
    const table = await sandbox.run(['api-token', 'list', '--region', 'nordthueringen']);
    expect(table.stdout).toMatch(new RegExp(`${id}\\s+│ Alt\\s+│ nordthueringen\\s+│ widerrufen`));

    const unknown = await sandbox.run(['api-token', 'revoke', '0123456789abcdef']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Kein API-Token mit der ID „0123456789abcdef“');
    const unknownJson = await sandbox.json<{ error: { code: string } }>([
      'api-token',
      'revoke',
      'kein-token',
    ]);
    expect(unknownJson).toEqual({
      code: 1,
      body: { error: expect.objectContaining({ code: 'UNKNOWN_API_TOKEN' }) },
    });
  });

  it.each([
    [['--region', 'atlantis', '--name', 'X'], 'Unbekannte Region „atlantis“'],
    [
      ['--region', 'kielregion', '--name', 'X', '--expires', 'morgen'],
      '„morgen“ ist weder ein Tag noch ein Zeitpunkt',
    ],
    [['--region', 'kielregion', '--name', 'X', '--expires', '2020-01-01'], 'liegt in der Vergangenheit'],
    [['--region', 'kielregion', '--name', ' '], 'name: expected a non-empty text'],
    [['--region', 'kielregion'], 'Die Option „--name <name>“ ist erforderlich.'],
  ])('refuses %j with exit code 1', async (args, message) => {
    const run = await sandbox.run(['api-token', 'create', ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('answers a broken database with exit code 2', async () => {
    const run = await sandbox.run(['api-token', 'list'], {
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' },
    });
    expect(run.code).toBe(2);
  });
});
