import { KIELREGION } from '@regiokit/core/examples';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/database';
import { RECORD_SCHEMAS, type Store } from '../src/index';
import { migrate, readMigrations } from '../src/migrate';
import { BACKENDS, useTestStore } from './backends';
import { CONSENT, subscribe, uniqueRegion } from './fixtures';

function kielRegion(id: string) {
  return {
    id,
    name: 'KielRegion',
    brand: 'KielRegion',
    bundesland: 'Schleswig-Holstein',
    members: [
      {
        officialName: 'Kiel, Landeshauptstadt',
        displayName: 'Landeshauptstadt Kiel',
        kind: 'landeshauptstadt',
        officialKey: '01002',
      },
      { officialName: 'Plön', displayName: 'Kreis Plön', kind: 'kreis', officialKey: '01057' },
    ],
    carrier: {
      name: 'KielRegion GmbH',
      legalForm: 'gmbh',
      shareholders: [
        { name: 'Landeshauptstadt Kiel', sharePercent: 36.67 },
        { name: 'WFG Infrastruktur GmbH', sharePercent: 36.67 },
        { name: 'Kreis Plön', sharePercent: 26.67 },
      ],
    },
  };
}

describe.each(BACKENDS)('records, lists and topics on $name', (backend) => {
  let store: Store;
  useTestStore(backend, (opened) => {
    ({ store } = opened);
  });

  it('lists every region in the store, by id, and not other kinds', async () => {
    const first = uniqueRegion('a-region');
    const second = uniqueRegion('b-region');
    await store.records.put('region', kielRegion(second));
    await store.records.put('region', kielRegion(first));
    await store.records.put('article', {
      id: 'not-a-region',
      regionId: first,
      title: 'Kein Gebiet',
      publishedOn: '2026-03-02',
      teaser: 'Ein Artikel.',
    });
    const ids = (await store.records.listRegions()).map((r) => r.id);
    expect(ids.filter((id) => id === first || id === second)).toEqual([first, second].sort());
    expect(ids).not.toContain('not-a-region');
  });

  it('keeps domain records validated by core, with defaults applied', async () => {
    const region = uniqueRegion('kiel');
    const stored = await store.records.put('region', kielRegion(region));
    expect(stored).toMatchObject({ id: region, timeZone: 'Europe/Berlin', language: 'de' });
    expect(await store.records.get('region', region, region)).toEqual(stored);

    const article = {
      id: 'azubi-speed-dating-2026',
      regionId: region,
      title: 'Azubi-Speed-Dating 2026',
      publishedOn: '2026-03-02',
      teaser: '40 Betriebe, 300 Jugendliche.',
    };
    await store.records.put('article', article);
    await store.records.put('article', { ...article, id: 'b-artikel', title: 'Zweiter Artikel' });
    await store.records.put('article', { ...article, title: 'Azubi-Speed-Dating 2026 – Rückblick' });
    const articles = await store.records.list('article', region);
    expect(articles.map((a) => [a.id, a.title])).toEqual([
      ['azubi-speed-dating-2026', 'Azubi-Speed-Dating 2026 – Rückblick'],
      ['b-artikel', 'Zweiter Artikel'],
    ]);
    expect(articles[0]?.topics).toEqual([]);
    expect(await store.records.list('article', uniqueRegion('other'))).toEqual([]);
    expect(await store.records.delete('article', region, 'b-artikel')).toBe(true);
    expect(await store.records.get('article', region, 'b-artikel')).toBeUndefined();

    await expect(
      store.records.put('article', { ...article, publishedOn: '02.03.2026' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'invalid article:\npublishedOn: expected an ISO date (YYYY-MM-DD), got "02.03.2026"',
    });
    await expect(
      store.records.put('region', {
        ...kielRegion(region),
        members: [{ ...kielRegion(region).members[0], officialKey: '16067' }],
      }),
    ).rejects.toThrow(/members\[0\]\.officialKey: expected a key starting with 01/);
  });

  it('keeps every kind of record of a reference region as core parsed it', async () => {
    const kinds = [
      ['region', [KIELREGION.region]],
      ['body', KIELREGION.bodies],
      ['decision', KIELREGION.decisions],
      ['strategy', KIELREGION.strategies],
      ['project', KIELREGION.projects],
      ['grant', KIELREGION.grants],
      ['workshop', KIELREGION.workshops],
      ['event', KIELREGION.events],
      ['article', KIELREGION.articles],
      ['newsletter-issue', KIELREGION.newsletterIssues],
      ['press-release', KIELREGION.pressReleases],
    ] as const;
    expect(kinds.map(([kind]) => kind).sort()).toEqual(Object.keys(RECORD_SCHEMAS).sort());
    for (const [kind, records] of kinds) {
      expect(records.length, kind).toBeGreaterThan(0);
      for (const record of records) await store.records.put(kind, record);
      const regionId = KIELREGION.region.id;
      const stored = await store.records.list(kind, regionId);
      // a newsletter issue or press release stored without a publication state is a draft
      const expected = [...records]
        .map((r) =>
          kind === 'newsletter-issue' || kind === 'press-release' ? { ...r, publication: 'draft' } : r,
        )
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(stored, kind).toEqual(expected);
    }
  });

  it('writes several records of several kinds in one transaction, in order', async () => {
    const region = uniqueRegion('viele');
    const article = {
      id: 'azubi-speed-dating-2026',
      regionId: region,
      title: 'Azubi-Speed-Dating 2026',
      publishedOn: '2026-03-02',
      teaser: '40 Betriebe, 300 Jugendliche.',
    };
    const stored = await store.records.putMany([
      { kind: 'region', record: kielRegion(region) },
      { kind: 'topic', record: { id: 'fachkraefte', regionId: region, name: 'Fachkräfte' } },
      {
        kind: 'mailing-list',
        record: {
          id: 'newsletter',
          regionId: region,
          kind: 'newsletter',
          name: 'Newsletter',
          topics: ['fachkraefte'],
        },
      },
      { kind: 'article', record: article },
    ]);
    expect(stored.map((e) => e.kind)).toEqual(['region', 'topic', 'mailing-list', 'article']);
    expect(stored[0]?.record).toMatchObject({ id: region, timeZone: 'Europe/Berlin' });
    expect(stored[3]?.record).toMatchObject({ ...article, topics: [] });
    expect(await store.records.get('region', region, region)).toEqual(stored[0]?.record);
    expect(await store.topics.list(region)).toEqual([stored[1]?.record]);
    expect(await store.lists.get(region, 'newsletter')).toEqual(stored[2]?.record);
    expect(await store.records.get('article', region, article.id)).toEqual(stored[3]?.record);

    const updated = await store.records.putMany([
      { kind: 'article', record: { ...article, title: 'Rückblick' } },
    ]);
    expect(updated[0]?.record).toMatchObject({ title: 'Rückblick' });
    expect(await store.records.list('article', region)).toHaveLength(1);
    expect(await store.records.putMany([])).toEqual([]);
  });

  it('validates every record before writing and writes none when one is invalid or fails', async () => {
    const region = uniqueRegion('keine');
    const article = {
      id: 'artikel',
      regionId: region,
      title: 'Artikel',
      publishedOn: '2026-03-02',
      teaser: 'Ein Artikel.',
    };
    await expect(
      store.records.putMany([
        { kind: 'region', record: kielRegion(region) },
        { kind: 'article', record: { ...article, title: '', publishedOn: '02.03.2026' } },
        { kind: 'campaign' as never, record: {} },
      ]),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [
        { path: '[1].title', message: expect.any(String) },
        { path: '[1].publishedOn', message: 'expected an ISO date (YYYY-MM-DD), got "02.03.2026"' },
        { path: '[2].kind', message: expect.stringMatching(/^expected one of region, .*, got "campaign"$/) },
      ],
    });
    expect(await store.records.get('region', region, region)).toBeUndefined();

    // The list's topic does not exist: found while writing, after the region was written.
    await expect(
      store.records.putMany([
        { kind: 'region', record: kielRegion(region) },
        { kind: 'article', record: article },
        {
          kind: 'mailing-list',
          record: {
            id: 'newsletter',
            regionId: region,
            kind: 'newsletter',
            name: 'Newsletter',
            topics: ['segeln'],
          },
        },
      ]),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining(`[2].topics[0]: unknown topic "segeln" in region "${region}"`),
    });
    expect(await store.records.get('region', region, region)).toBeUndefined();
    expect(await store.records.list('article', region)).toEqual([]);
  });

  it('keeps lists whose topics exist, and removes memberships and choices with them', async () => {
    const region = uniqueRegion('kiel');
    await store.consent.putText(region, CONSENT.consentTextVersion, CONSENT.consentText);
    await store.topics.put({ id: 'fachkraefte', regionId: region, name: 'Fachkräfte' });
    await expect(
      store.lists.put({
        id: 'newsletter',
        regionId: region,
        kind: 'newsletter',
        name: 'Newsletter',
        topics: ['fachkraefte', 'segeln'],
      }),
    ).rejects.toThrow(`topics[1]: unknown topic "segeln" in region "${region}"; known: fachkraefte`);
    expect(await store.lists.get(region, 'newsletter')).toBeUndefined();
    const list = await store.lists.put({
      id: 'newsletter',
      regionId: region,
      kind: 'newsletter',
      name: 'Newsletter',
      topics: ['fachkraefte'],
    });
    expect(list.language).toBe('de');
    expect(await store.lists.list(region)).toEqual([list]);
    expect(await store.topics.list(region)).toEqual([
      { id: 'fachkraefte', regionId: region, name: 'Fachkräfte' },
    ]);
    const subscriber = await subscribe(store, region, 'jane@example.org', { topics: ['fachkraefte'] });
    await expect(store.topics.delete(region, 'fachkraefte')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'topic "fachkraefte" is still used by list "newsletter"',
    });
    expect(await store.lists.delete(region, 'newsletter')).toBe(true);
    expect(await store.lists.list(region)).toEqual([]);
    expect(await store.subscribers.get(subscriber)).toMatchObject({ listIds: [], topics: ['fachkraefte'] });
    expect(await store.topics.delete(region, 'fachkraefte')).toBe(true);
    expect(await store.subscribers.get(subscriber)).toMatchObject({ topics: [] });
  });
});

describe.each(BACKENDS)('a write refused during putMany on $name', (backend) => {
  it('rolls back every record of the call', async () => {
    const database = await backend.create();
    try {
      // A trigger that refuses one article stands in for any write the database refuses.
      const raw = await connectDatabase(database.target);
      await migrate(raw, await readMigrations());
      await raw.db.execute(
        sql.raw(`create function refuse_article() returns trigger language plpgsql as $$
          begin raise exception 'article % refused', new.id; end $$`),
      );
      await raw.db.execute(
        sql.raw(`create trigger refuse_article before insert on records
          for each row when (new.id = 'verweigert') execute function refuse_article()`),
      );
      await raw.close();
      const store = await database.open();
      try {
        const region = uniqueRegion('verweigert');
        const article = { regionId: region, title: 'Artikel', publishedOn: '2026-03-02', teaser: 'Text.' };
        await expect(
          store.records.putMany([
            { kind: 'region', record: kielRegion(region) },
            { kind: 'topic', record: { id: 'fachkraefte', regionId: region, name: 'Fachkräfte' } },
            { kind: 'article', record: { ...article, id: 'verweigert' } },
          ]),
        ).rejects.toMatchObject({
          code: 'WRITE_FAILED',
          message: 'writing 3 records failed: article verweigert refused; none was written',
        });
        expect(await store.records.get('region', region, region)).toBeUndefined();
        expect(await store.topics.list(region)).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });
});
