import { DomainError } from '@regiokit/core';
import { describe, expect, it } from 'vitest';
import type { CampaignInput, Store } from '../src/index';
import { BACKENDS, type TestDatabase, useTestStore } from './backends';
import { newsletterIssue, seedCampaign, seedRegion, uniqueRegion } from './fixtures';

describe.each(BACKENDS)('campaigns on $name', (backend) => {
  let database: TestDatabase;
  let store: Store;
  useTestStore(backend, (opened) => {
    ({ store, database } = opened);
  });

  const draft = (region: string, extra: Record<string, unknown> = {}): CampaignInput => ({
    id: 'nl-2026-04',
    regionId: region,
    name: 'Newsletter April',
    content: { kind: 'newsletter', issueId: 'ausgabe-2026-04' },
    audience: { listId: 'newsletter', topics: ['fachkraefte'] },
    plan: { kind: 'at', at: '2026-11-24T08:00:00Z' },
    ...(extra as Partial<CampaignInput>),
  });

  it('creates drafts whose list, topics and content exist, and rejects the rest naming the field', async () => {
    const region = uniqueRegion('kampagne');
    await seedRegion(store, region);
    await store.records.put('newsletter-issue', newsletterIssue(region));
    const campaign = await store.campaigns.create(draft(region), 'staff:anna');
    expect(campaign).toMatchObject({
      status: 'draft',
      sentAt: null,
      plan: { kind: 'at', at: '2026-11-24T08:00:00Z', timeZone: 'Europe/Berlin' },
      audience: { listId: 'newsletter', topics: ['fachkraefte'] },
    });
    expect(await store.campaigns.get(region, 'nl-2026-04')).toEqual(campaign);

    await expect(store.campaigns.create(draft(region), 'staff:anna')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `id: campaign "nl-2026-04" already exists in region "${region}"`,
    });
    await expect(
      store.campaigns.create(draft(region, { id: 'x1', audience: { listId: 'presse-alt' } }), 'staff:anna'),
    ).rejects.toThrow(`audience.listId: no mailing list "presse-alt" in region "${region}"`);
    await expect(
      store.campaigns.create(
        draft(region, { id: 'x2', audience: { listId: 'newsletter', topics: ['segeln'] } }),
        'staff:anna',
      ),
    ).rejects.toThrow(/audience\.topics\[0\]: unknown topic "segeln" on list "newsletter"/);
    await expect(
      store.campaigns.create(
        draft(region, { id: 'x3', content: { kind: 'press-release', pressReleaseId: 'pm-12-2026' } }),
        'staff:anna',
      ),
    ).rejects.toThrow(`content.pressReleaseId: no press-release "pm-12-2026" in region "${region}"`);
    await expect(
      store.campaigns.create(
        draft(region, { id: 'x4', plan: { kind: 'recurring', cron: '0 9 * *' } }),
        'staff:anna',
      ),
    ).rejects.toThrow(/plan\.cron: expected a cron expression with five fields/);
    await expect(store.campaigns.create(draft(region, { id: 'x5' }), '')).rejects.toThrow(
      /actor: expected a non-empty text/,
    );
    expect((await store.campaigns.list({ regionId: region })).map((c) => c.id)).toEqual(['nl-2026-04']);
  });

  it('moves through core lifecycle in a transaction, audited, and refuses illegal moves', async () => {
    const region = uniqueRegion('kampagne');
    await seedRegion(store, region);
    await seedCampaign(store, region, 'nl', 'draft');
    await store.campaigns.update(region, 'nl', { name: 'Newsletter April (neu)' }, 'staff:anna');
    await store.campaigns.transition(region, 'nl', 'scheduled', { actor: 'staff:anna' });
    await store.campaigns.transition(region, 'nl', 'sending', { actor: 'worker' });
    await expect(
      store.campaigns.update(region, 'nl', { name: 'Zu spät' }, 'staff:anna'),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'campaign "nl" is sending; only a draft, scheduled or paused campaign can be changed',
    });
    const paused = await store.campaigns.transition(region, 'nl', 'paused', { actor: 'staff:ben' });
    expect(paused.sentAt).toBeNull();
    expect(
      (await store.campaigns.list({ regionId: region, status: ['paused', 'sending'] })).map((c) => c.id),
    ).toEqual(['nl']);
    // compare-and-set: a move that expects another status is refused, though the lifecycle allows it
    await expect(
      store.campaigns.transition(region, 'nl', 'sending', { actor: 'staff:ben', from: ['scheduled'] }),
    ).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION', message: /expected the campaign to be scheduled/ });
    await store.campaigns.transition(region, 'nl', 'sending', { actor: 'staff:ben', from: ['paused'] });
    await expect(store.campaigns.transition(region, 'nl', 'failed', { actor: 'worker' })).rejects.toThrow(
      /reason: expected why campaign "nl" is failed/,
    );
    const before = Date.now();
    const sent = await store.campaigns.transition(region, 'nl', 'sent', { actor: 'worker' });
    expect(sent).toMatchObject({ status: 'sent', name: 'Newsletter April (neu)' });
    expect(Date.parse(sent.sentAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(sent.sentAt).toBe(sent.updatedAt);
    expect((await store.campaigns.list({ regionId: region, status: 'sent' })).map((c) => c.sentAt)).toEqual([
      sent.sentAt,
    ]);
    const illegal = store.campaigns.transition(region, 'nl', 'sending', { actor: 'staff:anna' });
    await expect(illegal).rejects.toBeInstanceOf(DomainError);
    await expect(illegal).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: 'campaign cannot go from "sent" to "sending"; allowed from "sent": none',
    });
    expect((await store.campaigns.get(region, 'nl'))?.status).toBe('sent');
    const audit = await store.audit.list({ target: `campaign:${region}/nl` });
    expect(audit.reverse().map((e) => `${e.actor} ${e.action}`)).toEqual([
      'staff:anna campaign.created',
      'staff:anna campaign.updated',
      'staff:anna campaign.scheduled',
      'worker campaign.sending',
      'staff:ben campaign.paused',
      'staff:ben campaign.sending',
      'worker campaign.sent',
    ]);
    expect(audit[4]?.details).toEqual({ from: 'sending' });
  });

  it('lets exactly one of two simultaneous transitions through', async () => {
    const region = uniqueRegion('kampagne');
    await seedRegion(store, region);
    await seedCampaign(store, region, 'nl', 'scheduled');
    const other = backend.name === 'postgres' ? await database.open() : store;
    try {
      const results = await Promise.allSettled([
        store.campaigns.transition(region, 'nl', 'sending', { actor: 'worker-1' }),
        other.campaigns.transition(region, 'nl', 'sending', { actor: 'worker-2' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
      expect(
        await store.audit.list({ target: `campaign:${region}/nl`, action: 'campaign.sending' }),
      ).toHaveLength(1);
    } finally {
      if (other !== store) await other.close();
    }
  });
});
