import { afterEach, describe, expect, it } from 'vitest';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

describe('SMTP failures', () => {
  let smtp: SmtpCapture | undefined;
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    await smtp?.stop();
  });

  it('retries a 451 to one message in five until everything is delivered, and slows down', async () => {
    smtp = await startSmtpCapture({
      onData: (n) => (n % 5 === 0 ? { code: 451, message: '451 4.7.1 Please try again later' } : undefined),
    });
    h = await createHarness({ smtpUrl: smtp.url, settings: { batchSize: 50, attempts: 10, backoffMs: 100 } });
    const subscribers = await seedSubscribers(h.store, 300);
    await createCampaign(h.store, 'greylisted');
    const worker = await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'greylisted', { kind: 'now' });
    await waitFor(
      async () => (await h!.sending.getCampaignStatus(REGION.id, 'greylisted')) === 'sent',
      90_000,
      'sent',
    );

    for (const s of subscribers) expect(smtp.received.get(s.email)?.length).toBe(1);
    expect((await h.producer.progress(REGION.id, 'greylisted')).counts).toEqual({ sent: 300 });
    expect(worker.context.metrics.retried).toBeGreaterThanOrEqual(60);
    // 451 asks for back-pressure: the shared rate was lowered
    expect(worker.context.limiter.factor).toBeLessThan(1);
    expect(worker.context.metrics.render()).toMatch(/regiokit_messages_retried_total [1-9]/);
  });

  it('records and suppresses addresses refused with 550, delivers the rest, and skips them next time', async () => {
    const unknown = (email: string) => /^abonnent\d*7@/.test(email);
    smtp = await startSmtpCapture({
      onRcpt: (address) => (unknown(address) ? { code: 550, message: '550 5.1.1 User unknown' } : undefined),
    });
    h = await createHarness({ smtpUrl: smtp.url, settings: { batchSize: 40 } });
    const subscribers = await seedSubscribers(h.store, 200);
    const refused = subscribers.filter((s) => unknown(s.email));
    await createCampaign(h.store, 'bounces');
    const worker = await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'bounces', { kind: 'now' });
    await waitFor(
      async () => (await h!.sending.getCampaignStatus(REGION.id, 'bounces')) === 'sent',
      60_000,
      'sent',
    );

    expect(refused).toHaveLength(20);
    expect(smtp.total()).toBe(180);
    for (const s of refused) expect(smtp.received.has(s.email)).toBe(false);
    expect((await h.producer.progress(REGION.id, 'bounces')).counts).toEqual({ sent: 180, failed: 20 });
    for (const s of refused) expect(await h.store.suppressions.check(REGION.id, s.email)).toBe('hard-bounce');
    // the first subscriber by id may be one of the refused: ids of one import are not in address order
    const delivered = subscribers.find((s) => !unknown(s.email));
    expect(await h.store.suppressions.check(REGION.id, delivered!.email)).toBeUndefined();
    expect(worker.context.metrics.suppressed).toBe(20);
    expect(worker.context.metrics.retried).toBe(0);

    await createCampaign(h.store, 'after-bounces');
    await h.producer.scheduleCampaign(REGION.id, 'after-bounces', { kind: 'now' });
    await waitFor(
      async () => (await h!.sending.getCampaignStatus(REGION.id, 'after-bounces')) === 'sent',
      60_000,
      'sent',
    );
    expect(smtp.total()).toBe(360);
    expect((await h.producer.progress(REGION.id, 'after-bounces')).counts).toEqual({ sent: 180 });
  });

  it.each([
    {
      name: 'refuses the sender at MAIL FROM',
      options: { onMailFrom: () => ({ code: 553, message: '553 5.1.8 Sender address rejected' }) },
    },
    {
      name: 'refuses the content after DATA',
      options: { onData: () => ({ code: 554, message: '554 5.7.1 Message content rejected' }) },
    },
  ])('stops the campaign and suppresses nobody when the relay $name', async ({ options }) => {
    smtp = await startSmtpCapture(options);
    h = await createHarness({ smtpUrl: smtp.url, settings: { batchSize: 40 } });
    const subscribers = await seedSubscribers(h.store, 120);
    await createCampaign(h.store, 'refused');
    await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'refused', { kind: 'now' });
    await waitFor(
      async () => (await h!.store.campaigns.get(REGION.id, 'refused'))?.status === 'failed',
      60_000,
      'failed',
    );

    const campaign = await h.store.campaigns.get(REGION.id, 'refused');
    expect(campaign?.statusReason).toMatch(/SMTP transport refused/);
    expect(smtp.total()).toBe(0);
    // a refusal of the sender or of the content is about the campaign, never about a recipient
    for (const s of subscribers) expect(await h.store.suppressions.check(REGION.id, s.email)).toBeUndefined();
    expect((await h.producer.progress(REGION.id, 'refused')).counts.failed ?? 0).toBe(0);
  });
});
