// Store benchmark: CSV import, audience iteration, claim + settle; on PostgreSQL and on PGlite.
// Usage: pnpm bench [-- --rows 100000 --backends postgres,pglite]
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openStore, type Store } from '../src/index';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '500' },
    backends: { type: 'string', default: 'postgres,pglite' },
  },
});
const ROWS = Number(args.rows);
const BATCH = Number(args.batch);
const SERVER_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const SECRET = randomBytes(32).toString('hex');
const REGION = 'kielregion';

interface Row {
  backend: string;
  task: string;
  items: number;
  seconds: number;
  /** CPU time of this process plus the database server processes, when readable. */
  cpuSeconds?: number;
  target?: number;
}

/** Where the database does its work: server process ids to read CPU time from (none for PGlite). */
type ServerPids = () => Promise<number[]>;

const numberDe = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const secondsDe = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function csvOf(rows: number): string {
  const lines = ['email,first_name,last_name,topics,requested_at,confirmed_at'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `person${i}@example.org,Vorname${i},Nachname${i},${i % 3 === 0 ? 'fachkraefte' : 'tourismus'},2024-03-01T09:00:00Z,2024-03-01T09:05:00Z`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// Linux reports process CPU time in clock ticks of 1/100 s.
function serverCpuSeconds(pids: number[]): number | undefined {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  }
  return ticks / 100;
}

/** Wall time, and CPU time of this process and the database server (the machine may be shared). */
async function timed<T>(
  serverPids: ServerPids,
  fn: () => Promise<T>,
): Promise<[T, number, number | undefined]> {
  const pids = await serverPids();
  const server = serverCpuSeconds(pids);
  const own = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(own);
  const serverAfter = serverCpuSeconds(pids);
  const cpu =
    server === undefined || serverAfter === undefined
      ? undefined
      : (used.user + used.system) / 1e6 + serverAfter - server;
  return [result, seconds, cpu];
}

async function seed(store: Store): Promise<void> {
  await store.topics.put({ id: 'fachkraefte', regionId: REGION, name: 'Fachkräfte' });
  await store.topics.put({ id: 'tourismus', regionId: REGION, name: 'Tourismus' });
  await store.lists.put({ id: 'newsletter', regionId: REGION, kind: 'newsletter', name: 'Newsletter' });
  await store.consent.putText(REGION, '2024-01', 'Ja, ich möchte den Newsletter erhalten.');
  await store.records.put('newsletter-issue', {
    id: 'ausgabe-1',
    regionId: REGION,
    date: '2026-11-24',
    subject: 'Newsletter',
    sections: [{ heading: 'Neues', items: [{ kind: 'article', title: 'Titel', text: 'Text' }] }],
  });
  await createCampaign(store, 'bench');
}

async function createCampaign(store: Store, id: string): Promise<void> {
  await store.campaigns.create(
    {
      id,
      regionId: REGION,
      name: id,
      content: { kind: 'newsletter', issueId: 'ausgabe-1' },
      audience: { listId: 'newsletter' },
      plan: { kind: 'now' },
    },
    'bench',
  );
  await store.campaigns.transition(REGION, id, 'scheduled', { actor: 'bench' });
  await store.campaigns.transition(REGION, id, 'sending', { actor: 'bench' });
}

async function run(
  backend: string,
  store: Store,
  csv: string,
  extraClaimers: () => Promise<Store>[],
  serverPids: ServerPids,
): Promise<Row[]> {
  await seed(store);
  const [report, importSeconds, importCpu] = await timed(serverPids, () =>
    store.subscribers.importCsv(csv, {
      regionId: REGION,
      listId: 'newsletter',
      actor: 'bench',
      consentTextVersion: '2024-01',
      batchSize: 2000,
    }),
  );
  if (report.active !== ROWS) throw new Error(`expected ${ROWS} active rows, got ${report.active}`);

  const [ids, iterateSeconds, iterateCpu] = await timed(serverPids, async () => {
    const all: string[] = [];
    for await (const batch of store.audience.iterate(
      REGION,
      { listId: 'newsletter' },
      { batchSize: BATCH },
    )) {
      for (const recipient of batch) all.push(recipient.id);
    }
    return all;
  });
  if (ids.length !== ROWS) throw new Error(`expected ${ROWS} recipients, got ${ids.length}`);

  // Claimers take batches off a shared queue, as worker processes take jobs.
  const claimAndSettle = async (campaignId: string, claimers: Store[]) => {
    let next = 0;
    let settled = 0;
    await Promise.all(
      claimers.map(async (claimer) => {
        for (let start = next; start < ids.length; start = next) {
          next += BATCH;
          const claim = await claimer.ledger.claim(REGION, campaignId, ids.slice(start, start + BATCH));
          const result = await claimer.ledger.settle(
            claim,
            claim.subscriberIds.map((subscriberId) => ({
              subscriberId,
              state: 'sent',
              messageId: `<${subscriberId}@bench>`,
            })),
          );
          settled += result.settled;
        }
      }),
    );
    const progress = await store.ledger.progress(REGION, campaignId);
    if (settled !== ROWS || progress.sent !== ROWS)
      throw new Error(`expected ${ROWS} sent, got ${settled}/${progress.sent}`);
  };
  const [, claimSeconds, claimCpu] = await timed(serverPids, () => claimAndSettle('bench', [store]));
  const parallel = [store, ...(await Promise.all(extraClaimers()))];
  let parallelSeconds: number | undefined;
  let parallelCpu: number | undefined;
  try {
    await createCampaign(store, 'bench-parallel');
    [, parallelSeconds, parallelCpu] = await timed(serverPids, () =>
      claimAndSettle('bench-parallel', parallel),
    );
  } finally {
    for (const claimer of parallel.slice(1)) await claimer.close();
  }

  return [
    {
      backend,
      task: `CSV import (${numberDe.format(ROWS)} rows)`,
      items: ROWS,
      seconds: importSeconds,
      cpuSeconds: importCpu,
      target: 20_000,
    },
    {
      backend,
      task: `audience iteration (batches of ${BATCH})`,
      items: ROWS,
      seconds: iterateSeconds,
      cpuSeconds: iterateCpu,
    },
    {
      backend,
      task: `claim + settle (batches of ${BATCH}, 1 worker)`,
      items: ROWS,
      seconds: claimSeconds,
      cpuSeconds: claimCpu,
      target: 20_000,
    },
    ...(parallel.length > 1
      ? [
          {
            backend,
            task: `claim + settle (batches of ${BATCH}, ${parallel.length} workers)`,
            items: ROWS,
            seconds: parallelSeconds ?? Number.NaN,
            cpuSeconds: parallelCpu,
            target: 20_000,
          },
        ]
      : []),
  ];
}

async function onPostgres(csv: string): Promise<Row[]> {
  const name = `regiokit_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    console.error(`PostgreSQL at ${SERVER_URL} is not reachable (${(error as Error).message}); skipping it.`);
    await admin.end();
    return [];
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  try {
    const store = await openStore({ databaseUrl: url.toString(), secret: SECRET });
    try {
      // More connections (as more worker processes would have) claiming in parallel.
      const more = () =>
        [1, 2, 3].map(() => openStore({ databaseUrl: url.toString(), secret: SECRET, maxConnections: 1 }));
      const pids = async () =>
        (await admin`select pid from pg_stat_activity where datname = ${name}`).map((r) => Number(r.pid));
      return await run('PostgreSQL', store, csv, more, pids);
    } finally {
      await store.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function onPglite(csv: string): Promise<Row[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'regiokit-bench-'));
  try {
    const store = await openStore({ dataDir, secret: SECRET });
    try {
      // One process only: PGlite has one connection.
      return await run(
        'PGlite',
        store,
        csv,
        () => [],
        async () => [],
      );
    } finally {
      await store.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function print(rows: Row[]): void {
  const header = [
    'Datenbank',
    'Aufgabe',
    'Anzahl',
    'Sekunden',
    'pro Sekunde',
    'CPU-Sekunden',
    'pro CPU-Sekunde',
    'Ziel',
  ];
  const body = rows.map((r) => [
    r.backend,
    r.task,
    numberDe.format(r.items),
    secondsDe.format(r.seconds),
    numberDe.format(r.items / r.seconds),
    r.cpuSeconds === undefined ? '–' : secondsDe.format(r.cpuSeconds),
    r.cpuSeconds === undefined ? '–' : numberDe.format(r.items / r.cpuSeconds),
    r.target === undefined || r.backend !== 'PostgreSQL'
      ? ''
      : `≥ ${numberDe.format(r.target)}/s ${r.items / r.seconds >= r.target ? 'erreicht' : 'verfehlt'}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  console.log(
    `\nCPU-Sekunden: dieser Prozess plus die PostgreSQL-Serverprozesse (PGlite läuft im Prozess). Last (1 min): ${loadavg()[0]?.toFixed(2)} auf ${availableParallelism()} Kernen.`,
  );
}

const csv = csvOf(ROWS);
const rows: Row[] = [];
for (const backend of args.backends.split(',')) {
  if (backend === 'postgres') rows.push(...(await onPostgres(csv)));
  else if (backend === 'pglite') rows.push(...(await onPglite(csv)));
  else throw new Error(`unknown backend "${backend}"; expected postgres or pglite`);
}
print(rows);
