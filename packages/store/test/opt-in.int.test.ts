import { describe, expect, it } from 'vitest';
import { createToken, type Store } from '../src/index';
import { BACKENDS, TEST_SECRET, useTestStore } from './backends';
import { CONSENT, seedRegion, uniqueRegion } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe.each(BACKENDS)('double opt-in on $name', (backend) => {
  let store: Store;
  let now = new Date('2026-11-21T09:00:00Z');
  let region: string;
  useTestStore(
    backend,
    (opened) => {
      ({ store } = opened);
    },
    { clock: () => now },
  );

  async function freshRegion() {
    region = uniqueRegion('kiel');
    now = new Date('2026-11-21T09:00:00Z');
    await seedRegion(store, region);
    return region;
  }

  const request = (extra: Record<string, unknown> = {}) =>
    store.optIn.request({
      regionId: region,
      email: '  Jane.Doe@Example.ORG ',
      listId: 'newsletter',
      topics: ['fachkraefte'],
      firstName: 'Jane',
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
      ...CONSENT,
      ...extra,
    });

  it('records a request as pending with its consent evidence, and confirms it once', async () => {
    await freshRegion();
    const requested = await request();
    expect(requested).toMatchObject({ status: 'pending', alreadySubscribed: false });
    const pending = await store.subscribers.get(requested.subscriberId);
    expect(pending).toMatchObject({
      regionId: region,
      email: 'jane.doe@example.org',
      firstName: 'Jane',
      status: 'pending',
      listIds: ['newsletter'],
      topics: ['fachkraefte'],
    });

    now = new Date(now.getTime() + 60_000);
    const confirmed = await store.optIn.confirm(requested.confirmToken, { ip: '203.0.113.8' });
    expect(confirmed.alreadyConfirmed).toBe(false);
    expect(confirmed.subscriber.status).toBe('active');
    const again = await store.optIn.confirm(requested.confirmToken);
    expect(again.alreadyConfirmed).toBe(true);

    const history = await store.consent.history(requested.subscriberId);
    expect(history.map((e) => e.action)).toEqual(['requested', 'confirmed']);
    expect(history[0]).toMatchObject({
      source: 'form',
      listId: 'newsletter',
      topics: ['fachkraefte'],
      consentText: CONSENT.consentText,
      consentTextVersion: CONSENT.consentTextVersion,
      email: 'jane.doe@example.org',
    });
    // IP address and user agent are kept as keyed hashes by default.
    expect(history[0]?.ip).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(history[0]?.userAgent).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(history[0]?.ip).not.toBe(history[1]?.ip);
    expect(history[1]).toMatchObject({ requestId: history[0]?.id, consentTextVersion: '2026-01' });
    const summary = await store.consent.summary(requested.subscriberId);
    expect(summary).toEqual({
      requestedAt: history[0]?.at,
      confirmedAt: history[1]?.at,
      source: 'form',
      consentTextVersion: '2026-01',
    });
  });

  it('rejects confirm tokens that expired, were forged or were made for another purpose', async () => {
    await freshRegion();
    const requested = await request();
    const unsubscribe = store.optIn.createUnsubscribeToken(requested.subscriberId);
    await expect(store.optIn.confirm(unsubscribe)).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'confirm token: the link is meant for something else',
    });
    await expect(store.optIn.unsubscribe(requested.confirmToken)).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
    await expect(store.optIn.preferences(unsubscribe)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    const forged = createToken(`${TEST_SECRET}-other`, {
      purpose: 'confirm',
      subscriberId: requested.subscriberId,
      ref: String(requested.requestId),
    });
    await expect(store.optIn.confirm(forged)).rejects.toThrow('confirm token: the link is not valid');
    const otherRequest = createToken(TEST_SECRET, {
      purpose: 'confirm',
      subscriberId: requested.subscriberId,
      ref: String(requested.requestId + 1000),
      now,
    });
    await expect(store.optIn.confirm(otherRequest)).rejects.toThrow(/sign-up it confirms no longer exists/);

    now = new Date(now.getTime() + 7 * DAY + 1000);
    await expect(store.optIn.confirm(requested.confirmToken)).rejects.toThrow(
      'confirm token: the link has expired',
    );
    expect((await store.subscribers.get(requested.subscriberId))?.status).toBe('pending');
    // A fresh token for the same request works.
    const fresh = await store.optIn.createConfirmToken(requested.subscriberId);
    expect((await store.optIn.confirm(fresh)).subscriber.status).toBe('active');
    await expect(store.optIn.createConfirmToken(requested.subscriberId)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('unsubscribes with a long-lived token that survives preference changes', async () => {
    await freshRegion();
    const requested = await request();
    await store.optIn.confirm(requested.confirmToken);
    const unsubscribe = store.optIn.createUnsubscribeToken(requested.subscriberId);
    const preferences = store.optIn.createPreferencesToken(requested.subscriberId);

    const changed = await store.optIn.updatePreferences(preferences, {
      topics: ['regionalbudget', 'tourismus'],
      lastName: 'Doe',
    });
    expect(changed).toMatchObject({
      topics: ['regionalbudget', 'tourismus'],
      lastName: 'Doe',
      status: 'active',
    });
    expect((await store.optIn.preferences(preferences)).id).toBe(requested.subscriberId);

    now = new Date(now.getTime() + 3 * 365 * DAY);
    const result = await store.optIn.unsubscribe(unsubscribe, { source: 'api' });
    expect(result.changed).toBe(true);
    expect(result.subscriber).toMatchObject({ status: 'unsubscribed', listIds: [] });
    expect((await store.optIn.unsubscribe(unsubscribe)).changed).toBe(false);
    const history = await store.consent.history(requested.subscriberId);
    expect(history.map((e) => `${e.action}/${e.source}`)).toEqual([
      'requested/form',
      'confirmed/form',
      'preferences-changed/form',
      'withdrawn/api',
    ]);
    expect(await store.consent.summary(requested.subscriberId)).toMatchObject({
      withdrawnAt: history[3]?.at,
    });

    // Coming back needs a new sign-up and its confirmation.
    const back = await request({ topics: [] });
    expect(back.status).toBe('pending');
    await store.optIn.confirm(back.confirmToken);
    expect(await store.subscribers.get(requested.subscriberId)).toMatchObject({
      status: 'active',
      listIds: ['newsletter'],
    });
    expect((await store.consent.summary(requested.subscriberId)).withdrawnAt).toBeUndefined();
  });

  it('leaves one list with a list-bound token and becomes unsubscribed after the last', async () => {
    await freshRegion();
    const first = await request();
    await store.optIn.confirm(first.confirmToken);
    const second = await request({ listId: 'presse', topics: [] });
    expect(second).toMatchObject({ status: 'active', alreadySubscribed: false });
    // An active subscriber is added to the new list only once that request is confirmed.
    expect((await store.subscribers.get(first.subscriberId))?.listIds).toEqual(['newsletter']);
    await store.optIn.confirm(second.confirmToken);
    expect((await store.subscribers.get(first.subscriberId))?.listIds).toEqual(['newsletter', 'presse']);
    expect((await request({ listId: 'presse', topics: [] })).alreadySubscribed).toBe(true);

    const leavePress = store.optIn.createUnsubscribeToken(first.subscriberId, 'presse');
    expect((await store.optIn.unsubscribe(leavePress)).subscriber).toMatchObject({
      status: 'active',
      listIds: ['newsletter'],
    });
    const leaveNewsletter = store.optIn.createUnsubscribeToken(first.subscriberId, 'newsletter');
    expect((await store.optIn.unsubscribe(leaveNewsletter)).subscriber).toMatchObject({
      status: 'unsubscribed',
      listIds: [],
    });
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    await freshRegion();
    await expect(request({ email: 'not-an-address' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'invalid sign-up:\nemail: expected an e-mail address, got "not-an-address"',
    });
    await expect(request({ topics: ['fachkraefte', 'segeln'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('topics[1]: unknown topic "segeln" on list "newsletter"'),
    });
    await expect(request({ listId: 'gibt-es-nicht' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `listId: no mailing list "gibt-es-nicht" in region "${region}"`,
    });
    await expect(request({ consentText: undefined, consentTextVersion: '1999-01' })).rejects.toThrow(
      /consentTextVersion: unknown consent text version "1999-01"/,
    );
    await request();
    const before = await store.consent.history(
      (await store.subscribers.findByEmail(region, 'jane.doe@example.org'))!.id,
    );
    await expect(
      request({ consentText: 'Ein anderer Text.', email: 'new@example.org' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('version "2026-01" is already recorded with a different text'),
    });
    expect(await store.subscribers.findByEmail(region, 'new@example.org')).toBeUndefined();
    const preferences = store.optIn.createPreferencesToken(before[0]!.subscriberId);
    await expect(
      store.optIn.updatePreferences(preferences, { topics: ['segeln'], lastName: 'X' }),
    ).rejects.toThrow(/topics\[0\]: unknown topic "segeln"/);
    expect((await store.subscribers.findByEmail(region, 'jane.doe@example.org'))?.lastName).toBeUndefined();
    expect(await store.subscribers.countByStatus(region)).toEqual({
      pending: 1,
      active: 0,
      unsubscribed: 0,
      bounced: 0,
      complained: 0,
    });
    expect(await store.consent.history(before[0]!.subscriberId)).toEqual(before);
  });
});

describe.each(BACKENDS)('client data on $name', (backend) => {
  it('is stored as given when the clientData option says plain', async () => {
    const database = await backend.create();
    const store = await database.open({ clientData: 'plain' });
    try {
      const region = uniqueRegion('plain');
      await seedRegion(store, region);
      const requested = await store.optIn.request({
        regionId: region,
        email: 'jane@example.org',
        listId: 'newsletter',
        ip: '2001:db8::1',
        userAgent: 'Thunderbird',
        ...CONSENT,
      });
      const [entry] = await store.consent.history(requested.subscriberId);
      expect(entry).toMatchObject({ ip: '2001:db8::1', userAgent: 'Thunderbird' });
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
