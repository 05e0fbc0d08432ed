import { KIELREGION } from '@regiokit/core/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formActions, inputValue, TestClient } from './support/client';
import { createWorld, type World } from './support/world';

const list = KIELREGION.lists.find((l) => l.kind === 'newsletter')!;
const topics = list.topics.length > 0 ? list.topics : KIELREGION.topics.map((t) => t.id);

describe('subscriber pages (web layer, PGlite)', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());

  async function signUp(client: TestClient, email: string, extra: Record<string, string | string[]> = {}) {
    const form = await client.get('/kielregion/subscribe');
    expect(form.status).toBe(200);
    return client.post('/kielregion/subscribe', {
      _csrf: inputValue(form.html, '_csrf')!,
      consentVersion: inputValue(form.html, 'consentVersion')!,
      email,
      topics: [topics[0]!],
      consent: 'yes',
      homepage: '',
      ...extra,
    });
  }

  it('shows the sign-up form in German by default and in English on request', async () => {
    const client = new TestClient(world.app);
    const de = await client.get('/kielregion/subscribe');
    expect(de.html).toContain('<html lang="de">');
    expect(de.html).toContain('E-Mail-Adresse');
    expect(de.html).toContain(`value="${topics[0]}"`);
    const en = await client.get('/kielregion/subscribe?lang=en');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('E-mail address');
    expect(formActions(en.html)).toEqual(['/kielregion/subscribe?lang=en']);
    const accepted = await client.get('/kielregion/subscribe', {
      'accept-language': 'en-GB,en;q=0.9,de;q=0.5',
    });
    expect(accepted.html).toContain('<html lang="en">');
  });

  it('signs up, queues the double opt-in mail, and confirms only on POST', async () => {
    const client = new TestClient(world.app);
    const answer = await signUp(client, 'Erika.Muster@Example.org', { firstName: 'Erika' });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain('Bitte bestätigen Sie Ihre Anmeldung');
    const job = world.serviceMails.at(-1)!;
    expect(job).toMatchObject({
      kind: 'double-opt-in',
      regionId: 'kielregion',
      email: 'erika.muster@example.org',
      firstName: 'Erika',
      language: 'de',
    });
    const confirmUrl = new URL(job.kind === 'double-opt-in' ? job.confirmUrl : '');
    expect(confirmUrl.origin).toBe('http://localhost:3999');

    const subscriber = await world.store.subscribers.findByEmail('kielregion', 'erika.muster@example.org');
    expect(subscriber?.status).toBe('pending');

    const confirmPage = await client.get(confirmUrl.pathname + confirmUrl.search);
    expect(confirmPage.status).toBe(200);
    expect((await world.store.subscribers.get(subscriber!.id))?.status).toBe('pending');

    const confirmed = await client.post(confirmUrl.pathname, {
      _csrf: inputValue(confirmPage.html, '_csrf')!,
    });
    expect(confirmed.status).toBe(200);
    const active = await world.store.subscribers.get(subscriber!.id);
    expect(active?.status).toBe('active');
    expect(active?.topics).toEqual([topics[0]]);
    const summary = await world.store.consent.summary(subscriber!.id);
    expect(summary.requestedAt).toBeDefined();
    expect(summary.confirmedAt).toBeDefined();
    expect(summary.consentTextVersion).toMatch(/^web-de-[0-9a-f]{12}$/);
    const history = await world.store.consent.history(subscriber!.id);
    expect(history[0]?.consentText).toContain('Hinweise zum Datenschutz');
  });

  it('answers a known address exactly like a new one', async () => {
    const first = await signUp(new TestClient(world.app), 'known@example.org');
    const again = await signUp(new TestClient(world.app), 'known@example.org');
    const fresh = await signUp(new TestClient(world.app), 'fresh@example.org');
    const body = (html: string) => html.replace(/<input type="hidden"[^>]*>/g, '');
    expect(again.status).toBe(first.status);
    expect(body(again.html)).toBe(body(fresh.html));
  });

  it('ignores a filled honeypot with the same answer and writes nothing', async () => {
    const before = world.serviceMails.length;
    const answer = await signUp(new TestClient(world.app), 'bot@example.org', {
      homepage: 'http://spam.example',
    });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain('Bitte bestätigen Sie Ihre Anmeldung');
    expect(world.serviceMails.length).toBe(before);
    expect(await world.store.subscribers.findByEmail('kielregion', 'bot@example.org')).toBeUndefined();
  });

  it('refuses a post without the CSRF cookie or from another origin', async () => {
    const client = new TestClient(world.app);
    const form = await client.get('/kielregion/subscribe');
    const fields = {
      _csrf: inputValue(form.html, '_csrf')!,
      consentVersion: inputValue(form.html, 'consentVersion')!,
      email: 'csrf@example.org',
      consent: 'yes',
    };
    const crossSite = await client.post('/kielregion/subscribe', fields, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const stranger = new TestClient(world.app);
    expect((await stranger.post('/kielregion/subscribe', fields)).status).toBe(403);
    const otherForm = await client.post('/kielregion/subscribe/press', fields);
    expect([403, 404]).toContain(otherForm.status);
    expect(await world.store.subscribers.findByEmail('kielregion', 'csrf@example.org')).toBeUndefined();
  });
});
