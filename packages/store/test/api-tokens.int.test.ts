import { describe, expect, it } from 'vitest';
import { apiTokenCoversRegion, apiTokenState, type Store } from '../src/index';
import { BACKENDS, useTestStore } from './backends';
import { uniqueRegion } from './fixtures';

describe.each(BACKENDS)('API tokens on $name', (backend) => {
  let store: Store;
  let now = new Date('2026-11-22T10:00:00Z');
  useTestStore(
    backend,
    (opened) => {
      ({ store } = opened);
    },
    { clock: () => now },
  );

  it('creates a token shown once, keeps only its hash, and audits who created it', async () => {
    const regionId = uniqueRegion('token');
    const { token, record } = await store.apiTokens.create({
      name: 'Website KielRegion',
      regionId,
      actor: 'staff:anna',
    });
    expect(token).toMatch(/^rk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(token.slice(3, 19)).toBe(record.id);
    expect(record).toEqual({
      id: record.id,
      name: 'Website KielRegion',
      regionId,
      createdBy: 'staff:anna',
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(await store.apiTokens.list({ regionId })).toEqual([record]);
    expect(JSON.stringify(await store.apiTokens.list())).not.toContain(token.slice(20));
    expect(await store.audit.list({ target: `api-token:${record.id}` })).toMatchObject([
      {
        actor: 'staff:anna',
        action: 'api-token.created',
        regionId,
        details: { name: 'Website KielRegion', regionId },
      },
    ]);
    expect(JSON.stringify(await store.audit.list({ regionId }))).not.toContain(token.slice(20));
  });

  it('verifies a token and notes its use; refuses wrong, malformed and unknown ones', async () => {
    const regionId = uniqueRegion('token');
    const { token, record } = await store.apiTokens.create({ name: 'Pressetool', regionId, actor: 'cli' });
    const verified = await store.apiTokens.verify(token);
    expect(verified).toMatchObject({ ...record, lastUsedAt: expect.stringMatching(/Z$/) });
    expect((await store.apiTokens.get(record.id))?.lastUsedAt).toBe(verified?.lastUsedAt);
    // A second use within a minute is not written again.
    expect(await store.apiTokens.verify(token)).toMatchObject({ id: record.id });

    const wrongSecret = `${token.slice(0, 20)}${token.slice(20, 21) === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    const unknownId = `rk_${'0'.repeat(16)}${token.slice(19)}`;
    for (const bad of [wrongSecret, unknownId, '', 'rk_', token.slice(0, -1), `${token}x`, ` ${token}`]) {
      expect(await store.apiTokens.verify(bad), bad).toBeNull();
    }
    expect(await store.apiTokens.verify(undefined as never)).toBeNull();
  });

  it('refuses revoked and expired tokens; revoking is audited once', async () => {
    const regionId = uniqueRegion('token');
    const { token, record } = await store.apiTokens.create({ name: 'Alt', regionId, actor: 'staff:anna' });
    const revoked = await store.apiTokens.revoke(record.id, 'staff:ben');
    expect(revoked).toMatchObject({ id: record.id, revokedAt: expect.stringMatching(/Z$/) });
    expect(apiTokenState(revoked!, now)).toBe('revoked');
    expect(await store.apiTokens.verify(token)).toBeNull();
    expect(await store.apiTokens.revoke(record.id, 'staff:ben')).toEqual(revoked);
    expect(await store.apiTokens.revoke('0123456789abcdef', 'staff:ben')).toBeUndefined();
    expect(await store.apiTokens.revoke('kein-token', 'staff:ben')).toBeUndefined();
    expect(
      (await store.audit.list({ target: `api-token:${record.id}` })).map((e) => `${e.actor} ${e.action}`),
    ).toEqual(['staff:ben api-token.revoked', 'staff:anna api-token.created']);

    const expiring = await store.apiTokens.create({
      name: 'Bis morgen',
      regionId,
      expiresAt: '2026-11-23T00:00:00+01:00',
      actor: 'staff:anna',
    });
    expect(expiring.record.expiresAt).toBe('2026-11-22T23:00:00.000Z');
    expect(await store.apiTokens.verify(expiring.token)).not.toBeNull();
    now = new Date('2026-11-22T23:00:00Z');
    try {
      expect(await store.apiTokens.verify(expiring.token)).toBeNull();
      expect(apiTokenState(expiring.record, now)).toBe('expired');
      await expect(
        store.apiTokens.create({
          name: 'Gestern',
          regionId,
          expiresAt: '2026-11-22T22:00:00Z',
          actor: 'cli',
        }),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        fields: [{ path: 'expiresAt', message: 'expected a moment in the future, got 2026-11-22T22:00:00Z' }],
      });
    } finally {
      now = new Date('2026-11-22T10:00:00Z');
    }
  });

  it('scopes a token to one region or all, and rejects bad input naming the field', async () => {
    const a = uniqueRegion('token-a');
    const b = uniqueRegion('token-b');
    const forA = await store.apiTokens.create({ name: 'A', regionId: a, actor: 'cli' });
    const forAll = await store.apiTokens.create({ name: 'Alle', regionId: '*', actor: 'cli' });
    expect(apiTokenCoversRegion(forA.record, a)).toBe(true);
    expect(apiTokenCoversRegion(forA.record, b)).toBe(false);
    expect(apiTokenCoversRegion(forAll.record, b)).toBe(true);
    expect((await store.apiTokens.list({ regionId: a })).map((t) => t.name)).toContain('A');
    expect((await store.apiTokens.list({ regionId: a })).map((t) => t.name)).toContain('Alle');
    expect((await store.apiTokens.list({ regionId: b })).map((t) => t.name)).not.toContain('A');
    expect(await store.audit.list({ target: `api-token:${forAll.record.id}` })).toMatchObject([
      { action: 'api-token.created', details: { regionId: '*' } },
    ]);

    await expect(
      store.apiTokens.create({ name: '', regionId: 'Kiel Region', actor: '' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [
        { path: 'name', message: 'expected a non-empty text' },
        { path: 'regionId', message: 'expected a region id or "*" for all regions, got "Kiel Region"' },
        { path: 'actor', message: 'expected a non-empty text' },
      ],
    });
    await expect(store.apiTokens.revoke(forA.record.id, '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
