// Prints the strategy coverage of one example region as a German table.
// Usage: pnpm --filter @regiokit/core demo [kielregion|thueringer-bogen|nordthueringen|region-landshut]

import { EXAMPLE_REGIONS } from '../src/examples/index';
import {
  computeStrategyCoverage,
  findCurrentVersion,
  formatFieldOfActionLabel,
  type Indicator,
  type Money,
  type StrategyCoverage,
} from '../src/index';

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const count = new Intl.NumberFormat('de-DE');
const day = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

const formatMoney = (m: Money) => euro.format(m.cents / 100);
const formatDay = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));

/** Renders rows as a table with a header line; numeric columns are right-aligned. */
function renderTable(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function describeIndicator(indicator: Indicator): string {
  const target =
    indicator.target === undefined
      ? { increase: 'steigern', decrease: 'senken', reach: 'erreichen' }[indicator.direction ?? 'reach']
      : `Ziel ${count.format(indicator.target)} ${indicator.unit}`;
  return `${indicator.name} (${indicator.unit}): ${target}${indicator.targetYear === undefined ? '' : ` bis ${indicator.targetYear}`}`;
}

const wanted = process.argv[2] ?? 'kielregion';
const bundle = EXAMPLE_REGIONS.find((b) => b.region.id === wanted);
if (bundle === undefined) {
  console.error(
    `Unbekannte Region "${wanted}". Möglich: ${EXAMPLE_REGIONS.map((b) => b.region.id).join(', ')}`,
  );
  process.exit(1);
}

const { region } = bundle;
const population = region.members.reduce((a, m) => a + (m.population?.count ?? 0), 0);
const asOf = region.members[0]?.population?.asOf;
console.log(`\nStrategieabdeckung: ${region.name}`);
console.log(`Mitglieder: ${region.members.map((m) => `${m.displayName} (${m.officialKey})`).join(', ')}`);
console.log(
  `Einwohner: ${count.format(population)}${asOf === undefined ? '' : ` (Stand ${formatDay(asOf)})`}`,
);

for (const strategy of bundle.strategies) {
  const coverage: StrategyCoverage = computeStrategyCoverage(strategy, bundle.projects, bundle.grants);
  const version = findCurrentVersion(strategy);
  const kind = strategy.kind === 'other' ? [] : [strategy.kind.toUpperCase()];
  const about = [...kind, ...(version === undefined ? [] : [version.label])].join(', ');
  console.log(`\n${strategy.title}${about === '' ? '' : ` (${about})`}\n`);

  if (coverage.fieldsOfAction.length > 0) {
    const rows = coverage.fieldsOfAction.map((f) => [
      formatFieldOfActionLabel(f.fieldOfAction),
      count.format(f.projectIds.length),
      formatMoney(f.grant),
    ]);
    if (coverage.projectsWithoutFieldOfAction.length > 0) {
      rows.push([
        '(ohne Handlungsfeld)',
        count.format(coverage.projectsWithoutFieldOfAction.length),
        formatMoney(coverage.unassignedFunding),
      ]);
    }
    console.log(renderTable(['Handlungsfeld', 'Projekte', 'Förderung'], rows, [false, true, true]));
  }
  if (coverage.goals.length > 0) {
    if (coverage.fieldsOfAction.length > 0) console.log('');
    const rows = coverage.goals.map((g) => [
      g.goal.title,
      count.format(g.projectIds.length),
      g.goal.indicators.map(describeIndicator).join('; ') || '–',
    ]);
    console.log(renderTable(['Ziel', 'Projekte', 'Indikator'], rows, [false, true, false]));
  }
  const gaps = [
    ...coverage.unservedFieldsOfAction.map((f) => `Handlungsfeld „${formatFieldOfActionLabel(f)}“`),
    ...coverage.unservedGoals.map((g) => `Ziel „${g.title}“`),
  ];
  console.log(
    `\nOhne Projekt: ${gaps.length === 0 ? 'nichts – alle Handlungsfelder und Ziele sind abgedeckt' : gaps.join(', ')}`,
  );
}

const management = bundle.grants.filter((g) => g.beneficiary.kind === 'management');
console.log(`\nFörderungen des Regionalmanagements selbst: ${count.format(management.length)}`);
for (const grant of management) {
  const amount = grant.grant === undefined ? 'Betrag nicht angegeben' : formatMoney(grant.grant);
  const rate = grant.ratePercent === undefined ? '' : `, Förderquote ${count.format(grant.ratePercent)} %`;
  console.log(
    `  ${formatDay(grant.period.from)}–${formatDay(grant.period.to)}  ${grant.title}: ${amount}${rate}`,
  );
}
console.log('');
