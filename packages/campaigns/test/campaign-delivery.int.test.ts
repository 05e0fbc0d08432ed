import { generateKeyPairSync } from 'node:crypto';
import { createDkimSigner } from '@regiokit/smtp';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dnsTxt = `v=DKIM1; k=rsa; p=${keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
const resolver = async (name: string) => {
  if (name !== 'rk1._domainkey.kielregion.example')
    throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return [[dnsTxt]];
};

describe('a campaign to 1,000 subscribers', () => {
  let smtp: SmtpCapture;
  let h: Harness;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    // PGlite here (embedded PostgreSQL, the default without DATABASE_URL); the other tests use PostgreSQL
    h = await createHarness({
      smtpUrl: smtp.url,
      backend: 'pglite',
      dkim: createDkimSigner({
        domain: 'kielregion.example',
        selector: 'rk1',
        privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      }),
    });
  });
  afterAll(async () => {
    await h?.cleanup();
    await smtp?.stop();
  });

  it('arrives once per subscriber, personalised, with list headers and a DKIM signature that verifies', async () => {
    const subscribers = await seedSubscribers(h.store, 1_000);
    await createCampaign(h.store, 'ausgabe-4-2026-a');
    await h.startWorker();
    await h.producer.scheduleCampaign(REGION.id, 'ausgabe-4-2026-a', { kind: 'now' });
    await waitFor(
      async () => (await h.sending.getCampaignStatus(REGION.id, 'ausgabe-4-2026-a')) === 'sent',
      60_000,
      'sent',
    );

    expect(smtp.received.size).toBe(1_000);
    for (const s of subscribers) expect(smtp.received.get(s.email)?.length).toBe(1);
    const progress = await h.producer.progress(REGION.id, 'ausgabe-4-2026-a');
    expect(progress.counts).toEqual({ sent: 1_000 });
    expect(progress.perMinute.reduce((n, m) => n + m.sent, 0)).toBe(1_000);

    const messageIds = new Set<string>();
    for (const s of subscribers) {
      const raw = smtp.received.get(s.email)?.[0] as Buffer;
      const { results } = await dkimVerify(raw, { resolver });
      expect(results[0]?.status.result).toBe('pass');
      expect(results[0]?.signingHeaders?.keys.toLowerCase()).toContain('list-unsubscribe-post');
      if (s === subscribers[0] || s === subscribers[999]) {
        const mail = await simpleParser(raw);
        expect(mail.subject).toBe(`Neues aus der KielRegion für ${s.firstName}`);
        expect(mail.text).toContain(`an ${s.email}`);
        expect(mail.html).toContain(s.email);
        expect(mail.text).toContain('Herr Müller');
        expect(mail.headers.get('list-unsubscribe-post')).toBeUndefined();
        const list = mail.headers.get('list') as unknown as Record<
          string,
          { url?: string; mail?: string; name?: string }
        >;
        expect(list.unsubscribe?.url).toMatch(/^https:\/\/news\.kielregion\.example\/u\//);
        expect(list.unsubscribe?.mail).toMatch(/^unsubscribe@kielregion\.example\?subject=unsubscribe/);
        expect(list['unsubscribe-post']?.name).toBe('List-Unsubscribe=One-Click');
        expect(list.id).toMatchObject({ id: 'newsletter.kielregion.kielregion.example' });
        expect(mail.messageId).toBe(`<kielregion.ausgabe-4-2026-a.${s.id}@kielregion.example>`);
      }
      messageIds.add(/^Message-ID: (.*)$/m.exec(raw.toString('latin1'))?.[1] ?? '');
    }
    expect(messageIds.size).toBe(1_000);
  });
});
