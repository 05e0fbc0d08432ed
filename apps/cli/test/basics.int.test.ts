import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createSandbox, runCli } from './support/cli';

/** Every command and subcommand; each must have a help text with examples. */
const COMMANDS = [
  ['regions'],
  ['projects'],
  ['campaigns'],
  ['campaign'],
  ['subscribers'],
  ['init'],
  ['import'],
  ['regions', 'list'],
  ['projects', 'list'],
  ['campaigns', 'list'],
  ['coverage'],
  ['preview'],
  ['send-test'],
  ['campaign', 'schedule'],
  ['campaign', 'status'],
  ['campaign', 'pause'],
  ['campaign', 'resume'],
  ['campaign', 'cancel'],
  ['subscribers', 'import'],
  ['subscribers', 'export'],
  ['subscribers', 'show'],
  ['subscribers', 'erase'],
  ['api-token'],
  ['api-token', 'create'],
  ['api-token', 'list'],
  ['api-token', 'revoke'],
  ['worker'],
  ['web'],
  ['doctor'],
  ['demo'],
] as const;

describe('help, language and exit codes', () => {
  it('speaks German by default', async () => {
    const run = await runCli(['--help'], { LANG: 'C.UTF-8' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Aufruf: regiokit');
    expect(run.stdout).toContain('Befehle:');
  });

  it.each([
    [['--help'], { LANG: 'en_GB.UTF-8' }],
    [['--help', '--lang', 'en'], { LANG: 'de_DE.UTF-8' }],
  ])('speaks English with %j and %j', async (args, env) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: regiokit');
    expect(run.stdout).toContain('Commands:');
  });

  it.each(COMMANDS.map((words) => words.join(' ')))('shows help with examples for %s', async (name) => {
    const run = await runCli([...name.split(' '), '--help'], { LANG: 'C.UTF-8' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Aufruf: regiokit ${name}`);
    expect(run.stdout).toMatch(/Beispiele:\n {2}\$ regiokit /);
  });

  it('answers an unknown command with exit code 1 in the user’s language', async () => {
    const de = await runCli(['regoins'], { LANG: 'C.UTF-8' });
    expect(de.code).toBe(1);
    expect(de.stderr).toContain('Unbekannter Befehl „regoins“');
    const en = await runCli(['regoins', '--lang', 'en'], {});
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('Unknown command "regoins"');
  });

  it('answers a wrong environment variable with exit code 1 naming it', async () => {
    const run = await runCli(['regions', 'list'], { REDIS_URL: 'http://nope', LANG: 'C.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('REDIS_URL: expected a redis:// or rediss:// URL');
  });
});

describe('init', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await createSandbox();
  });
  afterAll(() => sandbox.cleanup());

  it('creates the data folder, a private secret and an example configuration, and keeps them the second time', async () => {
    const dataDir = join(sandbox.dataDir, 'neu');
    const first = await sandbox.json<Record<string, unknown>>(['init'], {
      env: { REGIOKIT_DATA_DIR: dataDir },
    });
    expect(first.code).toBe(0);
    expect(first.body).toMatchObject({
      dataDir,
      dataDirCreated: true,
      secret: join(dataDir, 'secret'),
      secretCreated: true,
      config: join(dataDir, 'regiokit.env'),
      configCreated: true,
    });
    const secret = readFileSync(join(dataDir, 'secret'), 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dataDir, 'secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'regiokit.env'), 'utf8')).toContain(
      '# REDIS_URL=redis://127.0.0.1:6379',
    );

    const again = await sandbox.run(['init'], { env: { REGIOKIT_DATA_DIR: dataDir } });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Datenordner vorhanden');
    expect(again.stdout).toContain('Geheimnis vorhanden, unverändert');
    expect(readFileSync(join(dataDir, 'secret'), 'utf8').trim()).toBe(secret);
  });

  it('writes example files on request', async () => {
    const run = await sandbox.json<{ examples: { dir: string; files: number } }>(['init', '--examples']);
    expect(run.code).toBe(0);
    expect(run.body.examples.files).toBeGreaterThan(20);
    expect(existsSync(join(run.body.examples.dir, 'kielregion', 'region.yaml'))).toBe(true);
  });
});
