import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';
import { spawnWorkerChild, type WorkerChild } from './support/worker-children';

describe('two worker processes', () => {
  let smtp: SmtpCapture;
  let h: Harness;
  const children: WorkerChild[] = [];
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
    await h?.cleanup();
    await smtp?.stop();
  });

  it('share one campaign and one rate limit', async () => {
    const rate = 250;
    const subscribers = await seedSubscribers(h.store, 1_000);
    await createCampaign(h.store, 'shared');
    const settings = { sendRate: rate, batchSize: 50, concurrency: 2 };
    children.push(await spawnWorkerChild(h.childSettings('worker-a', settings)));
    children.push(await spawnWorkerChild(h.childSettings('worker-b', settings)));
    const scheduledAt = Date.now();
    await h.producer.scheduleCampaign(REGION.id, 'shared', { kind: 'now' });
    await waitFor(
      async () => (await h.sending.getCampaignStatus(REGION.id, 'shared')) === 'sent',
      60_000,
      'sent',
    );

    for (const s of subscribers) expect(smtp.received.get(s.email)?.length).toBe(1);
    const a = smtp.bySender.get('worker-a') ?? 0;
    const b = smtp.bySender.get('worker-b') ?? 0;
    expect(a + b).toBe(1_000);
    expect(a).toBeGreaterThan(100);
    expect(b).toBeGreaterThan(100);
    // one shared bucket: from the schedule on, never faster than the rate plus the bucket's burst;
    // two separate limits would allow about twice as much
    const seconds = (Math.max(...smtp.arrivals) - scheduledAt) / 1000;
    expect(1_000 / seconds).toBeLessThan(rate * 1.15);
    console.info(
      `two workers: ${a} + ${b} messages in ${seconds.toFixed(2)} s = ${(1_000 / seconds).toFixed(0)}/s at a shared limit of ${rate}/s`,
    );

    for (const c of children) c.process.kill('SIGTERM');
    expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0]);
  });
});
