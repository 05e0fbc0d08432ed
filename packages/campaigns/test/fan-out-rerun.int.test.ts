import { Job, type JobType } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignProcessor } from '../src/queues/campaign-queue';
import { pipelineKeys } from '../src/queues/worker-context';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

describe('a fan-out that runs again after some batches finished (stalled-job recovery)', () => {
  let smtp: SmtpCapture;
  let h: Harness;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    // 1,000 recipients at 200/s: about 5 s of sending, so the fan-out runs again mid-campaign
    h = await createHarness({ smtpUrl: smtp.url, sendRate: 200, concurrency: 2 });
  });
  afterAll(async () => {
    await h?.cleanup();
    await smtp?.stop();
  });

  it('leaves no finished batch pending, and the campaign ends sent', async () => {
    const subscribers = await seedSubscribers(h.store, 1_000);
    await createCampaign(h.store, 'rerun');
    const worker = await h.startWorker();
    const { jobId } = await h.producer.scheduleCampaign(REGION.id, 'rerun', { kind: 'now' });
    const send = worker.queues.send;
    const count = async (...states: JobType[]) => {
      const counts = await send.getJobCounts(...states);
      return states.reduce((n, state) => n + (counts[state] ?? 0), 0);
    };
    await waitFor(async () => (await count('completed')) >= 2, 60_000, 'two batches done');

    // what BullMQ's stalled check does when the worker holding the start job died: the same
    // processor runs the same job again
    const job = await Job.fromId(worker.queues.campaigns, jobId);
    if (!job) throw new Error(`start job ${jobId} not found`);
    const completedAtRerun = await count('completed');
    expect(await h.sending.getCampaignStatus(REGION.id, 'rerun')).toBe('sending');
    const rerun = await createCampaignProcessor(worker.context)(job);
    expect(rerun).toMatchObject({ outcome: 'fanned-out', batches: 10 });
    expect(completedAtRerun).toBeLessThan(10);

    // every batch job has run (its processor ends before BullMQ counts it completed)
    await waitFor(
      async () => (await count('completed')) === 10 && (await count('waiting', 'active', 'delayed')) === 0,
      60_000,
      'all ten batch jobs completed',
    );
    const keys = pipelineKeys(h.prefix, REGION.id, 'rerun');
    expect(await h.redis.smembers(keys.pending)).toEqual([]);
    expect(await h.sending.getCampaignStatus(REGION.id, 'rerun')).toBe('sent');
    for (const s of subscribers) expect(smtp.received.get(s.email)?.length).toBe(1);
  });
});
