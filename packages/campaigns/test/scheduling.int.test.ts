import { afterEach, describe, expect, it } from 'vitest';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

const HOUR = 3_600_000;

describe('scheduling', () => {
  let smtp: SmtpCapture | undefined;
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    await smtp?.stop();
  });

  it('sends a campaign scheduled for T not before T', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
    await seedSubscribers(h.store, 50);
    await createCampaign(h.store, 'at-t');
    await h.startWorker();
    const t = new Date(Date.now() + 2_500);
    const { runAt } = await h.producer.scheduleCampaign(REGION.id, 'at-t', {
      kind: 'at',
      at: t.toISOString(),
      timeZone: 'Europe/Berlin',
    });
    expect(runAt?.getTime()).toBe(t.getTime());
    expect(await h.sending.getCampaignStatus(REGION.id, 'at-t')).toBe('scheduled');
    await waitFor(
      async () => (await h!.sending.getCampaignStatus(REGION.id, 'at-t')) === 'sent',
      30_000,
      'sent',
    );
    expect(smtp.total()).toBe(50);
    expect(Math.min(...smtp.arrivals)).toBeGreaterThanOrEqual(t.getTime());
  });

  it('marks a schedule missed beyond the allowed lateness and sends one within it', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url, settings: { maxLatenessMs: 6 * HOUR } });
    await seedSubscribers(h.store, 20);
    await createCampaign(h.store, 'down-for-7h');
    await createCampaign(h.store, 'down-for-1h');
    // scheduled while everything was down: the due moments lie in the past when the worker runs
    await h.producer.scheduleCampaign(REGION.id, 'down-for-7h', {
      kind: 'at',
      at: new Date(Date.now() - 7 * HOUR).toISOString(),
      timeZone: 'Europe/Berlin',
    });
    await h.producer.scheduleCampaign(REGION.id, 'down-for-1h', {
      kind: 'at',
      at: new Date(Date.now() - HOUR).toISOString(),
      timeZone: 'Europe/Berlin',
    });
    await h.startWorker();
    await waitFor(
      async () => (await h!.sending.getCampaignStatus(REGION.id, 'down-for-7h')) === 'missed',
      30_000,
      'missed',
    );
    await waitFor(
      async () => (await h!.sending.getCampaignStatus(REGION.id, 'down-for-1h')) === 'sent',
      30_000,
      'sent',
    );
    expect((await h.store.campaigns.get(REGION.id, 'down-for-7h'))?.statusReason).toMatch(
      /^schedule missed: due .*, 420 min late \(allowed 360 min\)$/,
    );
    expect(smtp.total()).toBe(20);
    expect((await h.producer.progress(REGION.id, 'down-for-7h')).counts).toEqual({});
  });

  it('fires a recurring schedule at 09:00 Europe/Berlin on both sides of the change to summer time', async () => {
    smtp = await startSmtpCapture();
    // BullMQ computes each next run from the previous one: start the schedule just before the
    // change (28 March 2027) and promote each occurrence instead of waiting for it
    h = await createHarness({ smtpUrl: smtp.url, now: () => new Date('2027-03-26T12:00:00Z') });
    const subscribers = await seedSubscribers(h.store, 10);
    const campaign = await createCampaign(h.store, 'monatlich', {
      kind: 'recurring',
      cron: '0 9 * * *',
      timeZone: 'Europe/Berlin',
    });
    await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'monatlich', campaign.plan);

    const fired: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [job] = await h.worker!.queues.campaigns.getJobs(['delayed']);
      expect(job).toBeDefined();
      fired.push(new Date(job!.timestamp + (job!.opts.delay ?? 0)).toISOString());
      await job!.promote();
      await waitFor(() => smtp!.total() === 10 * (i + 1), 30_000, `occurrence ${i + 1}`);
    }
    expect(fired).toEqual([
      '2027-03-27T08:00:00.000Z',
      '2027-03-28T07:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
    ]);
    expect(await h.sending.getCampaignStatus(REGION.id, 'monatlich-20270327t0800')).toBe('sent');
    expect(await h.sending.getCampaignStatus(REGION.id, 'monatlich-20270328t0700')).toBe('sent');
    expect(await h.sending.getCampaignStatus(REGION.id, 'monatlich')).toBe('scheduled');
    for (const s of subscribers) {
      const ids = smtp.received
        .get(s.email)!
        .map((raw) => /^Message-ID: (.*)$/m.exec(raw.toString('latin1'))?.[1]);
      expect(new Set(ids).size).toBe(3);
    }

    await h.producer.cancelCampaign(REGION.id, 'monatlich');
    expect(await h.worker!.queues.campaigns.getJobSchedulersCount()).toBe(0);
  });
});
