import { KIELREGION } from '@regiokit/core/examples';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { createProducer } from '../src/producer';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

describe('digest, service mail, test send, reschedule', () => {
  let smtp: SmtpCapture | undefined;
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    await smtp?.stop();
  });

  it.each([
    'hold',
    'send',
  ] as const)('composes the monthly digest from the region records and %s it', async (approval) => {
    smtp = await startSmtpCapture();
    // the scheduler starts from the producer's clock (a future date is kept as it is): the digest
    // for March 2027 runs on 1 April 2027, with an article and an event of the reference region moved there
    h = await createHarness({ smtpUrl: smtp.url, now: () => new Date('2027-04-01T07:00:05Z') });
    const b = KIELREGION;
    for (const t of b.topics) await h.store.topics.put(t);
    for (const l of b.lists) await h.store.lists.put(l);
    await h.store.records.put('region', b.region);
    for (const kind of ['body', 'decision', 'strategy', 'project', 'grant', 'event', 'article'] as const) {
      const records = {
        body: b.bodies,
        decision: b.decisions,
        strategy: b.strategies,
        project: b.projects,
        grant: b.grants,
        event: b.events,
        article: b.articles,
      }[kind];
      for (const r of records) await h.store.records.put(kind, r);
    }
    await h.store.records.put('article', {
      ...b.articles[0],
      id: 'maerz-meldung',
      publishedOn: '2027-03-10',
    });
    await h.store.records.put('event', {
      ...b.events[0],
      id: 'april-termin',
      startsAt: '2027-04-15T10:00:00+02:00',
      endsAt: undefined,
    });
    const subscribers = await seedSubscribers(h.store, 5);
    await h.startWorker();
    const producer = createProducer({
      connection: h.redis,
      prefix: h.prefix,
      store: h.sending,
      now: () => new Date('2027-03-20T10:00:00Z'),
    });
    await producer.scheduleDigest({
      regionId: b.region.id,
      listId: 'newsletter',
      cron: '0 9 1 * *',
      timeZone: 'Europe/Berlin',
      periodDays: 30,
      approval,
    });
    await producer.close();

    const { Queue } = await import('bullmq');
    const digest = new Queue('digest', { connection: h.redis, prefix: h.prefix });
    const [job] = await digest.getJobs(['delayed']);
    expect(new Date(job!.timestamp + (job!.opts.delay ?? 0)).toISOString()).toBe('2027-04-01T07:00:00.000Z');
    await job!.promote();
    await waitFor(
      async () => (await h!.store.campaigns.get(b.region.id, 'digest-2027-03-31')) !== undefined,
      30_000,
      'digest campaign',
    );
    const issue = await h.store.records.get('newsletter-issue', b.region.id, 'digest-2027-03-02-2027-03-31');
    expect(issue?.subject).toContain('31. März 2027');
    expect(JSON.stringify(issue)).toContain('Termine');
    if (approval === 'hold') {
      expect((await h.store.campaigns.get(b.region.id, 'digest-2027-03-31'))?.status).toBe('draft');
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.total()).toBe(0);
    } else {
      await waitFor(
        async () => (await h!.sending.getCampaignStatus(b.region.id, 'digest-2027-03-31')) === 'sent',
        30_000,
        'sent',
      );
      expect(smtp.total()).toBe(5);
      const mail = await simpleParser(smtp.received.get(subscribers[0]?.email ?? '')?.[0] as Buffer);
      expect(mail.subject).toBe(issue?.subject);
    }
    await digest.close();
  });

  it('sends opt-in confirmations and test sends through the service-mail queue, and reschedules', async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
    await h.startWorker();
    await h.producer.sendServiceMail({
      kind: 'double-opt-in',
      regionId: REGION.id,
      subscriberId: '0d9c6a52-4d5f-4a57-9f1e-2f3b1f6b7e01',
      email: 'neu@example.org',
      language: 'de',
      firstName: 'Erika',
      confirmUrl: 'https://news.kielregion.example/c/token123',
    });
    await createCampaign(h.store, 'probe');
    await h.producer.sendTest(REGION.id, 'probe', 'redaktion@kielregion.example');
    await waitFor(() => smtp!.total() === 2, 30_000, 'two service mails');
    const optIn = await simpleParser(smtp.received.get('neu@example.org')?.[0] as Buffer);
    expect(optIn.html).toContain('https://news.kielregion.example/c/token123');
    expect(optIn.headers.has('list')).toBe(false);
    const test = await simpleParser(smtp.received.get('redaktion@kielregion.example')?.[0] as Buffer);
    expect(test.subject).toMatch(/^\[TEST\]/);
    expect(await h.sending.getCampaignStatus(REGION.id, 'probe')).toBe('draft');

    await h.producer.scheduleCampaign(REGION.id, 'probe', {
      kind: 'at',
      at: '2030-01-01T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
    });
    const moved = await h.producer.rescheduleCampaign(REGION.id, 'probe', {
      kind: 'at',
      at: '2030-02-01T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
    });
    const delayed = await h.worker!.queues.campaigns.getJobs(['delayed']);
    expect(delayed.map((j) => j.id)).toEqual([moved.jobId]);
    expect(moved.runAt?.toISOString()).toBe('2030-02-01T08:00:00.000Z');
    await expect(h.producer.resumeCampaign(REGION.id, 'probe')).rejects.toThrow(/only a paused campaign/);
  });
});
