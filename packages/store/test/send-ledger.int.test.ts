import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import type { Claim, Store } from '../src/index';
import { BACKENDS, type TestDatabase, useTestStore } from './backends';
import { randomIds, seedCampaign, seedRegion, sleep, uniqueRegion } from './fixtures';

describe.each(BACKENDS)('send ledger on $name', (backend) => {
  let database: TestDatabase;
  let store: Store;
  useTestStore(backend, (opened) => {
    ({ store, database } = opened);
  });

  async function sendingCampaign(status: 'draft' | 'scheduled' | 'sending' = 'sending') {
    const region = uniqueRegion('ledger');
    await seedRegion(store, region);
    await seedCampaign(store, region, 'nl', status);
    return region;
  }

  it('claims each recipient once and records every outcome', async () => {
    const region = await sendingCampaign();
    const ids = randomIds(6).sort();
    const first = await store.ledger.claim(region, 'nl', ids.slice(0, 4), { owner: 'worker-a' });
    expect(first.campaignStatus).toBe('sending');
    expect(first.subscriberIds.sort()).toEqual(ids.slice(0, 4));
    const second = await store.ledger.claim(region, 'nl', [...ids, ids[5]!]);
    expect(second.subscriberIds.sort()).toEqual(ids.slice(4));

    const result = await store.ledger.settle(first, [
      { subscriberId: ids[0]!, state: 'sent', messageId: '<a@kielregion.de>', smtpReply: '250 2.0.0 OK' },
      { subscriberId: ids[1]!, state: 'failed-permanent', smtpReply: '550 5.1.1 user unknown' },
      { subscriberId: ids[2]!, state: 'failed-temporary', smtpReply: '451 4.7.1 try later' },
      { subscriberId: ids[3]!, state: 'skipped', error: 'unsubscribed meanwhile' },
      { subscriberId: ids[4]!, state: 'sent' },
    ]);
    expect(result).toEqual({ settled: 4, lost: [ids[4]] });
    expect(await store.ledger.progress(region, 'nl')).toEqual({
      total: 6,
      claimed: 2,
      sent: 1,
      failedTemporary: 1,
      failedPermanent: 1,
      skipped: 1,
      stalled: 0,
    });
    const entries = await store.ledger.listEntries(region, 'nl');
    expect(entries.map((e) => e.subscriberId)).toEqual(ids);
    expect(entries[0]).toMatchObject({
      state: 'sent',
      attempts: 1,
      claimedBy: 'worker-a',
      messageId: '<a@kielregion.de>',
      smtpReply: '250 2.0.0 OK',
    });
    expect(entries[0]?.settledAt).toBeDefined();
    expect(entries[0]?.reclaimableAt).toBeUndefined();
    expect(await store.ledger.listEntries(region, 'nl', { state: 'failed-permanent' })).toHaveLength(1);

    // Only the temporary failure can be claimed again; sent, permanent and skipped rows never.
    expect(await store.ledger.listReclaimable(region, 'nl')).toEqual([ids[2]]);
    const retry = await store.ledger.claim(region, 'nl', ids.slice(0, 4));
    expect(retry.subscriberIds).toEqual([ids[2]]);
    expect(
      (await store.ledger.listEntries(region, 'nl', { state: 'claimed' })).find(
        (e) => e.subscriberId === ids[2],
      ),
    ).toMatchObject({ attempts: 2 });

    const minutes = await store.ledger.progressPerMinute(region, 'nl');
    expect(minutes).toHaveLength(1);
    expect(minutes[0]).toMatchObject({ sent: 1, failedPermanent: 1, skipped: 1, failedTemporary: 0 });
    expect(minutes[0]?.minute).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
  });

  it('lists the outstanding rows of given recipients only: claimed or waiting for a retry', async () => {
    const region = await sendingCampaign();
    const ids = randomIds(5).sort();
    const claim = await store.ledger.claim(region, 'nl', ids.slice(0, 4), { leaseMs: 60_000 });
    const retryAt = new Date(Date.now() + 30_000);
    await store.ledger.settle(claim, [
      { subscriberId: ids[0]!, state: 'sent' },
      { subscriberId: ids[1]!, state: 'failed-temporary', error: 'timeout', retryAt },
      { subscriberId: ids[2]!, state: 'failed-permanent', smtpReply: '550 no such user' },
    ]);
    const outstanding = await store.ledger.outstanding(region, 'nl', [ids[1]!, ids[3]!, ids[4]!, ids[0]!]);
    expect(outstanding.map((r) => [r.subscriberId, r.state])).toEqual([
      [ids[1], 'failed-temporary'],
      [ids[3], 'claimed'],
    ]);
    expect(new Date(outstanding[0]!.reclaimableAt).getTime()).toBe(Math.floor(retryAt.getTime()));
    expect(new Date(outstanding[1]!.reclaimableAt).getTime()).toBeGreaterThan(Date.now() + 50_000);
    // rows of other recipients are not read: a page of a large campaign costs its own size
    expect(await store.ledger.outstanding(region, 'nl', [ids[4]!])).toEqual([]);
    expect(await store.ledger.outstanding(region, 'nl', [])).toEqual([]);
    await expect(store.ledger.outstanding(region, 'nl', ['not-a-uuid'])).rejects.toThrow(
      /subscriberIds\[0\]/,
    );
  });

  it('claims nothing unless the campaign is sending', async () => {
    const region = await sendingCampaign('scheduled');
    const claim = await store.ledger.claim(region, 'nl', randomIds(3));
    expect(claim).toMatchObject({ subscriberIds: [], campaignStatus: 'scheduled' });
    await store.campaigns.transition(region, 'nl', 'sending', { actor: 'worker' });
    expect((await store.ledger.claim(region, 'nl', randomIds(3))).subscriberIds).toHaveLength(3);
    await store.campaigns.transition(region, 'nl', 'paused', { actor: 'staff:anna' });
    expect(await store.ledger.claim(region, 'nl', randomIds(3))).toMatchObject({
      subscriberIds: [],
      campaignStatus: 'paused',
    });
    await expect(store.ledger.claim(region, 'gibt-es-nicht', randomIds(1))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets a lapsed claim of a dead worker be taken over, fencing the old holder', async () => {
    const region = await sendingCampaign();
    const ids = randomIds(3);
    const dead = await store.ledger.claim(region, 'nl', ids, { leaseMs: 300, owner: 'dead' });
    await store.ledger.settle(dead, [{ subscriberId: ids[0]!, state: 'sent' }]);
    expect((await store.ledger.claim(region, 'nl', ids)).subscriberIds).toEqual([]);
    await sleep(400);
    expect((await store.ledger.progress(region, 'nl')).stalled).toBe(2);
    const takeover = await store.ledger.claim(region, 'nl', ids, { owner: 'alive' });
    expect(takeover.subscriberIds.sort()).toEqual(ids.slice(1).sort());
    // The dead worker comes back: its settlement is refused, the new holder's is recorded.
    expect(await store.ledger.settle(dead, [{ subscriberId: ids[1]!, state: 'failed-temporary' }])).toEqual({
      settled: 0,
      lost: [ids[1]],
    });
    expect(
      await store.ledger.settle(
        takeover,
        takeover.subscriberIds.map((subscriberId) => ({ subscriberId, state: 'sent' })),
      ),
    ).toEqual({ settled: 2, lost: [] });
    expect(await store.ledger.progress(region, 'nl')).toMatchObject({ sent: 3, claimed: 0, stalled: 0 });
    expect(await store.ledger.listReclaimable(region, 'nl')).toEqual([]);
  });

  it('holds a temporary failure back until its retry time', async () => {
    const region = await sendingCampaign();
    const [id] = randomIds(1) as [string];
    const claim = await store.ledger.claim(region, 'nl', [id]);
    await store.ledger.settle(claim, [
      {
        subscriberId: id,
        state: 'failed-temporary',
        retryAt: new Date(Date.now() + 400),
        error: 'ETIMEDOUT',
      },
    ]);
    expect((await store.ledger.claim(region, 'nl', [id])).subscriberIds).toEqual([]);
    await sleep(500);
    expect((await store.ledger.claim(region, 'nl', [id])).subscriberIds).toEqual([id]);
  });

  it('rejects bad outcomes naming the entry, and records none of them', async () => {
    const region = await sendingCampaign();
    const ids = randomIds(3);
    const claim = await store.ledger.claim(region, 'nl', ids);
    await expect(
      store.ledger.settle(claim, [
        { subscriberId: ids[0]!, state: 'sent' },
        { subscriberId: ids[1]!, state: 'delivered' as 'sent' },
        { subscriberId: 'nope', state: 'sent' },
      ]),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/outcomes\[1\]\.state: .*\noutcomes\[2\]\.subscriberId: /),
    });
    await expect(
      store.ledger.settle(claim, [
        { subscriberId: ids[0]!, state: 'sent', retryAt: new Date() },
        { subscriberId: ids[0]!, state: 'skipped' },
      ]),
    ).rejects.toThrow(
      /outcomes\[1\]\.subscriberId: duplicate .*\noutcomes\[0\]\.retryAt: expected retryAt only with failed-temporary, got sent/,
    );
    await expect(store.ledger.claim(region, 'nl', ['x'])).rejects.toThrow(
      /subscriberIds\[0\]: expected a UUID|subscriberIds\[0\]/,
    );
    expect((await store.ledger.progress(region, 'nl')).claimed).toBe(3);
  });

  it('gives each recipient to exactly one of several concurrent claimers', async () => {
    const region = await sendingCampaign();
    const ids = randomIds(3000);
    // Separate connections on PostgreSQL; PGlite is one connection and serialises the calls itself.
    const claimers =
      backend.name === 'postgres'
        ? [store, await database.open(), await database.open()]
        : [store, store, store];
    try {
      const claimedBy = await Promise.all(
        claimers.map(async (claimer, n) => {
          const order = n === 1 ? [...ids].reverse() : ids;
          const mine: string[] = [];
          for (let i = 0; i < order.length; i += 250) {
            const claim = await claimer.ledger.claim(region, 'nl', order.slice(i, i + 250));
            mine.push(...claim.subscriberIds);
          }
          return mine;
        }),
      );
      const all = claimedBy.flat();
      expect(all).toHaveLength(ids.length);
      expect(new Set(all).size).toBe(ids.length);
    } finally {
      for (const claimer of new Set(claimers)) if (claimer !== store) await claimer.close();
    }
  });

  it.runIf(backend.name === 'postgres')(
    'claims exactly once when two connections run the same batch at the same instant',
    async () => {
      const region = await sendingCampaign();
      const other = await database.open();
      const url = (database.target as { url: string }).url;
      const locker = postgres(url, { max: 2, onnotice: () => undefined });
      try {
        // Hold the ledger so both claims queue up, then release them together.
        const claimTogether = async (ids: string[]): Promise<[Claim, Claim]> => {
          const reserved = await locker.reserve();
          await reserved`begin`;
          await reserved`lock table send_ledger in exclusive mode`;
          const claims = [store, other].map((s) => s.ledger.claim(region, 'nl', ids));
          let waiting = 0;
          for (let polls = 0; polls < 100 && waiting < 2; polls++) {
            await sleep(20);
            const [row] = await locker`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`;
            waiting = row?.n as number;
          }
          await reserved`commit`;
          reserved.release();
          expect(waiting).toBe(2);
          return (await Promise.all(claims)) as [Claim, Claim];
        };
        for (let round = 0; round < 3; round++) {
          const ids = randomIds(500);
          const [a, b] = await claimTogether(ids);
          expect(a.subscriberIds.length + b.subscriberIds.length).toBe(500);
          expect(new Set([...a.subscriberIds, ...b.subscriberIds]).size).toBe(500);
          // Every recipient fails temporarily; both reclaim at once: still each exactly once.
          for (const claim of [a, b]) {
            await store.ledger.settle(
              claim,
              claim.subscriberIds.map((subscriberId) => ({ subscriberId, state: 'failed-temporary' })),
            );
          }
          const [c, d] = await claimTogether(ids);
          expect(c.subscriberIds.length + d.subscriberIds.length).toBe(500);
          expect(new Set([...c.subscriberIds, ...d.subscriberIds]).size).toBe(500);
        }
      } finally {
        await locker.end();
        await other.close();
      }
    },
  );

  it.runIf(backend.name === 'postgres')('claims exactly once across two worker processes', async () => {
    const region = await sendingCampaign();
    const ids = randomIds(2000);
    const url = (database.target as { url: string }).url;
    const script = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));
    const workers = [ids, [...ids].reverse()].map((order) => {
      const child = spawn(
        process.execPath,
        [
          '--conditions=@regiokit/source',
          '--import',
          'tsx',
          script,
          url,
          region,
          'nl',
          JSON.stringify(order),
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      const ready = new Promise<void>((resolve) => {
        child.stdout.on('data', () => out.startsWith('ready\n') && resolve());
      });
      const done = new Promise<string[]>((resolve, reject) => {
        child.on('exit', (code) =>
          code === 0
            ? resolve(JSON.parse(out.split('\n')[1]!))
            : reject(new Error(`worker exited with ${code}`)),
        );
      });
      return { child, ready, done };
    });
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.end('go\n');
    const [a, b] = (await Promise.all(workers.map((w) => w.done))) as [string[], string[]];
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.length + b.length).toBe(ids.length);
    expect(new Set([...a, ...b]).size).toBe(ids.length);
    expect(await store.ledger.progress(region, 'nl')).toMatchObject({ total: 2000, sent: 2000 });
  });
});
