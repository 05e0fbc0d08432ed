import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createSandbox } from './support/cli';

interface DoctorJson {
  ok: boolean;
  checks: { id: string; status: string; detail: string; fix?: string }[];
  dkimRecord: { name: string; value: string } | null;
}

const statusOf = (body: DoctorJson) => Object.fromEntries(body.checks.map((c) => [c.id, c.status]));

async function startSmtp(options: { starttls: boolean }): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    ...(options.starttls ? {} : { disabledCommands: ['STARTTLS'] }),
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'regiokit' && auth.password === 'geheim') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('regiokit doctor', () => {
  let sandbox: CliSandbox;
  let plain: { port: number; close(): Promise<void> };
  let tls: { port: number; close(): Promise<void> };

  beforeAll(async () => {
    sandbox = await createSandbox();
    plain = await startSmtp({ starttls: false });
    tls = await startSmtp({ starttls: true });
  });
  afterAll(async () => {
    await plain.close();
    await tls.close();
    await sandbox.cleanup();
  });

  it('finds a fresh machine in order: Redis, embedded database, capture mode; DKIM only advised', async () => {
    const run = await sandbox.json<DoctorJson>(['doctor']);
    expect(run.code).toBe(0);
    expect(statusOf(run.body)).toMatchObject({
      'redis.reachable': 'ok',
      'redis.version': 'ok',
      'redis.eviction': 'ok',
      database: 'ok',
      'smtp.mode': 'ok',
      'dkim.key': 'warn',
    });
    expect(run.body.ok).toBe(true);
    const table = await sandbox.run(['doctor']);
    expect(table.stdout).toContain('Aufzeichnungsmodus');
    expect(table.stdout).toMatch(/0 Fehler, \d Warnungen\./);
  });

  it('says what to do when Redis is not there, with exit code 2', async () => {
    const run = await sandbox.run(['doctor'], { env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/Redis erreichbar\s*│ Fehler/);
    expect(run.stdout).toContain('REDIS_URL setzen');
  });

  it('checks SMTP: connection, a missing STARTTLS, the login', async () => {
    const good = await sandbox.json<DoctorJson>(['doctor'], {
      env: { SMTP_URL: `smtp://regiokit:geheim@127.0.0.1:${plain.port}` },
    });
    expect(good.code).toBe(2);
    expect(statusOf(good.body)).toMatchObject({
      'smtp.connect': 'ok',
      'smtp.tls': 'fail',
      'smtp.auth': 'ok',
    });
    expect(good.body.checks.find((c) => c.id === 'smtp.tls')?.fix).toContain('smtps://');
    const wrong = await sandbox.json<DoctorJson>(['doctor'], {
      env: { SMTP_URL: `smtp://regiokit:falsch@127.0.0.1:${plain.port}` },
    });
    expect(statusOf(wrong.body)['smtp.auth']).toBe('fail');
    const closed = await sandbox.json<DoctorJson>(['doctor'], { env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
    expect(statusOf(closed.body)['smtp.connect']).toBe('fail');
  });

  it('reports a STARTTLS certificate it cannot trust', async () => {
    const run = await sandbox.json<DoctorJson>(['doctor'], {
      env: { SMTP_URL: `smtp://regiokit:geheim@127.0.0.1:${tls.port}` },
    });
    expect(run.code).toBe(2);
    const check = run.body.checks.find((c) => c.id === 'smtp.tls');
    expect(check?.status).toBe('fail');
    expect(check?.detail).toMatch(/certificate/i);
  });

  it.each([
    ['RSA 2048', () => generateKeyPairSync('rsa', { modulusLength: 2048 }), 'ok', 'rsa'],
    ['RSA 1024', () => generateKeyPairSync('rsa', { modulusLength: 1024 }), 'warn', 'rsa'],
    ['Ed25519', () => generateKeyPairSync('ed25519'), 'ok', 'ed25519'],
  ])('checks a DKIM key (%s) and prints its DNS record', async (_label, generate, status, type) => {
    const { privateKey, publicKey } = generate();
    const file = join(sandbox.dataDir, `dkim-${type}-${status}.pem`);
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const run = await sandbox.json<DoctorJson>(['doctor'], {
      env: { DKIM_DOMAIN: 'kielregion.example.org', DKIM_SELECTOR: 'rk2026', DKIM_PRIVATE_KEY_FILE: file },
    });
    expect(statusOf(run.body)['dkim.key']).toBe(status);
    expect(run.body.dkimRecord?.name).toBe('rk2026._domainkey.kielregion.example.org');
    const p = /p=(.+)$/.exec(run.body.dkimRecord?.value ?? '')?.[1] ?? '';
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(Buffer.from(p, 'base64')).toEqual(type === 'ed25519' ? der.subarray(der.length - 32) : der);
    expect(run.body.dkimRecord?.value).toMatch(new RegExp(`^v=DKIM1; k=${type}; p=`));
  });

  it('fails a broken or incomplete DKIM setting', async () => {
    const file = join(sandbox.dataDir, 'kaputt.pem');
    await writeFile(file, '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n');
    const broken = await sandbox.json<DoctorJson>(['doctor'], {
      env: { DKIM_DOMAIN: 'kielregion.example.org', DKIM_SELECTOR: 'rk2026', DKIM_PRIVATE_KEY_FILE: file },
    });
    expect(broken.code).toBe(2);
    expect(statusOf(broken.body)['dkim.key']).toBe('fail');
    const partial = await sandbox.json<DoctorJson>(['doctor'], {
      env: { DKIM_DOMAIN: 'kielregion.example.org' },
    });
    expect(partial.body.checks.find((c) => c.id === 'dkim.key')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('DKIM_SELECTOR'),
    });
  });
});
