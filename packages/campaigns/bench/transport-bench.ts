// Where the time of one message goes: MIME composition (nodemailer vs. pre-encoded chunks, with
// and without DKIM) and SMTP sending paths, against the sink process. `N=5000 pnpm bench:transport`.
import { generateKeyPairSync } from 'node:crypto';
import { compileNewsletter, createTheme, fillParts, resolveMergeValues } from '@regiokit/content';
import {
  compileMessageTemplate,
  createDkimSigner,
  createPipelinedSmtpTransport,
  createSmtpTransport,
  type MailTransport,
} from '@regiokit/smtp';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { exampleIssue, REGION } from '../test/support/fixtures';
import { startSinkProcess } from './sink-process';

const N = Number(process.env.N ?? 5000);
const compiled = await compileNewsletter(exampleIssue(), createTheme(REGION), {
  listName: 'Newsletter KielRegion',
});
const values = (i: number) =>
  resolveMergeValues(compiled, {
    email: `abonnent${i}@example.org`,
    firstName: `Jörg${i}`,
    lastName: 'Müller',
    salutation: 'herr',
    unsubscribeUrl: `https://news.kielregion.example/u/${i.toString(36).padStart(40, 'x')}`,
    preferencesUrl: `https://news.kielregion.example/p/${i.toString(36).padStart(40, 'x')}`,
    webVersionUrl: 'https://news.kielregion.example/w/kielregion/bench',
  });
const rows: Record<string, string | number>[] = [];
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

function composerFor(dkimKey?: string) {
  return compileMessageTemplate({
    key: 'kielregion.bench',
    messageIdDomain: 'kielregion.example',
    from: { name: 'KielRegion', email: 'newsletter@kielregion.example' },
    subject: compiled.subject.parts,
    text: compiled.text.parts,
    html: compiled.html.parts,
    list: { id: 'newsletter.kielregion.kielregion.example' },
    dkim: dkimKey
      ? createDkimSigner({ domain: 'kielregion.example', selector: 'rk', privateKey: dkimKey })
      : undefined,
  });
}
const recipient = (i: number) => ({
  id: `r${i}`,
  to: { name: `Jörg${i} Müller`, email: `abonnent${i}@example.org` },
  values: values(i),
  unsubscribe: {
    url: `https://news.kielregion.example/u/${i}`,
    mailto: 'mailto:unsubscribe@kielregion.example',
  },
});

async function timeCompose(name: string, compose: (i: number) => Buffer | Promise<Buffer>) {
  for (let i = 0; i < 200; i++) await compose(i);
  const t = performance.now();
  let size = 0;
  for (let i = 0; i < N; i++) size = (await compose(i)).length;
  const ms = performance.now() - t;
  rows.push({
    step: name,
    messages: N,
    'µs/msg': Math.round((ms * 1000) / N),
    'msgs/s': rate(N, ms),
    bytes: size,
  });
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const plain = composerFor();
await timeCompose('nodemailer MailComposer (html+text, filled per recipient)', (i) => {
  const v = values(i);
  return new MailComposer({
    from: 'KielRegion <newsletter@kielregion.example>',
    to: `Jörg${i} Müller <abonnent${i}@example.org>`,
    subject: fillParts(compiled.subject, v),
    html: fillParts(compiled.html, v),
    text: fillParts(compiled.text, v),
    list: { unsubscribe: { url: `https://news.kielregion.example/u/${i}`, comment: 'Abmelden' } },
  })
    .compile()
    .build();
});
await timeCompose('regiokit compose (pre-encoded chunks)', (i) => plain.compose(recipient(i)).raw);
const withRsa = composerFor(rsa);
await timeCompose('regiokit compose + DKIM rsa-sha256 2048', (i) => withRsa.compose(recipient(i)).raw);
const withEd = composerFor(ed);
await timeCompose('regiokit compose + DKIM ed25519-sha256', (i) => withEd.compose(recipient(i)).raw);

const sink = await startSinkProcess();
const url = `smtp://127.0.0.1:${sink.port}`;
async function timeSend(
  name: string,
  transport: MailTransport,
  concurrency: number,
  build: (i: number) => Buffer | Buffer[],
) {
  await transport.send(
    { from: 'a@kielregion.example', to: 'b@example.org' },
    { messageId: '<w@x>', chunks: [Buffer.concat([build(0)].flat())] },
  );
  const sinkStart = (await sink.reset()).cpuMicros;
  const t = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < N) {
        const i = next++;
        const built = build(i);
        await transport.send(
          { from: 'a@kielregion.example', to: `abonnent${i}@example.org` },
          { messageId: `<${i}@x>`, chunks: Array.isArray(built) ? built : [built], dotSafe: true },
        );
      }
    }),
  );
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const c = await sink.counts();
  rows.push({
    step: name,
    messages: c.accepted,
    'µs/msg': Math.round((ms * 1000) / N),
    'sender CPU µs/msg': Math.round((used.user + used.system) / N),
    'sink CPU µs/msg': Math.round((c.cpuMicros - sinkStart) / N),
    'msgs/s': rate(N, ms),
    bytes: Math.round(c.bytes / c.accepted),
  });
  await transport.close();
}
const fixed = plain.compose(recipient(0)).raw;
await timeSend(
  'nodemailer pool 4, raw identical',
  createSmtpTransport({ url, poolSize: 4 }),
  32,
  () => fixed,
);
await timeSend(
  'pipelined client pool 4, raw identical',
  createPipelinedSmtpTransport({ url, poolSize: 4 }),
  32,
  () => fixed,
);
await timeSend(
  'compose + pipelined client pool 4',
  createPipelinedSmtpTransport({ url, poolSize: 4 }),
  32,
  (i) => plain.compose(recipient(i)).chunks,
);
{
  const transporter = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port: sink.port,
    maxConnections: 4,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  await sink.reset();
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < N) {
        const i = next++;
        const v = values(i);
        await transporter.sendMail({
          from: 'KielRegion <newsletter@kielregion.example>',
          to: `Jörg${i} Müller <abonnent${i}@example.org>`,
          subject: fillParts(compiled.subject, v),
          html: fillParts(compiled.html, v),
          text: fillParts(compiled.text, v),
        });
      }
    }),
  );
  const ms = performance.now() - t;
  rows.push({
    step: 'nodemailer sendMail (html+text), concurrency 10',
    messages: (await sink.counts()).accepted,
    'µs/msg': Math.round((ms * 1000) / N),
    'msgs/s': rate(N, ms),
    bytes: 0,
  });
  transporter.close();
}
await sink.stop();
console.log(`HTML ${compiled.htmlBytes} B per mail`);
console.table(rows);
