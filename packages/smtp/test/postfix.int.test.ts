import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySmtpError } from '../src/classify-smtp-error';
import { createDkimSigner } from '../src/dkim-signer';
import { compileMessageTemplate } from '../src/message-template';
import { createPipelinedSmtpTransport } from '../src/smtp-client';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

const POSTFIX = '/usr/sbin/postfix';
const installed = existsSync(POSTFIX);
if (!installed && process.env.CI === 'true') {
  throw new Error('Postfix conformance: /usr/sbin/postfix is missing; .ci/run installs it with apt-get');
}
if (!installed)
  console.warn('Postfix conformance skipped: /usr/sbin/postfix is not installed (apt-get install postfix)');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** A private Postfix instance on a loopback port that relays everything to `nextHop`. */
async function startPostfix(nextHop: number, extra: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'regiokit-postfix-'));
  // the postfix user must reach the queue and data folders
  chmodSync(dir, 0o755);
  const conf = join(dir, 'conf');
  for (const d of [conf, join(dir, 'queue'), join(dir, 'data')]) mkdirSync(d, { recursive: true });
  chownSync(join(dir, 'data'), Number(execFileSync('id', ['-u', 'postfix']).toString().trim()), 0);
  const port = await freePort();
  writeFileSync(
    join(conf, 'main.cf'),
    [
      'compatibility_level = 3.6',
      `queue_directory = ${dir}/queue`,
      `data_directory = ${dir}/data`,
      `maillog_file = ${dir}/maillog`,
      `maillog_file_prefixes = ${dir}`,
      'myhostname = postfix.test',
      'mydestination =',
      'inet_interfaces = loopback-only',
      'inet_protocols = ipv4',
      `relayhost = [127.0.0.1]:${nextHop}`,
      'mynetworks = 127.0.0.0/8',
      'smtpd_relay_restrictions = permit_mynetworks, reject',
      'smtpd_sender_restrictions = check_sender_access inline:{ refused@kielregion.de=REJECT }',
      'smtp_tls_security_level = none',
      'alias_maps =',
      'alias_database =',
      'message_size_limit = 20000',
      // by default Postfix refuses a sender only at RCPT TO (see README)
      'smtpd_delay_reject = no',
      ...extra,
    ].join('\n'),
  );
  writeFileSync(
    join(conf, 'master.cf'),
    readFileSync('/etc/postfix/master.cf', 'utf8').replace(
      /^smtp\s+inet.*$/m,
      `127.0.0.1:${port} inet n - n - - smtpd`,
    ),
  );
  execFileSync('script', ['-qc', `${POSTFIX} -c ${conf} start`, '/dev/null']);
  // wait until smtpd listens
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (up) break;
    const log = existsSync(join(dir, 'maillog')) ? readFileSync(join(dir, 'maillog'), 'utf8') : '';
    if (/fatal:/.test(log)) throw new Error(`Postfix did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    log: () => readFileSync(join(dir, 'maillog'), 'utf8'),
    stop() {
      execFileSync('script', ['-qc', `${POSTFIX} -c ${conf} stop`, '/dev/null']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dkim = createDkimSigner({
  domain: 'kielregion.de',
  selector: 'rk1',
  privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
});
const resolver = async (name: string) => {
  if (name !== 'rk1._domainkey.kielregion.de') throw Object.assign(new Error(name), { code: 'ENOTFOUND' });
  return [[`v=DKIM1; k=rsa; p=${keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`]];
};
const template = compileMessageTemplate({
  key: 'postfix-conformance',
  messageIdDomain: 'kielregion.de',
  from: { name: 'KielRegion', email: 'newsletter@kielregion.de' },
  subject: ['Grüße über Postfix'],
  text: ['Hallo,\n.\nEnde\n'],
  html: ['<p>Hallo</p>\n.<p>Ende</p>'],
  dkim,
});
const compose = (i: number) => {
  const m = template.compose({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    to: { name: `Empfänger ${i}`, email: `b${i}@example.org` },
    values: [],
  });
  return { messageId: m.messageId, chunks: [m.raw] };
};

describe.skipIf(!installed).each([
  ['default settings (PIPELINING announced)', [] as string[]],
  [
    'PIPELINING hidden and smtpd_forbid_unauth_pipelining = yes',
    ['smtpd_discard_ehlo_keywords = pipelining', 'smtpd_forbid_unauth_pipelining = yes'],
  ],
])('Postfix %s', (_name, extra) => {
  let sink: SmtpCapture;
  let postfix: Awaited<ReturnType<typeof startPostfix>>;
  beforeAll(async () => {
    sink = await startSmtpCapture();
    postfix = await startPostfix(sink.port, extra);
  }, 60_000);
  afterAll(async () => {
    postfix?.stop();
    await sink?.stop();
  });

  it('relays pipelined messages that arrive whole, DKIM intact', async () => {
    const t = createPipelinedSmtpTransport({ url: postfix.url, poolSize: 2 });
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        t.send({ from: 'bounce@kielregion.de', to: `b${i}@example.org` }, compose(i)),
      ),
    );
    await t.close();
    while (sink.total() < 5) await new Promise((r) => setTimeout(r, 50));
    for (const i of [1, 2, 3, 4, 5]) {
      const raw = sink.received.get(`b${i}@example.org`)?.[0] as Buffer;
      const parsed = await simpleParser(raw);
      expect(parsed.subject).toBe('Grüße über Postfix');
      expect(parsed.text).toContain('Hallo,\n.\nEnde');
      const { results } = await dkimVerify(raw, { resolver });
      expect(results[0]?.status.result).toBe('pass');
    }
    expect(postfix.log()).not.toMatch(/improper command pipelining/);
  });

  it('refuses a sender at MAIL FROM without a bounce, and a message over message_size_limit before DATA', async () => {
    const t = createPipelinedSmtpTransport({ url: postfix.url, poolSize: 1 });
    const sender = await t
      .send({ from: 'refused@kielregion.de', to: 'b6@example.org' }, compose(6))
      .catch((e: unknown) => e);
    expect(classifySmtpError(sender)).toMatchObject({
      phase: 'MAIL',
      action: 'pause-campaign',
      hardBounce: false,
    });
    const big = compose(7);
    const tooBig = await t
      .send(
        { from: 'bounce@kielregion.de', to: 'b7@example.org' },
        { ...big, chunks: [big.chunks[0]!, Buffer.from('x'.repeat(76).concat('\r\n').repeat(300))] },
      )
      .catch((e: unknown) => e);
    expect(tooBig).toMatchObject({ code: 'ESIZE' });
    await t.close();
  });
});
