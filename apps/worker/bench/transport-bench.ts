// Measures MIME composition and SMTP sending paths in isolation (see bench/run.ts for the full run).
import { generateKeyPairSync } from 'node:crypto';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { createDkimSigner } from '../src/mime/dkim-signer';
import { compileMessageTemplate } from '../src/mime/message-template';
import { createSmtpTransport } from '../src/sending/mail-transport';
import { renderNaive, sampleMjml, sampleText, slotValues, splitParts } from './sample-newsletter';
import { startSinkProcess } from './sink-process';

const N = Number(process.env.N ?? 5000);
const html = (await (await import('mjml')).default(sampleMjml(), { validationLevel: 'skip' })).html;
const text = sampleText();
const values = (i: number) => ({
  firstName: `Jörg${i}`,
  lastName: 'Müller',
  email: `user${i}@example.org`,
  unsubscribeUrl: `https://regiokit.example/u/${i.toString(36).padStart(40, 'x')}`,
});
const fill = (s: string, v: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, f: string) => v[f] ?? '');
const rows: Record<string, string | number>[] = [];
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

function composerFor(dkimKey?: string) {
  return compileMessageTemplate({
    key: 'bench',
    messageIdDomain: 'kielregion.de',
    from: { name: 'KielRegion', email: 'newsletter@kielregion.de' },
    subject: ['Neuigkeiten für ', { slot: 0 }],
    text: splitParts(text),
    html: splitParts(html),
    list: { id: 'newsletter.kielregion.regiokit' },
    dkim: dkimKey
      ? createDkimSigner({ domain: 'kielregion.de', selector: 'rk', privateKey: dkimKey })
      : undefined,
  });
}
const recipient = (i: number) => ({
  id: `r${i}`,
  to: { name: `Jörg${i} Müller`, email: `user${i}@example.org` },
  values: slotValues(values(i)),
  unsubscribe: { url: values(i).unsubscribeUrl, mailto: 'mailto:u@kielregion.de' },
});

function timeCompose(name: string, compose: (i: number) => Buffer | Promise<Buffer>) {
  return async () => {
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
  };
}

console.log(`html ${html.length} B, text ${text.length} B`);
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const plain = composerFor();
const withRsa = composerFor(rsa);
const withEd = composerFor(ed);
await timeCompose('nodemailer MailComposer (html+text)', (i) =>
  new MailComposer({
    from: 'KielRegion <newsletter@kielregion.de>',
    to: `Jörg${i} Müller <user${i}@example.org>`,
    subject: `Neuigkeiten für Jörg${i}`,
    html: fill(html, values(i)),
    text: fill(text, values(i)),
    list: { unsubscribe: { url: values(i).unsubscribeUrl, comment: 'x' } },
  })
    .compile()
    .build(),
)();
await timeCompose('regiokit compose (pre-encoded chunks)', (i) => plain.compose(recipient(i)).raw)();
await timeCompose('regiokit compose + DKIM rsa-sha256 2048', (i) => withRsa.compose(recipient(i)).raw)();
await timeCompose('regiokit compose + DKIM ed25519-sha256', (i) => withEd.compose(recipient(i)).raw)();
if (process.env.NAIVE)
  await timeCompose('mjml2html per recipient', async (i) =>
    Buffer.from(await renderNaive(sampleMjml(), values(i))),
  )();

const sink = await startSinkProcess();
const url = `smtp://127.0.0.1:${sink.port}`;
async function timeSend(name: string, pool: number, concurrency: number, build: (i: number) => Buffer) {
  const transport = createSmtpTransport({ url, poolSize: pool });
  await transport.send(
    { from: 'a@kielregion.de', to: 'b@example.org' },
    { messageId: '<warm@x>', chunks: [build(0)] },
  );
  await sink.reset();
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < N) {
        const i = next++;
        await transport.send(
          { from: 'a@kielregion.de', to: `user${i}@example.org` },
          { messageId: `<${i}@x>`, chunks: [build(i)] },
        );
      }
    }),
  );
  const ms = performance.now() - t;
  const c = await sink.counts();
  rows.push({
    step: name,
    messages: c.accepted,
    'µs/msg': Math.round((ms * 1000) / N),
    'msgs/s': rate(N, ms),
    bytes: Math.round(c.bytes / c.accepted),
  });
  await transport.close();
}
const fixed = plain.compose(recipient(0)).raw;
for (const pool of [1, 2, 4, 8]) {
  await timeSend(`(b) nodemailer pool ${pool}, raw identical`, pool, pool * 8, () => fixed);
}
await timeSend('regiokit compose + nodemailer pool 4', 4, 32, (i) => plain.compose(recipient(i)).raw);
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
        await transporter.sendMail({
          from: 'KielRegion <newsletter@kielregion.de>',
          to: `Jörg${i} Müller <user${i}@example.org>`,
          subject: `Neuigkeiten für Jörg${i}`,
          html: fill(html, values(i)),
          text: fill(text, values(i)),
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
console.table(rows);
