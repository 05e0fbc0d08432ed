import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CompiledTemplate,
  compileNewsletter,
  compilePressRelease,
  compileServiceMail,
  createTheme,
  fillParts,
  personalise,
  resolveMergeValues,
} from '../src/index';
import { EXAMPLE_BUNDLES } from '../test/example-bundles';
import { buildTenSectionIssue } from './ten-section-issue';

const COMPILE_TARGET_MS = 150;
const PERSONALISE_TARGET_PER_SECOND = 100_000;
const RUNS = 15;

const bundle = EXAMPLE_BUNDLES[0]!;
const theme = createTheme(bundle.region);
const issue = buildTenSectionIssue(bundle.newsletterIssues[0]!);
const release = bundle.pressReleases[0]!;

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function perSecond(run: (i: number) => unknown, seconds = 1.5): number {
  for (let i = 0; i < 5_000; i++) run(i);
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1_000; i++) run(count + i);
    count += 1_000;
  }
  return count / ((performance.now() - start) / 1000);
}

const templates: { name: string; compile: () => Promise<CompiledTemplate> }[] = [
  { name: 'newsletter, 10 sections × 3 items', compile: () => compileNewsletter(issue, theme) },
  {
    name: 'newsletter, 10 sections, minified',
    compile: () => compileNewsletter(issue, theme, { minify: true }),
  },
  { name: 'press release', compile: () => compilePressRelease(release, theme) },
  { name: 'double opt-in', compile: () => compileServiceMail({ kind: 'double-opt-in' }, theme) },
  {
    name: 'unsubscribe confirmation',
    compile: () => compileServiceMail({ kind: 'unsubscribe-confirmation' }, theme),
  },
];

interface Row {
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  readonly ok: string;
}
const rows: Row[] = [];
const results: Record<string, number> = {};

for (const t of templates) {
  const ms = await medianMs(t.compile);
  const compiled = await t.compile();
  results[`compile ms: ${t.name}`] = ms;
  results[`html bytes: ${t.name}`] = compiled.htmlBytes;
  rows.push({
    measure: `compile: ${t.name}`,
    value: `${ms.toFixed(1)} ms`,
    target: `≤ ${COMPILE_TARGET_MS} ms`,
    ok: ms <= COMPILE_TARGET_MS ? 'yes' : 'NO',
  });
  rows.push({
    measure: `HTML size: ${t.name}`,
    value: `${(compiled.htmlBytes / 1024).toFixed(1)} KiB`,
    target: '≤ 100 KiB',
    ok: compiled.warnings.length === 0 ? 'yes' : 'NO',
  });
}

const compiled = await compileNewsletter(issue, theme);
const recipient = (i: number) => ({
  email: `leser${i}@example.org`,
  firstName: 'Erika',
  lastName: `Mustermann ${i}`,
  salutation: 'frau' as const,
  unsubscribeUrl: `https://news.example.org/u/${i}?t=abc&l=newsletter`,
  preferencesUrl: `https://news.example.org/p/${i}`,
  webVersionUrl: 'https://news.example.org/w/2026-04',
});

const personaliseRate = perSecond((i) => personalise(compiled, recipient(i)));
const resolveRate = perSecond((i) => resolveMergeValues(compiled, recipient(i)));
const flattenRate = perSecond((i) => {
  const mail = personalise(compiled, recipient(i));
  return Buffer.from(mail.html).length + Buffer.from(mail.text).length;
}, 1);
const partsRate = perSecond((i) => fillParts(compiled.html, resolveMergeValues(compiled, recipient(i))));
results['personalise per second'] = personaliseRate;
results['resolveMergeValues per second'] = resolveRate;
results['personalise + UTF-8 encode per second'] = flattenRate;
results['resolve + fill HTML per second'] = partsRate;

const rate = (n: number) => `${Math.round(n).toLocaleString('en-GB')}/s`;
rows.push({
  measure: 'personalise (10-section newsletter)',
  value: rate(personaliseRate),
  target: `≥ ${PERSONALISE_TARGET_PER_SECOND.toLocaleString('en-GB')}/s`,
  ok: personaliseRate >= PERSONALISE_TARGET_PER_SECOND ? 'yes' : 'NO',
});
rows.push({
  measure: 'resolveMergeValues only (sender fills parts)',
  value: rate(resolveRate),
  target: '',
  ok: '',
});
rows.push({ measure: 'resolve + fill HTML parts', value: rate(partsRate), target: '', ok: '' });
rows.push({
  measure: 'personalise + UTF-8 encode whole HTML and text',
  value: rate(flattenRate),
  target: '',
  ok: '',
});
rows.push({
  measure: 'parts in HTML / text',
  value: `${compiled.html.parts.length} / ${compiled.text.parts.length}`,
  target: '',
  ok: '',
});

const widths = [0, 1, 2, 3].map((c) =>
  Math.max(
    ...[['measure', 'value', 'target', 'ok'], ...rows.map((r) => [r.measure, r.value, r.target, r.ok])].map(
      (r) => r[c]!.length,
    ),
  ),
);
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(
  `@regiokit/content render benchmark (Node ${process.version}, one core, median of ${RUNS} compiles)`,
);
console.log(line(['measure', 'value', 'target', 'ok']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line([r.measure, r.value, r.target, r.ok]));

console.log(
  '\nEncoding the whole HTML per recipient dominates; a sender encodes the static parts once per campaign\n' +
    'and per recipient only the values from resolveMergeValues (see README, "Sending").',
);

const output = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output');
mkdirSync(output, { recursive: true });
writeFileSync(
  join(output, 'bench-results.json'),
  `${JSON.stringify({ node: process.version, results }, null, 2)}\n`,
);
