import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  Article,
  Body,
  checkRegionBundle,
  Decision,
  Event,
  Grant,
  MailingList,
  NewsletterIssue,
  PressRelease,
  Project,
  Region,
  Strategy,
  Topic,
  Workshop,
} from '../index';
import type { RegionBundle } from '../region-bundle';
import {
  EXAMPLE_REGIONS,
  KIELREGION,
  KOOPERATION_IM_OSTSEERAUM,
  NORDTHUERINGEN,
  REGION_LANDSHUT,
  THUERINGER_BOGEN,
} from './index';

const SCHEMAS: { [K in Exclude<keyof RegionBundle, 'region'>]: z.ZodType } = {
  bodies: Body,
  decisions: Decision,
  strategies: Strategy,
  projects: Project,
  grants: Grant,
  events: Event,
  articles: Article,
  lists: MailingList,
  topics: Topic,
  newsletterIssues: NewsletterIssue,
  pressReleases: PressRelease,
  workshops: Workshop,
};

describe.each(EXAMPLE_REGIONS.map((b) => [b.region.id, b] as const))('example region %s', (_id, bundle) => {
  it('parses every record through its schema unchanged', () => {
    expect(Region.parse(bundle.region)).toEqual(bundle.region);
    for (const [key, schema] of Object.entries(SCHEMAS)) {
      for (const record of bundle[key as keyof typeof SCHEMAS]) {
        const result = schema.safeParse(record);
        expect(result.error, `${key} ${(record as { id: string }).id}`).toBeUndefined();
        expect(result.data).toEqual(record);
      }
    }
  });

  it('has consistent references between its records', () => {
    expect(checkRegionBundle(bundle)).toEqual([]);
  });

  it('has members with official keys and populations with as-of date and source', () => {
    for (const member of bundle.region.members) {
      expect(member.population?.asOf).toBe('2018-12-31');
      expect(member.population?.source).toMatch(/Destatis/);
    }
  });

  it('has an illustrative imprint and sender, at least one strategy and four projects', () => {
    expect(bundle.region.imprint?.email).toMatch(/example\.org$/);
    expect(bundle.region.imprint?.address.street).toBe('Musterstraße 1');
    expect(bundle.region.sender?.email).toMatch(/example\.org$/);
    expect(bundle.strategies.length).toBeGreaterThanOrEqual(1);
    expect(bundle.projects.length).toBeGreaterThanOrEqual(4);
    expect(bundle.events.length).toBeGreaterThanOrEqual(2);
    expect(bundle.articles.length).toBeGreaterThanOrEqual(2);
    expect(bundle.pressReleases.length).toBeGreaterThanOrEqual(1);
  });

  it('has one newsletter list and one press list, both with topics', () => {
    for (const kind of ['newsletter', 'press'] as const) {
      const lists = bundle.lists.filter((l) => l.kind === kind);
      expect(lists).toHaveLength(1);
      expect(lists[0]?.topics.length).toBeGreaterThan(0);
    }
  });

  it('has a newsletter issue that uses every item kind, with alt text on every image', () => {
    const issue = bundle.newsletterIssues[0];
    expect(issue).toBeDefined();
    const items = issue?.sections.flatMap((s) => s.items) ?? [];
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set(['article', 'project-update', 'event', 'funding-call']),
    );
    const images = [issue?.heroImage, issue?.editorial?.image, ...items.map((i) => i.image)].filter(
      (i) => i !== undefined,
    );
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) expect(image.alt.length).toBeGreaterThan(0);
  });
});

describe('example facts', () => {
  it('keeps the four regions in a fixed order', () => {
    expect(EXAMPLE_REGIONS.map((b) => b.region.id)).toEqual([
      'kielregion',
      'thueringer-bogen',
      'nordthueringen',
      'region-landshut',
    ]);
  });

  it.each([
    [KIELREGION, ['01002', '01057', '01058']],
    [THUERINGER_BOGEN, ['16067', '16070']],
    [NORDTHUERINGEN, ['16062', '16064', '16065']],
    [REGION_LANDSHUT, ['09261', '09274']],
  ])('has the official keys of %#', (bundle, keys) => {
    expect(bundle.region.members.map((m) => m.officialKey)).toEqual(keys);
  });

  it('has the Thüringer Bogen GRW periods at 75 %, 65 % and 55 %', () => {
    const grw = THUERINGER_BOGEN.grants.filter((g) => g.instrument === 'grw');
    expect(grw.map((g) => [g.period.from, g.period.to, g.ratePercent, g.eligibleCosts?.cents])).toEqual([
      ['2018-06-01', '2021-07-31', 75, 80_000_000],
      ['2021-08-01', '2024-07-31', 65, 79_999_900],
      ['2024-08-01', '2027-07-31', 55, 108_907_000],
    ]);
  });

  it('has a Thüringer Bogen press release with an embargo and KielRegion dated in its brand style', () => {
    expect(THUERINGER_BOGEN.pressReleases.some((r) => r.embargo !== undefined)).toBe(true);
    expect(KIELREGION.pressReleases[0]?.dateline.style).toBe('brand-date');
    expect(KIELREGION.region.datelineStyle).toBe('brand-date');
  });

  it('keeps unverified facts marked', () => {
    const note = (id: string) => KIELREGION.projects.find((p) => p.id === id)?.note ?? '';
    expect(note('mobilitaetsstationen-sprottenflotte')).toMatch(/unverifiziert/);
    expect(note('hystarter-hyexperts')).toMatch(/unverifiziert/);
  });

  it('has the KielRegion workshop "Kooperation im Ostseeraum" with four full measures', () => {
    expect(KOOPERATION_IM_OSTSEERAUM.title).toBe('Kooperation im Ostseeraum');
    expect(KOOPERATION_IM_OSTSEERAUM.regionId).toBe('kielregion');
    expect(KOOPERATION_IM_OSTSEERAUM.measures).toHaveLength(4);
    expect(KOOPERATION_IM_OSTSEERAUM.measures.some((m) => m.schedule?.kind === 'asap')).toBe(true);
    expect(KOOPERATION_IM_OSTSEERAUM.note).toMatch(/illustrativ/);
    expect(Workshop.parse(KOOPERATION_IM_OSTSEERAUM)).toEqual(KOOPERATION_IM_OSTSEERAUM);
  });

  it('links approved projects to a decision of a deciding body', () => {
    for (const bundle of EXAMPLE_REGIONS) {
      for (const project of bundle.projects) {
        for (const entry of project.statusHistory.filter((e) => e.decisionId !== undefined)) {
          const decision = bundle.decisions.find((d) => d.id === entry.decisionId);
          const body = bundle.bodies.find((b) => b.id === decision?.bodyId);
          expect(body?.role, `${project.id}`).toBe('decides');
        }
      }
    }
  });
});
