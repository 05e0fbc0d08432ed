// pnpm bench: naive baseline (a), raw SMTP limit (b) and regiokit end to end (c), side by side.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { compileNewsletter, createTheme, personalise } from '@regiokit/content';
import { createPipelinedSmtpTransport, createSmtpTransport } from '@regiokit/smtp';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';
import { createProducer } from '../src/producer';
import { createStoreSendingStore } from '../src/sending/store-sending-store';
import { prepareMail } from '../src/sending/template-cache';
import { createCampaign, exampleIssue, REGION, seedRegion, seedSubscribers } from '../test/support/fixtures';
import { createTestDatabase, TEST_SECRET } from '../test/support/test-database';
import { processCpuMicros } from './process-cpu';
import { type SinkProcess, startSinkProcess } from './sink-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 300);
const POOL = Number(process.env.BENCH_POOL ?? 4);
/** (a), (b) and (c) are measured this many times, (b) and (c) alternately; medians are shown. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = (process.env.BENCH_CLIENTS ?? 'pipelined,nodemailer').split(',') as (
  | 'pipelined'
  | 'nodemailer'
)[];
const de = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

const theme = createTheme(REGION);
const compile = () => compileNewsletter(exampleIssue(), theme, { listName: 'Newsletter KielRegion' });
const mail = {
  compiled: await compile(),
  from: { name: REGION.sender?.name, email: REGION.sender?.email ?? '' },
  list: { id: 'newsletter.kielregion.kielregion.example' },
};
const values = (i: number) => ({
  email: `abonnent${i}@example.org`,
  firstName: `Jörg${i}`,
  lastName: 'Müller',
  salutation: 'herr' as const,
  unsubscribeUrl: `https://news.kielregion.example/u/${i.toString(36).padStart(24, '0')}`,
  preferencesUrl: `https://news.kielregion.example/p/${i.toString(36).padStart(24, '0')}`,
  webVersionUrl: 'https://news.kielregion.example/w/bench',
});

async function untilAccepted(sink: SinkProcess, n: number) {
  for (;;) {
    const c = await sink.counts();
    if (c.accepted >= n) return c;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** (a) what people write by hand: render MJML per recipient, nodemailer sendMail, 10 at a time. */
async function naive(sink: SinkProcess, n: number) {
  const transporter = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port: sink.port,
    maxConnections: POOL,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  await sink.reset();
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < n) {
        const i = next++;
        const m = personalise(await compile(), values(i));
        await transporter.sendMail({
          from: 'KielRegion <newsletter@kielregion.example>',
          to: values(i).email,
          subject: m.subject,
          html: m.html,
          text: m.text,
          list: { unsubscribe: { url: values(i).unsubscribeUrl, comment: 'Abmelden' } },
        });
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  transporter.close();
  return { perSecond: n / seconds, seconds };
}

/** (b) the raw limit: the same pooled connection sending one pre-built identical message. */
async function rawLimit(sink: SinkProcess, n: number, client: (typeof CLIENTS)[number]) {
  const url = `smtp://127.0.0.1:${sink.port}`;
  const transport =
    client === 'nodemailer'
      ? createSmtpTransport({ url, poolSize: POOL })
      : createPipelinedSmtpTransport({ url, poolSize: POOL });
  const prepared = prepareMail('bench-raw', mail as Parameters<typeof prepareMail>[1], undefined);
  const raw = prepared.template.compose({
    id: 'raw',
    to: { email: 'a@example.org' },
    values: [],
    unsubscribe: { url: 'https://x/u', mailto: 'mailto:u@x' },
  }).raw;
  await transport.send(
    { from: 'a@kielregion.example', to: 'b@example.org' },
    { messageId: '<w@x>', chunks: [raw], dotSafe: true },
  );
  const sinkStart = (await sink.reset()).cpuMicros;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: POOL * 8 }, async () => {
      while (next < n) {
        next++;
        await transport.send(
          { from: 'newsletter@kielregion.example', to: 'b@example.org' },
          { messageId: '<x@x>', chunks: [raw], dotSafe: true },
        );
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const sinkCpu = (await untilAccepted(sink, n)).cpuMicros - sinkStart;
  await transport.close();
  return {
    perSecond: n / seconds,
    seconds,
    bytes: raw.length,
    cpuMicrosPerMessage: (cpu.user + cpu.system) / n,
    sinkCpuMicrosPerMessage: sinkCpu / n,
  };
}

/** (c) regiokit end to end, from schedule to the last message accepted by the sink. */
async function regiokit(sink: SinkProcess, n: number, client: (typeof CLIENTS)[number]) {
  const prefix = `rk-bench-${Date.now()}`;
  const redis = new Redis(REDIS_URL);
  const database = await createTestDatabase('postgres');
  const store = await database.open();
  await seedRegion(store);
  const seeded = performance.now();
  await seedSubscribers(store, n);
  console.log(
    `(imported ${n} subscribers through the store in ${((performance.now() - seeded) / 1000).toFixed(1)} s)`,
  );
  await createCampaign(store, 'bench');
  // the work autovacuum would do after the seeding is not part of sending: done before the clock
  // starts, as it would have been long before a real campaign
  await promisify(execFile)('psql', [database.options.databaseUrl ?? '', '-q', '-c', 'VACUUM ANALYZE']);
  const sending = createStoreSendingStore(store, {
    secret: TEST_SECRET,
    publicUrl: 'https://news.kielregion.example',
  });
  const metricsPort = 20_000 + Math.floor(Math.random() * 20_000);
  // the production process, built: node dist/main.js, configured through the environment
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] : []),
      new URL('../dist/main.js', import.meta.url).pathname,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        REDIS_URL,
        DATABASE_URL: database.options.databaseUrl,
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        SMTP_CLIENT: client,
        SMTP_POOL_SIZE: String(POOL),
        QUEUE_PREFIX: prefix,
        SEND_RATE: '1000000',
        CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '8',
        BATCH_SIZE: '500',
        PUBLIC_URL: 'https://news.kielregion.example',
        REGIOKIT_SECRET: TEST_SECRET,
        METRICS_PORT: String(metricsPort),
        LOG_LEVEL: 'info',
      },
    },
  );
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => {
    readyResolve = r;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.includes('"worker started"')) readyResolve();
  });
  const exited = new Promise((r) => child.once('exit', r));
  await ready;
  const scrape = async () => {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
    return {
      rss: value('process_resident_memory_bytes'),
      maxRss: value('process_max_resident_memory_bytes'),
      cpu: value('process_cpu_seconds_total'),
    };
  };
  const idle = await scrape();
  let peakRss = idle.rss;
  // the worker's own peak (getrusage) is read at the end; this only backs it up, rarely enough
  // not to cost the worker noticeable CPU
  const poll = setInterval(() => {
    scrape().then(
      (m) => {
        peakRss = Math.max(peakRss, m.rss);
      },
      () => undefined,
    );
  }, 1_000);
  const sinkStart = (await sink.reset()).cpuMicros;
  const redisStart = processCpuMicros(['redis-server']);
  const postgresStart = processCpuMicros(['postgres']);
  const producer = createProducer({ connection: redis, prefix, store: sending });
  const start = Date.now();
  await producer.scheduleCampaign(REGION.id, 'bench', { kind: 'now' });
  const counts = await untilAccepted(sink, n);
  const end = await scrape();
  const redisCpu = processCpuMicros(['redis-server']) - redisStart;
  const postgresCpu = processCpuMicros(['postgres']) - postgresStart;
  clearInterval(poll);
  const seconds = (counts.lastAt - start) / 1000;
  const status = await sending.getCampaignStatus(REGION.id, 'bench');
  child.kill('SIGTERM');
  await exited;
  await producer.close();
  await store.close();
  await database.drop();
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = nextCursor;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
  return {
    perSecond: n / seconds,
    seconds,
    cpuMicrosPerMessage: ((end.cpu - idle.cpu) * 1e6) / n,
    sinkCpuMicrosPerMessage: (counts.cpuMicros - sinkStart) / n,
    redisCpuMicrosPerMessage: redisCpu / n,
    postgresCpuMicrosPerMessage: postgresCpu / n,
    firstMessageMs: counts.firstAt - start,
    peakRssMb: Math.max(peakRss, end.maxRss) / 1024 / 1024,
    idleRssMb: idle.rss / 1024 / 1024,
    status,
    accepted: counts.accepted,
  };
}

const sink = await startSinkProcess();
interface Row {
  recipients: number;
  client: string;
  htmlBytes: number;
  messageBytes: number;
  rounds: number;
  naive: { perSecond: number; sample: number; extrapolatedSeconds: number };
  raw: Awaited<ReturnType<typeof rawLimit>>;
  regiokit: Awaited<ReturnType<typeof regiokit>>;
  /** Median of the rounds' (c)/(b): each (c) next to the (b) measured just before it. */
  regiokitVsRaw: number;
  regiokitVsNaive: number;
  perRound: { raw: number; regiokit: number }[];
}
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** The run whose throughput is the median (the middle one of an odd number), with its figures. */
const medianRun = <T extends { perSecond: number }>(runs: readonly T[]): T => {
  const sorted = [...runs].sort((x, y) => x.perSecond - y.perSecond);
  return sorted[(sorted.length - 1) >> 1]!;
};
const results: Row[] = [];
const naiveRuns: Awaited<ReturnType<typeof naive>>[] = [];
for (let r = 0; r < ROUNDS; r++) {
  console.log(`(a) naive, round ${r + 1} of ${ROUNDS}`);
  naiveRuns.push(await naive(sink, NAIVE_SAMPLE));
}
const naivePerSecond = median(naiveRuns.map((n) => n.perSecond));
for (const n of SIZES) {
  for (const client of CLIENTS) {
    const raws: Awaited<ReturnType<typeof rawLimit>>[] = [];
    const runs: Awaited<ReturnType<typeof regiokit>>[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      console.log(`${de.format(n)} recipients, ${client}: (b) and (c), round ${r + 1} of ${ROUNDS}`);
      raws.push(await rawLimit(sink, n, client));
      runs.push(await regiokit(sink, n, client));
    }
    const b = medianRun(raws);
    const c = { ...medianRun(runs), peakRssMb: Math.max(...runs.map((x) => x.peakRssMb)) };
    results.push({
      recipients: n,
      client,
      htmlBytes: mail.compiled.htmlBytes,
      messageBytes: b.bytes,
      rounds: ROUNDS,
      naive: {
        perSecond: naivePerSecond,
        sample: NAIVE_SAMPLE,
        extrapolatedSeconds: n / naivePerSecond,
      },
      raw: b,
      regiokit: c,
      regiokitVsRaw: median(runs.map((x, i) => x.perSecond / raws[i]!.perSecond)),
      regiokitVsNaive: c.perSecond / naivePerSecond,
      perRound: runs.map((x, i) => ({ raw: raws[i]!.perSecond, regiokit: x.perSecond })),
    });
  }
}
await sink.stop();

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(
  `\nworker benchmark: ${de.format(mail.compiled.htmlBytes)} B HTML per mail, SMTP sink in its own process, pool ${POOL}, median of ${ROUNDS} round(s)`,
);
console.log(
  line([
    'recipients',
    'SMTP client',
    '(a) naive mjml2html + sendMail ×10',
    '(b) raw limit, identical message',
    '(c) regiokit end to end',
    '(c)/(b)',
    '(c)/(a)',
    'worker peak RSS',
    '(b) → (c) per round',
  ]),
);
console.log(line(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
for (const r of results) {
  console.log(
    line([
      de.format(r.recipients),
      r.client,
      `${de.format(r.naive.perSecond)}/s (${de.format(r.naive.sample)} measured, ${de.format(r.naive.extrapolatedSeconds)} s extrapolated)`,
      `${de.format(r.raw.perSecond)}/s (${r.raw.seconds.toFixed(1)} s; CPU/msg: sender ${de.format(r.raw.cpuMicrosPerMessage)} µs, sink ${de.format(r.raw.sinkCpuMicrosPerMessage)} µs)`,
      `${de.format(r.regiokit.perSecond)}/s (${r.regiokit.seconds.toFixed(1)} s, first after ${de.format(r.regiokit.firstMessageMs)} ms; CPU/msg: worker ${de.format(r.regiokit.cpuMicrosPerMessage)} µs, sink ${de.format(r.regiokit.sinkCpuMicrosPerMessage)} µs, Redis ${de.format(r.regiokit.redisCpuMicrosPerMessage)} µs, PostgreSQL ${de.format(r.regiokit.postgresCpuMicrosPerMessage)} µs)`,
      `${de.format(r.regiokitVsRaw * 100)} %`,
      `${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.regiokitVsNaive)} ×`,
      `${de.format(r.regiokit.peakRssMb)} MB (${de.format(r.regiokit.idleRssMb)} MB at start)`,
      r.perRound.map((p) => `${de.format(p.raw)} → ${de.format(p.regiokit)}`).join('; '),
    ]),
  );
}
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, pool: POOL, rounds: ROUNDS, results }, null, 2)}\n`,
);
console.log('\nwritten to bench/results.json');
