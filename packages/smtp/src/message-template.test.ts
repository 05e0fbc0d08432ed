import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createDkimSigner } from './dkim-signer';
import { compileMessageTemplate, type MessageTemplateInput, type TemplatePart } from './message-template';

const escapeHtml = (v: string) =>
  v.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
// slots: 0 firstName (html), 1 unsubscribeUrl (attribute), 2 firstName (header), 3 firstName (text), 4 unsubscribeUrl (text)
const values = (firstName: string, url: string) => [
  escapeHtml(firstName),
  escapeHtml(url),
  firstName,
  firstName,
  url,
];

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const pem = (k: typeof rsa.privateKey) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
const dnsRecord = (k: typeof rsa.publicKey, type: 'rsa' | 'ed25519') => {
  const der = k.export({ type: 'spki', format: 'der' });
  // Ed25519 records carry the raw 32-byte key (RFC 8463 § 4.2), RSA records the SPKI
  const p = type === 'rsa' ? der.toString('base64') : der.subarray(-32).toString('base64');
  return `v=DKIM1; k=${type}; p=${p}`;
};
const resolver = (records: Record<string, string>) => async (name: string) => {
  const record = records[name];
  if (!record) throw Object.assign(new Error(`no TXT ${name}`), { code: 'ENOTFOUND' });
  return [[record]];
};

const LONG_LINE = `${'Regionalbudget Förderaufruf – '.repeat(12)}Ende`;
const html: TemplatePart[] = [
  '<!doctype html><html><body style="font-family: Arial, sans-serif;">\n<p>Hallo ',
  { slot: 0 },
  ',</p>\n<p>  Größere   Abstände  bleiben. </p>\n.<p>',
  LONG_LINE,
  '</p>\n<p><a href="',
  { slot: 1 },
  '">Abmelden</a></p></body></html>',
];
const text: TemplatePart[] = [
  'Hallo ',
  { slot: 3 },
  ',\n\n  Größere   Abstände  bleiben. \n.\n',
  LONG_LINE,
  '\n\nAbmelden: ',
  { slot: 4 },
  '\n',
];

function template(extra: Partial<MessageTemplateInput> = {}) {
  return compileMessageTemplate({
    key: 'newsletter-2026-11',
    messageIdDomain: 'kielregion.de',
    from: { name: 'KielRegion GmbH – Regionalmanagement', email: 'newsletter@kielregion.de' },
    replyTo: { name: 'Presse, KielRegion', email: 'presse@kielregion.de' },
    subject: ['Neuigkeiten für ', { slot: 2 }, ': Förderung & Termine'],
    text,
    html,
    list: { id: 'newsletter.kielregion.regiokit', name: 'Newsletter der KielRegion' },
    ...extra,
  });
}

const recipient = (firstName: string) => ({
  id: '0d9c6a52-4d5f-4a57-9f1e-2f3b1f6b7e01',
  to: { name: `${firstName} Müller-Lüdenscheidt`, email: 'anna@example.org' },
  values: values(firstName, 'https://regiokit.example/u/abc?x=1&y=2'),
  unsubscribe: {
    url: 'https://regiokit.example/u/abc?x=1&y=2',
    mailto: 'mailto:unsubscribe@kielregion.de?subject=unsubscribe%20abc',
  },
});

function expected(parts: TemplatePart[], firstName: string) {
  const v = values(firstName, 'https://regiokit.example/u/abc?x=1&y=2');
  return parts.map((p) => (typeof p === 'string' ? p : v[p.slot])).join('');
}

describe('compileMessageTemplate', () => {
  it.each([
    'Jörg',
    'Anna <script>',
    'Ünal & Co',
    '.Punkt',
    ' Leer  zeichen ',
  ])('round-trips through mailparser for %j', async (firstName) => {
    const message = template().compose(recipient(firstName), new Date('2026-11-22T09:00:00Z'));
    const parsed = await simpleParser(message.raw);
    expect(parsed.subject).toBe(`Neuigkeiten für ${firstName}: Förderung & Termine`);
    expect(parsed.messageId).toBe('<newsletter-2026-11.0d9c6a52-4d5f-4a57-9f1e-2f3b1f6b7e01@kielregion.de>');
    expect(parsed.from?.value[0]).toEqual({
      name: 'KielRegion GmbH – Regionalmanagement',
      address: 'newsletter@kielregion.de',
    });
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value[0]?.name).toBe(`${firstName} Müller-Lüdenscheidt`.trim());
    expect(parsed.replyTo?.value[0]?.address).toBe('presse@kielregion.de');
    expect(parsed.date?.toISOString()).toBe('2026-11-22T09:00:00.000Z');
    expect(parsed.headers.get('list')).toEqual({
      id: { name: 'Newsletter der KielRegion', id: 'newsletter.kielregion.regiokit' },
      unsubscribe: {
        url: 'https://regiokit.example/u/abc?x=1&y=2',
        mail: 'unsubscribe@kielregion.de?subject=unsubscribe%20abc',
      },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(parsed.text).toBe(expected(text, firstName));
    expect(parsed.html).toBe(expected(html, firstName));
  });

  it('keeps every line within 76 characters, 7-bit, without lines starting with a dot', () => {
    const raw = template().compose(recipient('Jörg')).raw.toString('latin1');
    const [, body] = raw.split('\r\n\r\n', 2) as [string, string];
    for (const line of raw.slice(raw.indexOf('\r\n\r\n') + 4).split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line.startsWith('.')).toBe(false);
    }
    expect([...raw].every((c) => c === '\t' || c === '\r' || c === '\n' || (c >= ' ' && c <= '~'))).toBe(
      true,
    );
    expect(body.length).toBeGreaterThan(0);
    expect(raw.includes('\n') && !/[^\r]\n/.test(raw)).toBe(true);
  });

  it('gives the same Message-ID for the same campaign and recipient', () => {
    const a = template().compose(recipient('A'));
    const b = template().compose(recipient('B'));
    expect(a.messageId).toBe(b.messageId);
  });

  it('keeps every message intact while many share the slabs they are carved from', async () => {
    const t = template();
    const names = Array.from({ length: 800 }, (_, i) => `Person${i}`);
    const messages = names.map((name) => t.compose(recipient(name)).raw);
    // 800 messages of about 3 KB fill more than two 1 MiB slabs
    expect(messages.reduce((n, m) => n + m.length, 0)).toBeGreaterThan(2 * 1024 * 1024);
    const date = /^Date: .*$/m;
    for (const [i, raw] of messages.entries()) {
      const again = Buffer.from(t.compose(recipient(names[i]!)).raw).toString('latin1');
      expect(raw.toString('latin1').replace(date, '')).toBe(again.replace(date, ''));
    }
    expect((await simpleParser(messages[799]!)).text).toContain('Hallo Person799,');
  });

  it('reuses the room of released messages, never that of one still held', () => {
    const t = template();
    const held = t.compose(recipient('Gehalten'));
    const heldText = Buffer.from(held.raw).toString('latin1');
    const slabs = new Set<ArrayBufferLike>();
    // about 6 MB of messages, each released once written: without reuse that is six 1 MiB slabs
    for (let i = 0; i < 2_000; i++) {
      const m = t.compose(recipient(`Person${i}`));
      expect(m.raw.toString('latin1')).toContain(`\nPerson${i}=\r\n`);
      slabs.add(m.raw.buffer);
      m.release();
      m.release();
    }
    // the held message's slab, and two that take turns
    expect(slabs.size).toBeLessThanOrEqual(3);
    expect(held.raw.toString('latin1')).toBe(heldText);
  });

  it('refuses bulk mail without an unsubscribe target', () => {
    expect(() => template().compose({ ...recipient('A'), unsubscribe: undefined })).toThrow(/unsubscribe/);
  });

  it('omits the list headers of service mail', async () => {
    const message = template({ list: undefined }).compose({ ...recipient('A'), unsubscribe: undefined });
    const parsed = await simpleParser(message.raw);
    expect(parsed.headers.has('list')).toBe(false);
    expect(message.raw.toString('latin1')).not.toMatch(/^List-/m);
  });

  it.each([
    ['rsa' as const, rsa],
    ['ed25519' as const, ed],
  ])('signs with DKIM (%s) covering both list headers, verified by mailauth', async (type, keys) => {
    const dkim = createDkimSigner({
      domain: 'kielregion.de',
      selector: 'rk1',
      privateKey: pem(keys.privateKey),
    });
    const message = template({ dkim }).compose(recipient('Jörg'));
    const { results } = await dkimVerify(message.raw, {
      resolver: resolver({ 'rk1._domainkey.kielregion.de': dnsRecord(keys.publicKey, type) }),
    });
    expect(results).toHaveLength(1);
    expect(results[0]?.status.result).toBe('pass');
    const signed = results[0]?.signingHeaders?.keys.toLowerCase().split(': ').join(':') ?? '';
    expect(signed.split(':')).toEqual(
      expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from']),
    );
  });

  it('fails DKIM when the body is changed after signing', async () => {
    const dkim = createDkimSigner({
      domain: 'kielregion.de',
      selector: 'rk1',
      privateKey: pem(rsa.privateKey),
    });
    const raw = template({ dkim })
      .compose(recipient('Jörg'))
      .raw.toString('latin1')
      .replace('Abmelden', 'Anmelden');
    const { results } = await dkimVerify(Buffer.from(raw, 'latin1'), {
      resolver: resolver({ 'rk1._domainkey.kielregion.de': dnsRecord(rsa.publicKey, 'rsa') }),
    });
    expect(results[0]?.status.result).not.toBe('pass');
  });
});
