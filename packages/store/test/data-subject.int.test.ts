import { describe, expect, it } from 'vitest';
import type { Store } from '../src/index';
import { BACKENDS, useTestStore } from './backends';
import { CONSENT, seedCampaign, seedRegion, subscribe, uniqueRegion } from './fixtures';

describe.each(BACKENDS)('data-subject requests on $name', (backend) => {
  let store: Store;
  useTestStore(backend, (opened) => {
    ({ store } = opened);
  });

  it('exports everything about an address and erases it, keeping only the suppression hash', async () => {
    const kiel = uniqueRegion('kiel');
    const gotha = uniqueRegion('gotha');
    await seedRegion(store, kiel);
    await seedRegion(store, gotha);
    const inKiel = await subscribe(store, kiel, 'Jane@Example.org', { topics: ['fachkraefte'] });
    const inGotha = await subscribe(store, gotha, 'jane@example.org', { listId: 'presse' });
    const other = await subscribe(store, kiel, 'other@example.org');
    await seedCampaign(store, kiel, 'nl');
    const claim = await store.ledger.claim(kiel, 'nl', [inKiel, other]);
    await store.ledger.settle(claim, [
      {
        subscriberId: inKiel,
        state: 'sent',
        messageId: '<nl.1@kielregion.de>',
        smtpReply: '250 OK <jane@example.org>',
      },
      { subscriberId: other, state: 'sent', messageId: '<nl.2@kielregion.de>' },
    ]);

    const exported = await store.dataSubjects.export({ email: ' JANE@example.org', actor: 'staff:dpo' });
    expect(exported.email).toBe('jane@example.org');
    expect(exported.subscriptions.map((s) => s.subscriber.regionId).sort()).toEqual([kiel, gotha].sort());
    const kielPart = exported.subscriptions.find((s) => s.subscriber.regionId === kiel)!;
    expect(kielPart.subscriber).toMatchObject({ id: inKiel, status: 'active', topics: ['fachkraefte'] });
    expect(kielPart.consent.map((c) => c.action)).toEqual(['requested', 'confirmed']);
    expect(kielPart.consent[0]?.consentText).toBe(CONSENT.consentText);
    expect(kielPart.deliveries).toMatchObject([
      {
        campaignId: 'nl',
        state: 'sent',
        attempts: 1,
        messageId: '<nl.1@kielregion.de>',
        smtpReply: '250 OK <jane@example.org>',
      },
    ]);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);

    const erasure = await store.dataSubjects.erase({
      email: 'jane@example.org',
      regionId: kiel,
      actor: 'staff:dpo',
    });
    expect(erasure).toEqual({ erased: 1, regions: [kiel] });
    expect(await store.subscribers.get(inKiel)).toBeUndefined();
    expect(await store.consent.history(inKiel)).toEqual([]);
    expect(await store.subscribers.get(inGotha)).toMatchObject({ status: 'active' });
    expect(await store.suppressions.check(kiel, 'jane@example.org')).toBe('erased');
    expect(await store.suppressions.check(gotha, 'jane@example.org')).toBeUndefined();
    // The campaign's figures stay; the row keeps nothing that points to the person.
    expect(await store.ledger.progress(kiel, 'nl')).toMatchObject({ sent: 2 });
    const [row] = (await store.ledger.listEntries(kiel, 'nl')).filter((e) => e.subscriberId === inKiel);
    expect(row).toEqual({
      subscriberId: inKiel,
      state: 'sent',
      attempts: 1,
      claimedAt: row?.claimedAt,
      settledAt: row?.settledAt,
    });
    const afterwards = await store.dataSubjects.export({
      email: 'jane@example.org',
      regionId: kiel,
      actor: 'staff:dpo',
    });
    expect(afterwards.subscriptions).toEqual([]);
    expect(afterwards.suppressions).toMatchObject([{ regionId: kiel, reason: 'erased' }]);
    const audit = await store.audit.list({ actor: 'staff:dpo' });
    expect(audit.map((e) => e.action)).toEqual(['subject.exported', 'subject.erased', 'subject.exported']);
    expect(JSON.stringify(audit)).not.toMatch(/jane/i);

    // An import cannot bring the address back, and staff cannot lift the suppression.
    const report = await store.subscribers.importCsv(
      'email,confirmed_at\njane@example.org,2024-01-01T10:00:00Z\n',
      {
        regionId: kiel,
        listId: 'newsletter',
        actor: 'staff:anna',
        consentTextVersion: CONSENT.consentTextVersion,
      },
    );
    expect(report.results).toEqual([
      {
        line: 2,
        email: 'jane@example.org',
        outcome: 'skipped',
        reason: 'suppressed',
        message: 'erased on request; only a new sign-up by its owner can add it again',
      },
    ]);
    await expect(store.suppressions.remove(kiel, 'jane@example.org', 'staff:anna')).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // A new sign-up by the owner, once confirmed, is new consent and lifts it.
    const again = await store.optIn.request({
      regionId: kiel,
      email: 'jane@example.org',
      listId: 'newsletter',
      ...CONSENT,
    });
    expect(await store.audience.count(kiel, { listId: 'newsletter' })).toBe(1);
    await store.optIn.confirm(again.confirmToken);
    expect(await store.suppressions.check(kiel, 'jane@example.org')).toBeUndefined();
    expect(await store.audience.count(kiel, { listId: 'newsletter' })).toBe(2);
  });

  it('suppresses an address that is not subscribed when a region is named', async () => {
    const region = uniqueRegion('kiel');
    await seedRegion(store, region);
    expect(
      await store.dataSubjects.erase({ email: 'never@example.org', regionId: region, actor: 'staff:dpo' }),
    ).toEqual({
      erased: 0,
      regions: [region],
    });
    expect(await store.suppressions.check(region, 'never@example.org')).toBe('erased');
    await expect(store.dataSubjects.erase({ email: 'nope', actor: 'staff:dpo' })).rejects.toThrow(
      'invalid data-subject request:\nemail: expected an e-mail address, got "nope"',
    );
  });
});
