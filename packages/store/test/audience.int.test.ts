import { describe, expect, it } from 'vitest';
import type { Recipient, Store } from '../src/index';
import { BACKENDS, useTestStore } from './backends';
import { CONSENT, seedRegion, subscribe, uniqueRegion } from './fixtures';

describe.each(BACKENDS)('audience and suppression list on $name', (backend) => {
  let store: Store;
  useTestStore(backend, (opened) => {
    ({ store } = opened);
  });

  async function collect(region: string, audience: { listId: string; topics?: string[] }, batchSize: number) {
    const batches: Recipient[][] = [];
    for await (const batch of store.audience.iterate(region, audience, { batchSize })) batches.push(batch);
    return batches;
  }

  it('yields the active, unsuppressed subscribers of a list in keyset batches', async () => {
    const region = uniqueRegion('audience');
    await seedRegion(store, region);
    const expected: string[] = [];
    for (let i = 0; i < 23; i++) {
      const id = await subscribe(store, region, `reader${i}@example.org`, {
        topics: i % 2 === 0 ? ['fachkraefte'] : ['tourismus'],
      });
      expected.push(id);
    }
    await subscribe(store, region, 'press@example.org', { listId: 'presse' });
    const pending = await store.optIn.request({
      regionId: region,
      email: 'pending@example.org',
      listId: 'newsletter',
      ...CONSENT,
    });
    const left = await subscribe(store, region, 'left@example.org');
    await store.optIn.unsubscribe(store.optIn.createUnsubscribeToken(left));
    const bounced = await subscribe(store, region, 'bounced@example.org');
    await store.suppressions.addSubscriber(bounced, 'hard-bounce', { note: '550 5.1.1' });
    const complained = await subscribe(store, region, 'complained@example.org');
    await store.suppressions.addSubscriber(complained, 'complaint');
    const blocked = await subscribe(store, region, 'Blocked@Example.org');
    await store.suppressions.add({
      regionId: region,
      email: ' BLOCKED@example.org',
      reason: 'manual',
      actor: 'staff:anna',
    });

    expect(await store.subscribers.get(pending.subscriberId)).toMatchObject({ status: 'pending' });
    expect(await store.subscribers.get(bounced)).toMatchObject({ status: 'bounced' });
    expect(await store.subscribers.get(complained)).toMatchObject({ status: 'complained' });
    expect(await store.subscribers.get(blocked)).toMatchObject({ status: 'active' });
    expect(await store.suppressions.check(region, 'blocked@example.org')).toBe('manual');
    expect(await store.suppressions.check(region, 'reader1@example.org')).toBeUndefined();

    const batches = await collect(region, { listId: 'newsletter' }, 5);
    expect(batches.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
    const ids = batches.flat().map((r) => r.id);
    expect(ids).toEqual([...expected].sort());
    expect(batches[0]?.[0]).toMatchObject({ salutation: 'none', language: 'de' });
    // the same pages as ids only, for the fan-out
    const pages: string[][] = [];
    for (let after: string | undefined; ; ) {
      const page = await store.audience.ids(region, { listId: 'newsletter' }, { after, batchSize: 5 });
      if (page.length === 0) break;
      pages.push(page);
      after = page.at(-1);
    }
    expect(pages).toEqual(batches.map((b) => b.map((r) => r.id)));
    expect(await store.audience.count(region, { listId: 'newsletter' })).toBe(23);

    const tourism = (
      await collect(region, { listId: 'newsletter', topics: ['tourismus', 'regionalbudget'] }, 100)
    ).flat();
    expect(tourism).toHaveLength(11);
    expect(tourism.every((r) => Number(r.email.match(/\d+/)?.[0]) % 2 === 1)).toBe(true);

    const resumed = (await collect(region, { listId: 'newsletter' }, 1000)).flat();
    const after = ids[9]!;
    const rest: Recipient[] = [];
    for await (const batch of store.audience.iterate(
      region,
      { listId: 'newsletter' },
      { after, batchSize: 1000 },
    )) {
      rest.push(...batch);
    }
    expect(rest.map((r) => r.id)).toEqual(resumed.slice(10).map((r) => r.id));

    expect(await store.suppressions.countByReason(region)).toEqual({
      'hard-bounce': 1,
      complaint: 1,
      erased: 0,
      manual: 1,
    });
    // A bounced subscriber signing up again for the press list comes back on that list only.
    const again = await store.optIn.request({
      regionId: region,
      email: 'bounced@example.org',
      listId: 'presse',
      ...CONSENT,
    });
    expect(again.status).toBe('pending');
    await store.optIn.confirm(again.confirmToken);
    expect(await store.subscribers.get(bounced)).toMatchObject({ status: 'active', listIds: ['presse'] });
    expect(await store.suppressions.check(region, 'bounced@example.org')).toBeUndefined();
    expect(await store.audience.count(region, { listId: 'newsletter' })).toBe(23);

    expect(await store.suppressions.remove(region, 'blocked@example.org', 'staff:anna')).toBe(true);
    expect(await store.audience.count(region, { listId: 'newsletter' })).toBe(24);
    const audit = await store.audit.list({ regionId: region });
    expect(audit.map((e) => `${e.actor} ${e.action}`)).toEqual([
      'staff:anna suppression.removed',
      'staff:anna suppression.added',
    ]);
    expect(JSON.stringify(audit)).not.toContain('blocked@');
  });

  it('names the field of a bad audience', async () => {
    const region = uniqueRegion('audience');
    await seedRegion(store, region);
    await expect(collect(region, { listId: 'unbekannt' }, 10)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `audience.listId: no mailing list "unbekannt" in region "${region}"`,
    });
    await expect(collect(region, { listId: 'Newsletter!' }, 10)).rejects.toThrow(
      /invalid audience:\nlistId: expected a slug/,
    );
    await expect(
      store.suppressions.add({
        regionId: region,
        email: 'x',
        reason: 'spam' as 'manual',
        actor: 'staff:anna',
      }),
    ).rejects.toThrow(/email: expected an e-mail address, got "x"\nreason: /);
  });
});
