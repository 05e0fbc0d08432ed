import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createSandbox } from './support/cli';
import { createPostgresDatabase } from './support/databases';
import { importExamples, importSubscribers } from './support/fixtures';
import { type RunningCli, startCli, waitFor } from './support/processes';

interface CampaignJson {
  regionId: string;
  id: string;
  status: string;
  audience: number;
  sent: number;
  failed: number;
  skipped: number;
  remaining: number;
  perMinute: { minute: string; sent: number; failed: number }[];
  plan: { kind: string };
  statusReason: string | null;
}

const SCHEDULE = ['campaign', 'schedule', 'newsletter-2024-08', '--region', 'kielregion'];

describe('campaign schedule: every bad input is refused with exit code 1 and leaves nothing behind', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await createSandbox();
    await importExamples(sandbox);
  });
  afterAll(() => sandbox.cleanup());

  it.each([
    [
      'an unknown list',
      ['--list', 'nope', '--now'],
      'UNKNOWN_LIST',
      /Unbekannter Verteiler „nope“ in kielregion\. Vorhanden: newsletter, presse/,
    ],
    [
      'an unknown topic',
      ['--list', 'newsletter', '--topics', 'raumfahrt', '--now'],
      'UNKNOWN_TOPICS',
      /Unbekannte Themen: raumfahrt/,
    ],
    [
      'an unparseable date',
      ['--list', 'newsletter', '--at', 'nächsten Dienstag'],
      'DATE_UNPARSEABLE',
      /„nächsten Dienstag“ ist kein Zeitpunkt/,
    ],
    [
      'a date in the past',
      ['--list', 'newsletter', '--at', '2020-01-07 09:00'],
      'DATE_IN_PAST',
      /07\.01\.2020, 09:00 MEZ liegt in der Vergangenheit/,
    ],
    [
      'a time the clocks skip',
      ['--list', 'newsletter', '--at', '2030-03-31 02:30'],
      'DATE_NOT_IN_ZONE',
      /gibt es in Europe\/Berlin nicht/,
    ],
    [
      'an unknown time zone',
      ['--list', 'newsletter', '--at', '2030-12-01 09:00', '--tz', 'Europe/Kiel'],
      'UNKNOWN_TIME_ZONE',
      /Unbekannte Zeitzone „Europe\/Kiel“/,
    ],
    [
      'a broken cron expression',
      ['--list', 'newsletter', '--cron', '0 9 * *'],
      'INVALID_CRON',
      /kein Cron-Ausdruck mit fünf Feldern/,
    ],
    ['no time plan', ['--list', 'newsletter'], 'PLAN_MISSING', /--now, --at oder --cron/],
    [
      'two time plans',
      ['--list', 'newsletter', '--now', '--cron', '0 9 * * 2'],
      'PLAN_AMBIGUOUS',
      /nur eine der Optionen/,
    ],
  ])('%s', async (_label, args, code, message) => {
    const run = await sandbox.run([...SCHEDULE, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    const json = await sandbox.json<{ error: { code: string } }>([...SCHEDULE, ...args]);
    expect(json.code).toBe(1);
    expect(json.body.error.code).toBe(code);
    const list = await sandbox.json<unknown[]>(['campaigns', 'list']);
    expect(list.body).toEqual([]);
  });

  it('refuses an issue that does not exist, and a missing --list', async () => {
    const unknown = await sandbox.run([
      'campaign',
      'schedule',
      'ausgabe-99',
      '--list',
      'newsletter',
      '--now',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'Keine Newsletter-Ausgabe und keine Pressemitteilung mit der ID „ausgabe-99“',
    );
    const noList = await sandbox.run(['campaign', 'schedule', 'newsletter-2024-08', '--now']);
    expect(noList.code).toBe(1);
    expect(noList.stderr).toContain('Die Option „--list <list>“ ist erforderlich');
  });

  it('plans for a moment in Berlin time, lists it, and cancels it', async () => {
    const scheduled = await sandbox.json<{ id: string; status: string; runAt: string; plan: unknown }>([
      ...SCHEDULE,
      '--list',
      'newsletter',
      '--at',
      '01.12.2030 09:00',
    ]);
    expect(scheduled.code).toBe(0);
    expect(scheduled.body).toMatchObject({
      id: 'newsletter-2024-08-20301201-0900',
      status: 'scheduled',
      runAt: '2030-12-01T08:00:00.000Z',
      plan: { kind: 'at', at: '2030-12-01T08:00:00.000Z', timeZone: 'Europe/Berlin' },
    });
    const table = await sandbox.run(['campaigns', 'list']);
    expect(table.stdout).toContain('am 01.12.2030, 09:00 MEZ');
    expect(table.stdout).toContain('geplant');

    const paused = await sandbox.json<{ status: string }>(['campaign', 'pause', scheduled.body.id]);
    expect(paused.body.status).toBe('paused');
    const cancelled = await sandbox.run(['campaign', 'cancel', scheduled.body.id]);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toContain(`Kampagne ${scheduled.body.id} abgebrochen.`);
    const again = await sandbox.run(['campaign', 'pause', scheduled.body.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('nicht möglich');
    const status = await sandbox.json<CampaignJson>(['campaign', 'status', scheduled.body.id]);
    expect(status.body).toMatchObject({ status: 'cancelled', remaining: 0, sent: 0 });
  });

  it('plans a recurring campaign by cron', async () => {
    const run = await sandbox.json<{ status: string; plan: unknown; runAt: string | null }>([
      ...SCHEDULE,
      '--list',
      'newsletter',
      '--cron',
      '0 9 * * 2',
    ]);
    expect(run.code).toBe(0);
    expect(run.body).toMatchObject({
      status: 'scheduled',
      runAt: null,
      plan: { kind: 'recurring', cron: '0 9 * * 2', timeZone: 'Europe/Berlin' },
    });
    const list = await sandbox.json<{ id: string; plan: { kind: string } }[]>([
      'campaigns',
      'list',
      '--status',
      'scheduled',
    ]);
    const recurring = list.body.find((c) => c.plan.kind === 'recurring');
    const watch = await sandbox.run(['campaign', 'status', recurring?.id ?? '', '--watch']);
    expect(watch.code).toBe(0);
    expect(watch.stderr).toContain('Eine wiederkehrende Kampagne endet nicht');
    const table = await sandbox.run(['campaigns', 'list', '--lang', 'en']);
    expect(table.stdout).toContain('recurring "0 9 * * 2" (Europe/Berlin)');
  });

  it('refuses the same issue to the same list twice unless --again, and reschedules', async () => {
    const plan = ['--list', 'presse', '--at', '01.12.2031 09:00'];
    const first = await sandbox.json<{ id: string }>([...SCHEDULE, ...plan]);
    expect(first.code).toBe(0);
    const twice = await sandbox.json<{ error: { code: string; message: string } }>([...SCHEDULE, ...plan]);
    expect(twice.code).toBe(1);
    expect(twice.body.error).toMatchObject({ code: 'ALREADY_PLANNED' });
    expect(twice.body.error.message).toContain(`schon die Kampagne ${first.body.id} (geplant)`);
    const everyone = await sandbox.run([...SCHEDULE, ...plan, '--everyone']);
    expect(everyone.code).toBe(1);
    expect(everyone.stderr).toContain('--everyone gilt nur zusammen mit --again.');
    const again = await sandbox.json<{ id: string }>([...SCHEDULE, ...plan, '--again']);
    expect(again.code).toBe(0);
    expect(again.body.id).toBe(`${first.body.id}-2`);

    const moved = await sandbox.json<{ runAt: string }>([
      'campaign',
      'reschedule',
      first.body.id,
      '--at',
      '15.12.2031 10:30',
    ]);
    expect(moved.code).toBe(0);
    expect(moved.body.runAt).toBe('2031-12-15T09:30:00.000Z');
    const table = await sandbox.run(['campaigns', 'list']);
    expect(table.stdout).toContain('am 15.12.2031, 10:30 MEZ');
    expect((await sandbox.run(['campaign', 'cancel', first.body.id])).code).toBe(0);
    expect((await sandbox.run(['campaign', 'cancel', again.body.id])).code).toBe(0);
    const late = await sandbox.run(['campaign', 'reschedule', first.body.id, '--now']);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('kann nicht mehr verlegt werden');
  });

  it('answers an unknown campaign with exit code 1', async () => {
    for (const action of ['status', 'pause', 'resume', 'cancel']) {
      const run = await sandbox.run(['campaign', action, 'gibt-es-nicht']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Keine Kampagne mit der ID „gibt-es-nicht“');
    }
  });

  it('says that Redis is down with exit code 2 and what to do, and plans nothing', async () => {
    const before = await sandbox.json<unknown[]>(['campaigns', 'list']);
    const run = await sandbox.run([...SCHEDULE, '--list', 'newsletter', '--now'], {
      env: { REDIS_URL: 'redis://127.0.0.1:1' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Redis unter redis://127.0.0.1:1 ist nicht erreichbar');
    expect(run.stderr).toContain('Tipp: Starte Redis');
    const after = await sandbox.json<unknown[]>(['campaigns', 'list']);
    expect(after.body).toEqual(before.body);
  });
});

describe('sending with a worker process (PostgreSQL, shared by the processes)', () => {
  let sandbox: CliSandbox;
  let drop: () => Promise<void>;
  let worker: RunningCli;
  let emails: string[];
  const outbox = () => join(sandbox.dataDir, 'outbox');
  const mails = () =>
    readdirSync(outbox(), { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.eml'));

  beforeAll(async () => {
    const database = await createPostgresDatabase();
    drop = database.drop;
    sandbox = await createSandbox({
      DATABASE_URL: database.url,
      METRICS_PORT: '0',
      // slow enough that a pause issued by a CLI process on a loaded machine meets a campaign
      // still sending: 60 recipients take 20 s
      SEND_RATE: '3',
      BATCH_SIZE: '10',
    });
    await importExamples(sandbox);
    emails = await importSubscribers(sandbox, 60);
    worker = await startCli(['worker'], sandbox.env, /regiokit worker läuft/);
  });
  afterAll(async () => {
    expect(await worker.stop()).toBe(0);
    await sandbox.cleanup();
    await drop();
  });

  it('sends a test of an issue to one address', async () => {
    const run = await sandbox.json<{ campaignId: string; to: string; jobId: string }>([
      'send-test',
      'newsletter-2024-08',
      '--to',
      'Erika.Test@Example.org',
    ]);
    expect(run.code).toBe(0);
    expect(run.body).toMatchObject({ campaignId: 'test-newsletter-2024-08', to: 'erika.test@example.org' });
    await waitFor(() => mails().length === 1, 30_000, 'the test mail');
    const [file] = mails();
    const raw = readFileSync(join(outbox(), file?.name ?? ''), 'utf8');
    expect(raw).toMatch(/^To: .*erika\.test@example\.org/m);
    expect(raw).toMatch(/^Subject: \[TEST\]/m);
    const bad = await sandbox.run(['send-test', 'newsletter-2024-08', '--to', 'keine-adresse']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('„keine-adresse“ ist keine E-Mail-Adresse');
  });

  it('sends a campaign now, pauses, resumes, and every subscriber gets it once', async () => {
    const scheduled = await sandbox.json<{ id: string }>([...SCHEDULE, '--list', 'newsletter', '--now']);
    expect(scheduled.code).toBe(0);
    const id = scheduled.body.id;
    const status = async () => (await sandbox.json<CampaignJson>(['campaign', 'status', id])).body;
    await waitFor(async () => (await status()).sent >= 5, 60_000, 'the first mails');
    const paused = await sandbox.run(['campaign', 'pause', id]);
    expect(paused.code, paused.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const atPause = await status();
    expect(atPause.status).toBe('paused');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await status()).sent).toBe(atPause.sent);
    expect(atPause.remaining).toBe(60 - atPause.sent);
    expect(atPause.remaining).toBeGreaterThan(0);

    expect((await sandbox.run(['campaign', 'resume', id])).code).toBe(0);
    const watch = await sandbox.run(['campaign', 'status', id, '--watch']);
    expect(watch.code).toBe(0);
    expect(watch.stderr).toMatch(/100 % \| versendet 60 \| fehlgeschlagen 0 \| offen 0/);
    expect(watch.stdout).toContain(`Kampagne ${id}: versendet`);

    const done = await status();
    expect(done).toMatchObject({ status: 'sent', audience: 60, sent: 60, failed: 0, remaining: 0 });
    expect(done.perMinute.reduce((sum, m) => sum + m.sent, 0)).toBe(60);
    const recipients = mails()
      .map((f) => readFileSync(join(outbox(), f.name), 'utf8'))
      .filter((raw) => raw.includes(`${id}.`))
      .map((raw) => /^To: .*<([^>]+)>/m.exec(raw)?.[1]);
    expect(recipients.sort()).toEqual([...emails].sort());

    // the same issue to the same list again: refused, and with --again only to who lacks it (nobody)
    const twice = await sandbox.json<{ error: { code: string } }>([
      ...SCHEDULE,
      '--list',
      'newsletter',
      '--now',
    ]);
    expect(twice.code).toBe(1);
    expect(twice.body.error.code).toBe('ALREADY_SENT');
    const rest = await sandbox.json<{ id: string; audience: number }>([
      ...SCHEDULE,
      '--list',
      'newsletter',
      '--now',
      '--again',
    ]);
    expect(rest.code).toBe(0);
    expect(rest.body.audience).toBe(0);
    await waitFor(
      async () =>
        (await sandbox.json<CampaignJson>(['campaign', 'status', rest.body.id])).body.status === 'sent',
      60_000,
      'the send-again to end',
    );
    const after = mails().filter((f) => readFileSync(join(outbox(), f.name), 'utf8').includes(`${id}`));
    expect(after.length).toBe(60);
    expect(
      mails().filter((f) => readFileSync(join(outbox(), f.name), 'utf8').includes(rest.body.id)),
    ).toEqual([]);
  });
});

describe('the embedded database serves one process', () => {
  it('says so with exit code 2 and how to share a database instead', async () => {
    const sandbox = await createSandbox({ METRICS_PORT: '0' });
    try {
      await importExamples(sandbox);
      const worker = await startCli(['worker'], sandbox.env, /regiokit worker läuft/);
      try {
        const run = await sandbox.run(['regions', 'list']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(
          'Die eingebettete Datenbank wird gerade von einem anderen Prozess benutzt',
        );
        expect(run.stderr).toContain('Tipp: Beende den anderen Prozess, oder setze DATABASE_URL');
      } finally {
        await worker.stop();
      }
    } finally {
      await sandbox.cleanup();
    }
  });
});

describe('regiokit web', () => {
  it('serves the web app until SIGTERM, then ends with exit code 0', async () => {
    const database = await createPostgresDatabase();
    const sandbox = await createSandbox({
      DATABASE_URL: database.url,
      PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
    });
    try {
      await importExamples(sandbox);
      const web = await startCli(['web'], sandbox.env, /regiokit web \(http:\/\/[^,]+, /);
      const url = /regiokit web \((http:\/\/[^,]+), /.exec(web.output())?.[1] ?? '';
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      const archive = await fetch(`${url}/kielregion/archive`);
      expect(archive.status).toBe(200);
      expect(await web.stop()).toBe(0);
    } finally {
      await sandbox.cleanup();
      await database.drop();
    }
  });
});
