import { DomainError } from '@regiokit/core';
import { KIELREGION } from '@regiokit/core/examples';
import { describe, expect, it } from 'vitest';
import type { Store } from '../src/index';
import { BACKENDS, useTestStore } from './backends';
import { uniqueRegion } from './fixtures';

const RELEASE = KIELREGION.pressReleases[0]!;
const ISSUE = KIELREGION.newsletterIssues[0]!;

describe.each(BACKENDS)('publication of newsletter issues and press releases on $name', (backend) => {
  let store: Store;
  useTestStore(backend, (opened) => {
    ({ store } = opened);
  });

  async function seed(): Promise<string> {
    const regionId = uniqueRegion('pub');
    await store.records.put('region', { ...KIELREGION.region, id: regionId });
    return regionId;
  }

  it('stores a new record as a draft and never publishes or unpublishes it on a write without a state', async () => {
    const regionId = await seed();
    const stored = await store.records.put('press-release', { ...RELEASE, regionId });
    expect(stored.publication).toBe('draft');
    expect(await store.records.getPublication('press-release', regionId, RELEASE.id)).toEqual({
      kind: 'press-release',
      regionId,
      id: RELEASE.id,
      publication: 'draft',
      publishedAt: null,
    });

    await store.records.changePublication('press-release', regionId, RELEASE.id, 'approve', {
      actor: 'staff:a',
    });
    await store.records.changePublication('press-release', regionId, RELEASE.id, 'publish', {
      actor: 'staff:a',
    });
    // a corrected text, imported again without a state, stays published
    const corrected = await store.records.put('press-release', {
      ...RELEASE,
      regionId,
      headline: 'Korrigiert',
    });
    expect(corrected).toMatchObject({ headline: 'Korrigiert', publication: 'published' });
    expect((await store.records.get('press-release', regionId, RELEASE.id))?.publication).toBe('published');
    expect((await store.records.list('press-release', regionId)).map((r) => r.publication)).toEqual([
      'published',
    ]);
  });

  it('takes the state a record names, in putMany too, and audits the change with the actor', async () => {
    const regionId = await seed();
    await store.records.putMany(
      [
        { kind: 'press-release', record: { ...RELEASE, regionId, publication: 'published' } },
        { kind: 'newsletter-issue', record: { ...ISSUE, regionId } },
      ],
      { actor: 'cli:jane' },
    );
    const release = await store.records.getPublication('press-release', regionId, RELEASE.id);
    expect(release?.publication).toBe('published');
    expect(release?.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await store.records.get('newsletter-issue', regionId, ISSUE.id))?.publication).toBe('draft');
    const audit = await store.audit.list({ regionId });
    expect(audit.map((e) => [e.actor, e.action, e.target, e.details])).toEqual([
      [
        'cli:jane',
        'press-release.published',
        `press-release:${regionId}/${RELEASE.id}`,
        { from: null, via: 'record' },
      ],
    ]);

    // the same state again is no change and no entry; another state is both
    await store.records.put(
      'press-release',
      { ...RELEASE, regionId, publication: 'published' },
      { actor: 'cli:jane' },
    );
    await store.records.put(
      'press-release',
      { ...RELEASE, regionId, publication: 'withdrawn' },
      { actor: 'cli:jane' },
    );
    expect((await store.audit.list({ regionId })).map((e) => [e.action, e.details])).toEqual([
      ['press-release.withdrawn', { from: 'published', via: 'record' }],
      ['press-release.published', { from: null, via: 'record' }],
    ]);
    // the state is not kept twice: the record's JSON has none
    expect((await store.records.get('press-release', regionId, RELEASE.id))?.publication).toBe('withdrawn');
  });

  it('moves through draft, approved, published, withdrawn with each step audited', async () => {
    const regionId = await seed();
    await store.records.put('newsletter-issue', { ...ISSUE, regionId });
    const steps = [
      ['approve', 'draft', 'approved'],
      ['publish', 'approved', 'published'],
      ['unpublish', 'published', 'approved'],
      ['publish', 'approved', 'published'],
      ['withdraw', 'published', 'withdrawn'],
      ['reopen', 'withdrawn', 'draft'],
    ] as const;
    let firstPublishedAt: string | null = null;
    for (const [action, from, to] of steps) {
      const change = await store.records.changePublication('newsletter-issue', regionId, ISSUE.id, action, {
        actor: 'staff:b',
      });
      expect(change).toMatchObject({
        kind: 'newsletter-issue',
        regionId,
        id: ISSUE.id,
        from,
        publication: to,
      });
      if (to === 'published' && firstPublishedAt === null) firstPublishedAt = change.publishedAt;
      if (to !== 'published' && firstPublishedAt !== null) expect(change.publishedAt).not.toBeNull();
    }
    expect(firstPublishedAt).not.toBeNull();
    const audit = await store.audit.list({ target: `newsletter-issue:${regionId}/${ISSUE.id}` });
    expect(audit.reverse().map((e) => [e.actor, e.action, e.details])).toEqual(
      steps.map(([action, from, to]) => ['staff:b', `newsletter-issue.${to}`, { from, action }]),
    );
  });

  it('refuses an illegal step with the allowed ones, and unknown records and kinds', async () => {
    const regionId = await seed();
    await store.records.put('press-release', { ...RELEASE, regionId });
    const publish = store.records.changePublication('press-release', regionId, RELEASE.id, 'publish', {
      actor: 'staff:c',
    });
    await expect(publish).rejects.toBeInstanceOf(DomainError);
    await expect(publish).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: 'publication cannot publish a record that is "draft"; allowed from "draft": approve',
    });
    expect((await store.records.getPublication('press-release', regionId, RELEASE.id))?.publication).toBe(
      'draft',
    );
    expect(await store.audit.list({ regionId })).toEqual([]);

    await expect(
      store.records.changePublication('press-release', regionId, 'nope', 'approve', { actor: 'staff:c' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `no press-release "nope" in region "${regionId}"`,
    });
    await expect(
      store.records.changePublication('article' as never, regionId, RELEASE.id, 'approve', {
        actor: 'staff:c',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      store.records.changePublication('press-release', regionId, RELEASE.id, 'publicise' as never, {
        actor: 'staff:c',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('action:') });
    await expect(
      store.records.put('press-release', { ...RELEASE, regionId, publication: 'public' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('publication: expected one of'),
    });
    expect(await store.records.getPublication('newsletter-issue', regionId, 'nope')).toBeUndefined();
  });
});
