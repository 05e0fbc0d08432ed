import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, type CliSandbox, createSandbox } from './support/cli';

const AUDIENCE = 40;

/** The recipients of the `.eml` files in the outbox the demo names. */
function readOutbox(sandbox: CliSandbox, run: CliRun): { dir: string; recipients: string[] } {
  const named = /Ausgang \(eine \.eml-Datei je Mail\): (.+)$/m.exec(run.stdout)?.[1]?.trim() ?? '';
  const dir = isAbsolute(named) ? named : join(sandbox.dataDir, named);
  const recipients = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => /^To: .*<([^>]+)>/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? '');
  return { dir, recipients };
}

describe('regiokit demo', () => {
  let sandbox: CliSandbox;
  let first: CliRun;

  beforeAll(async () => {
    // no REDIS_URL: the demo looks for Redis on 127.0.0.1:6379 (or starts redis-server) itself
    sandbox = await createSandbox({ REDIS_URL: '' });
    first = await sandbox.run(['demo', '--subscribers', String(AUDIENCE)]);
  });
  afterAll(() => sandbox.cleanup());

  it('imports, renders, schedules and sends to every example subscriber once', () => {
    expect(first.code, first.stderr).toBe(0);
    for (const step of ['[1/6]', '[2/6]', '[3/6]', '[4/6]', '[5/6]', '[6/6]'])
      expect(first.stdout).toContain(step);
    expect(first.stdout).toContain('Redis: redis://127.0.0.1:6379');
    expect(first.stdout).toContain(`${AUDIENCE} importiert, 0 aktualisiert, 0 übersprungen.`);
    expect(first.stdout).toMatch(/Sperrfrist bis 10\.03\.2025, 11:00 MEZ/);
    expect(first.stdout).toMatch(new RegExp(`Mails im Ausgang\\s*│\\s*${AUDIENCE}\\s`));
    expect(first.stderr).toMatch(
      new RegExp(`100 % \\| versendet ${AUDIENCE} \\| fehlgeschlagen 0 \\| offen 0`),
    );
    const { recipients } = readOutbox(sandbox, first);
    const expected = Array.from(
      { length: AUDIENCE },
      (_, i) => `leser.${String(i + 1).padStart(4, '0')}@example.org`,
    );
    expect(recipients.sort()).toEqual(expected);
  });

  it('says where outbox, previews and archive are', () => {
    expect(first.stdout).toMatch(/Vorschauen: .*previews/);
    expect(first.stdout).toContain('Archiv: http://localhost:3000/kielregion/archive');
    const previews = readdirSync(join(sandbox.dataDir, 'previews', 'kielregion'));
    expect(previews).toContain('newsletter-2024-08.de.html');
    expect(readdirSync(join(sandbox.dataDir, 'previews', 'thueringer-bogen'))).toContain(
      'pm-2025-azubi-speed-dating.de.page.html',
    );
  });

  it('runs again: nothing new to import, the same subscribers, a new campaign with its own outbox', async () => {
    const second = await sandbox.run(['demo', '--subscribers', String(AUDIENCE)]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 neu, 0 aktualisiert, \d+ unverändert/);
    expect(second.stdout).toContain(`0 importiert, ${AUDIENCE} aktualisiert, 0 übersprungen.`);
    const again = readOutbox(sandbox, second);
    expect(again.dir).not.toBe(readOutbox(sandbox, first).dir);
    expect(again.recipients).toHaveLength(AUDIENCE);
    expect(new Set(again.recipients).size).toBe(AUDIENCE);
  });

  it('refuses a wrong audience size', async () => {
    const run = await sandbox.run(['demo', '--subscribers', 'viele']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Ungültiger Wert');
  });
});
