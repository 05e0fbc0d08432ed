import { afterEach, describe, expect, it } from 'vitest';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('pause, resume and cancel', () => {
  let smtp: SmtpCapture | undefined;
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    await smtp?.stop();
  });

  it('pause stops sending; resume continues; nobody gets it twice', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url, sendRate: 200, settings: { batchSize: 50 } });
    const subscribers = await seedSubscribers(h.store, 600);
    await createCampaign(h.store, 'pausable');
    await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'pausable', { kind: 'now' });
    await waitFor(() => smtp!.total() >= 100, 30_000, '100 messages');

    await h.producer.pauseCampaign(REGION.id, 'pausable');
    await sleep(1_500);
    const afterOneSecond = smtp.total();
    await sleep(1_500);
    expect(smtp.total()).toBe(afterOneSecond);
    expect(afterOneSecond).toBeLessThan(600);
    expect(await h.sending.getCampaignStatus(REGION.id, 'pausable')).toBe('paused');
    expect((await h.producer.progress(REGION.id, 'pausable')).counts.sent).toBe(afterOneSecond);

    await h.producer.resumeCampaign(REGION.id, 'pausable');
    await waitFor(
      async () => (await h!.sending.getCampaignStatus(REGION.id, 'pausable')) === 'sent',
      60_000,
      'sent',
    );
    for (const s of subscribers) expect(smtp.received.get(s.email)?.length).toBe(1);
    expect((await h.producer.progress(REGION.id, 'pausable')).counts).toEqual({ sent: 600 });
  });

  it('pause holds back the messages already waiting for the rate limit', async () => {
    // at 2 messages per second the 16 send lanes wait for their tokens for up to 8 s: the pause
    // must stop the messages in that wait too, and settle them without waiting for their tokens
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url, sendRate: 2, settings: { batchSize: 50 } });
    await seedSubscribers(h.store, 50);
    await createCampaign(h.store, 'slow');
    await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'slow', { kind: 'now' });
    await waitFor(() => smtp!.total() >= 3, 30_000, '3 messages');

    await h.producer.pauseCampaign(REGION.id, 'slow');
    await sleep(1_500);
    const afterPause = smtp.total();
    await sleep(3_000);
    expect(smtp.total()).toBe(afterPause);
    expect(afterPause).toBeLessThan(15);
    expect((await h.producer.progress(REGION.id, 'slow')).counts.sent).toBe(afterPause);
  });

  it('cancel stops for good and records what was sent', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url, sendRate: 200, settings: { batchSize: 50 } });
    await seedSubscribers(h.store, 600);
    await createCampaign(h.store, 'cancellable');
    await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'cancellable', { kind: 'now' });
    await waitFor(() => smtp!.total() >= 100, 30_000, '100 messages');

    await h.producer.cancelCampaign(REGION.id, 'cancellable');
    // the cancel is seen by the running batches: none is active and none holds a claim any more,
    // so every message they handed over has been answered and counted
    const { producer } = h;
    const sendQueue = h.worker?.queues.send;
    await waitFor(
      async () =>
        (await sendQueue?.getActiveCount()) === 0 &&
        ((await producer.progress(REGION.id, 'cancellable')).counts.claimed ?? 0) === 0,
      30_000,
      'the batches to stop',
    );
    const sent = smtp.total();
    await sleep(1_500);
    expect(smtp.total()).toBe(sent);
    expect(sent).toBeLessThan(600);
    expect(await h.sending.getCampaignStatus(REGION.id, 'cancellable')).toBe('cancelled');
    const progress = await h.producer.progress(REGION.id, 'cancellable');
    expect(progress.counts.sent).toBe(sent);
    expect(progress.counts.claimed ?? 0).toBe(0);
    await expect(h.producer.resumeCampaign(REGION.id, 'cancellable')).rejects.toThrow(
      /only a paused campaign can be resumed/,
    );
  });

  it('cancels a scheduled campaign before it starts', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
    await seedSubscribers(h.store, 10);
    await createCampaign(h.store, 'later');
    await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'later', {
      kind: 'at',
      at: new Date(Date.now() + 1_000).toISOString(),
      timeZone: 'Europe/Berlin',
    });
    await h.producer.cancelCampaign(REGION.id, 'later');
    await sleep(2_000);
    expect(smtp.total()).toBe(0);
    expect(await h.worker!.queues.campaigns.getDelayedCount()).toBe(0);
  });
});
