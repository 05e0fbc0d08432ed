// CSV import with csv-parse against the hand-written parser: the same file, imported into a fresh
// PostgreSQL database per round, the two alternating; prints the median rows/s of each.
// Usage: node --conditions=@regiokit/source --import tsx bench/csv-parser-bench.ts [--rows N] [--rounds N]
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { useCsvParser } from '../src/csv-source';
import { openStore } from '../src/index';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
  },
});
const ROWS = Number(args.rows);
const ROUNDS = Number(args.rounds);
const SERVER_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const SECRET = randomBytes(32).toString('hex');
const REGION = 'kielregion';
const numberDe = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

function csvOf(rows: number): string {
  const lines = ['email,first_name,last_name,topics,requested_at,confirmed_at'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `person${i}@example.org,"Vorname ${i}",Nachname${i},${i % 3 === 0 ? 'fachkraefte' : 'tourismus'},2024-03-01T09:00:00Z,2024-03-01T09:05:00Z`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function importOnce(parser: 'csv-parse' | 'own', csv: string): Promise<number> {
  const name = `regiokit_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  try {
    const store = await openStore({ databaseUrl: url.toString(), secret: SECRET });
    try {
      await store.topics.put({ id: 'fachkraefte', regionId: REGION, name: 'Fachkräfte' });
      await store.topics.put({ id: 'tourismus', regionId: REGION, name: 'Tourismus' });
      await store.lists.put({ id: 'newsletter', regionId: REGION, kind: 'newsletter', name: 'Newsletter' });
      await store.consent.putText(REGION, '2024-01', 'Ja, ich möchte den Newsletter erhalten.');
      useCsvParser(parser);
      const start = process.hrtime.bigint();
      const report = await store.subscribers.importCsv(csv, {
        regionId: REGION,
        listId: 'newsletter',
        actor: 'bench',
        consentTextVersion: '2024-01',
        batchSize: 2000,
      });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (report.active !== ROWS) throw new Error(`expected ${ROWS} active rows, got ${report.active}`);
      return ROWS / seconds;
    } finally {
      useCsvParser('csv-parse');
      await store.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const csv = csvOf(ROWS);
const rates: Record<'csv-parse' | 'own', number[]> = { 'csv-parse': [], own: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const parser of round % 2 === 0 ? (['csv-parse', 'own'] as const) : (['own', 'csv-parse'] as const)) {
    rates[parser].push(await importOnce(parser, csv));
  }
}
const withCsvParse = median(rates['csv-parse']);
const own = median(rates.own);
console.log(`| Parser | Zeilen/s (Median aus ${ROUNDS}) | Runden |`);
console.log('| --- | --- | --- |');
console.log(
  `| csv-parse | ${numberDe.format(withCsvParse)} | ${rates['csv-parse'].map((r) => numberDe.format(r)).join(', ')} |`,
);
console.log(
  `| hand-written | ${numberDe.format(own)} | ${rates.own.map((r) => numberDe.format(r)).join(', ')} |`,
);
console.log(
  `\nCSV import of ${numberDe.format(ROWS)} rows on PostgreSQL: csv-parse ${((withCsvParse / own - 1) * 100).toFixed(1)} % against the hand-written parser. Last (1 min): ${loadavg()[0]?.toFixed(2)} auf ${availableParallelism()} Kernen.`,
);
