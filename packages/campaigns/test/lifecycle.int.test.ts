import { afterEach, describe, expect, it } from 'vitest';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

const at = (ms: number) => ({
  kind: 'at' as const,
  at: new Date(ms).toISOString(),
  timeZone: 'Europe/Berlin',
});

/** Waits until the clock is past `instant` (the test watches a moment go by). */
const passed = (instant: number) => waitFor(() => Date.now() > instant, 30_000, 'the moment to pass');

describe('campaign lifecycle: pause, resume, reschedule before the start time', () => {
  let smtp: SmtpCapture | undefined;
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    await smtp?.stop();
  });

  const statusOf = (id: string) => h!.sending.getCampaignStatus(REGION.id, id);

  it('keeps the start time through a pause and a resume before it, and sends at that time', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
    await seedSubscribers(h.store, 30);
    await createCampaign(h.store, 'spaeter');
    await h.startWorker();
    const t = Date.now() + 3_000;
    await h.producer.scheduleCampaign(REGION.id, 'spaeter', at(t));
    await h.producer.pauseCampaign(REGION.id, 'spaeter');
    expect(await statusOf('spaeter')).toBe('paused');
    await h.producer.resumeCampaign(REGION.id, 'spaeter');
    // resumed before its time: it waits for it
    expect(await statusOf('spaeter')).toBe('scheduled');
    expect((await h.store.campaigns.get(REGION.id, 'spaeter'))?.plan).toEqual(at(t));
    await waitFor(async () => (await statusOf('spaeter')) === 'sent', 30_000, 'sent');
    expect(smtp.total()).toBe(30);
    expect(Math.min(...smtp.arrivals)).toBeGreaterThanOrEqual(t);
  });

  it('sends nothing while paused past its time, and sends when resumed after it', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
    await seedSubscribers(h.store, 20);
    await createCampaign(h.store, 'verpasst');
    await h.startWorker();
    const t = Date.now() + 1_500;
    await h.producer.scheduleCampaign(REGION.id, 'verpasst', at(t));
    await h.producer.pauseCampaign(REGION.id, 'verpasst');
    await passed(t + 1_000);
    expect(await statusOf('verpasst')).toBe('paused');
    expect(await h.worker!.queues.campaigns.getJobCounts('delayed', 'waiting', 'active')).toEqual({
      delayed: 0,
      waiting: 0,
      active: 0,
    });
    expect(smtp.total()).toBe(0);
    const resumedAt = Date.now();
    await h.producer.resumeCampaign(REGION.id, 'verpasst');
    await waitFor(async () => (await statusOf('verpasst')) === 'sent', 30_000, 'sent');
    expect(smtp.total()).toBe(20);
    expect(Math.min(...smtp.arrivals)).toBeGreaterThanOrEqual(resumedAt);
  });

  it('replaces the start job on reschedule: neither earlier time fires', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
    await seedSubscribers(h.store, 20);
    await createCampaign(h.store, 'verschoben');
    await h.startWorker();
    const t1 = Date.now() + 1_500;
    const t2 = t1 + 1_500;
    const t3 = t2 + 2_000;
    await h.producer.scheduleCampaign(REGION.id, 'verschoben', at(t1));
    await h.producer.rescheduleCampaign(REGION.id, 'verschoben', at(t2));
    await h.producer.rescheduleCampaign(REGION.id, 'verschoben', at(t3));
    expect(await h.worker!.queues.campaigns.getJobCounts('delayed')).toEqual({ delayed: 1 });
    expect((await h.store.campaigns.get(REGION.id, 'verschoben'))?.plan).toEqual(at(t3));
    await passed(t2 + 500);
    expect(smtp.total()).toBe(0);
    expect(await statusOf('verschoben')).toBe('scheduled');
    await waitFor(async () => (await statusOf('verschoben')) === 'sent', 30_000, 'sent');
    expect(smtp.total()).toBe(20);
    expect(Math.min(...smtp.arrivals)).toBeGreaterThanOrEqual(t3);
  });

  it('does nothing when a start job of a replaced plan fires anyway', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
    await seedSubscribers(h.store, 5);
    await createCampaign(h.store, 'alt');
    await h.startWorker();
    const later = Date.now() + 60_000;
    await h.producer.scheduleCampaign(REGION.id, 'alt', at(later));
    // the old job is still there when the plan changes underneath it (e.g. a second process)
    await h.sending.replacePlan(REGION.id, 'alt', at(later + 60_000));
    const [job] = await h.worker!.queues.campaigns.getJobs(['delayed']);
    if (job?.id === undefined) throw new Error('expected the delayed start job');
    await job.promote();
    await waitFor(async () => (await job.getState()) === 'completed', 30_000, 'the old job to run');
    const ran = await h.worker!.queues.campaigns.getJob(job.id);
    expect(ran?.returnvalue).toMatchObject({ outcome: 'skipped' });
    expect(await statusOf('alt')).toBe('scheduled');
    expect(smtp.total()).toBe(0);
  });

  it('ends a campaign with an empty audience at its time as sent with 0, and says so', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
    await createCampaign(h.store, 'leer');
    await h.startWorker();
    const t = Date.now() + 1_500;
    await h.producer.scheduleCampaign(REGION.id, 'leer', at(t));
    await h.producer.pauseCampaign(REGION.id, 'leer');
    await h.producer.resumeCampaign(REGION.id, 'leer');
    expect(await statusOf('leer')).toBe('scheduled');
    await waitFor(async () => (await statusOf('leer')) === 'sent', 30_000, 'sent');
    const done = await h.store.campaigns.get(REGION.id, 'leer');
    expect(Date.parse(done?.sentAt ?? '')).toBeGreaterThanOrEqual(t);
    expect(done?.statusReason).toBe('no recipients: the audience was empty when the campaign started');
    expect(smtp.total()).toBe(0);
  });
});
