import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../scripts/json-schemas';
import { EXAMPLE_REGIONS, KIELREGION, THUERINGER_BOGEN } from '../src/examples/index';
import { RECORD_SCHEMAS, type RecordName } from '../src/record-schemas';

const schemas = buildJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);

/** Example records per record kind, from all four regions. */
const examples: Record<Exclude<RecordName, 'subscriber' | 'consent-record' | 'campaign'>, unknown[]> = {
  region: EXAMPLE_REGIONS.map((b) => b.region),
  body: EXAMPLE_REGIONS.flatMap((b) => b.bodies),
  decision: EXAMPLE_REGIONS.flatMap((b) => b.decisions),
  strategy: EXAMPLE_REGIONS.flatMap((b) => b.strategies),
  project: EXAMPLE_REGIONS.flatMap((b) => b.projects),
  grant: EXAMPLE_REGIONS.flatMap((b) => b.grants),
  workshop: EXAMPLE_REGIONS.flatMap((b) => b.workshops),
  event: EXAMPLE_REGIONS.flatMap((b) => b.events),
  article: EXAMPLE_REGIONS.flatMap((b) => b.articles),
  'newsletter-issue': EXAMPLE_REGIONS.flatMap((b) => b.newsletterIssues),
  'press-release': EXAMPLE_REGIONS.flatMap((b) => b.pressReleases),
  topic: EXAMPLE_REGIONS.flatMap((b) => b.topics),
  'mailing-list': EXAMPLE_REGIONS.flatMap((b) => b.lists),
};
const more: Partial<Record<RecordName, unknown[]>> = {
  subscriber: [
    {
      id: '6f1c1f1e-2b7a-4c1d-9a4e-0e7d2c3b4a5f',
      regionId: 'kielregion',
      email: 'jane.doe@example.org',
      status: 'active',
      createdAt: '2026-11-21T10:00:00Z',
      updatedAt: '2026-11-21T10:05:00Z',
    },
  ],
  'consent-record': [
    {
      subscriberId: '6f1c1f1e-2b7a-4c1d-9a4e-0e7d2c3b4a5f',
      regionId: 'kielregion',
      email: 'jane.doe@example.org',
      action: 'confirmed',
      at: '2026-11-21T10:05:00Z',
      source: 'form',
    },
  ],
  campaign: [
    {
      id: 'digest-dezember',
      regionId: 'kielregion',
      name: 'Digest Dezember',
      content: { kind: 'newsletter', issueId: 'newsletter-2024-08' },
      audience: { listId: 'newsletter', topics: ['mobilitaet'] },
      plan: { kind: 'recurring', cron: '0 9 * * 2', timeZone: 'Europe/Berlin' },
      createdAt: '2026-11-21T10:00:00Z',
      updatedAt: '2026-11-21T10:00:00Z',
    },
  ],
};

describe('JSON Schemas', () => {
  it('has one schema per top-level record', () => {
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(RECORD_SCHEMAS).sort());
  });

  it.each(
    Object.keys(schemas) as RecordName[],
  )('%s is a valid draft 2020-12 JSON Schema that accepts the examples', (name) => {
    const schema = schemas[name];
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schema)).toBe(true);
    const check = ajv.compile(schema);
    const records = [...((examples as Record<string, unknown[]>)[name] ?? []), ...(more[name] ?? [])];
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const ok = check(record);
      expect(check.errors ?? [], `${name} ${(record as { id?: string }).id}`).toEqual([]);
      expect(ok).toBe(true);
      // The zod schema and the JSON Schema agree on the examples.
      expect(RECORD_SCHEMAS[name].safeParse(record).success).toBe(true);
    }
  });

  it.each<[RecordName, unknown, string]>([
    [
      'region',
      { ...KIELREGION.region, members: [{ ...KIELREGION.region.members[0], officialKey: '1002' }] },
      '/members/0/officialKey',
    ],
    ['region', { ...KIELREGION.region, bundesland: 'Dänemark' }, '/bundesland'],
    ['project', { ...THUERINGER_BOGEN.projects[0], kind: 'leitprojekt' }, '/kind'],
    ['project', { ...THUERINGER_BOGEN.projects[0], statusHistory: [] }, '/statusHistory'],
    ['grant', { ...THUERINGER_BOGEN.grants[0], grant: { cents: 1.5 } }, '/grant/cents'],
    ['grant', { ...THUERINGER_BOGEN.grants[0], instrument: 'regionalbudget' }, '/instrument'],
    ['press-release', { ...THUERINGER_BOGEN.pressReleases[0], embargo: '10.03.2025 11:00' }, '/embargo'],
    ['newsletter-issue', { ...KIELREGION.newsletterIssues[0], sections: [] }, '/sections'],
    ['event', { ...KIELREGION.events[0], startsAt: '2024-09-06T13:00:00' }, '/startsAt'],
    [
      'decision',
      {
        id: 'x',
        regionId: 'kielregion',
        bodyId: 'lenkungsausschuss',
        date: '2024-11-20',
        subject: 'x',
        outcome: 'maybe',
      },
      '/outcome',
    ],
  ])('%s rejects a broken record at %s', (name, record, path) => {
    const check = ajv.compile(schemas[name]);
    expect(check(record)).toBe(false);
    expect(check.errors?.map((e) => e.instancePath)).toContain(path);
    expect(RECORD_SCHEMAS[name].safeParse(record).success).toBe(false);
  });
});
