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

describe('unsubscribe, preferences and links (web layer, PGlite)', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld({ trustProxy: 1 });
  });
  afterAll(() => world.cleanup());

  async function activeSubscriber(email: string, chosen: string[] = [topics[0]!]) {
    const requested = await world.store.optIn.request({
      regionId: 'kielregion',
      email,
      listId: list.id,
      topics: chosen,
      consentText: 'Text',
      consentTextVersion: 'v1',
    });
    await world.store.optIn.confirm(requested.confirmToken);
    return requested.subscriberId;
  }

  it.each([
    ['application/x-www-form-urlencoded', () => 'List-Unsubscribe=One-Click'],
    [
      'multipart/form-data',
      () => {
        const form = new FormData();
        form.set('List-Unsubscribe', 'One-Click');
        return form;
      },
    ],
  ])('unsubscribes at once on the RFC 8058 one-click POST (%s), without cookies', async (type, body) => {
    const id = await activeSubscriber(`one-click-${type.length}@example.org`);
    const token = world.store.optIn.createUnsubscribeToken(id, list.id);
    const res = await world.app.request(`/u/${token}`, {
      method: 'POST',
      ...(type.startsWith('multipart') ? {} : { headers: { 'content-type': type } }),
      body: body(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const subscriber = await world.store.subscribers.get(id);
    expect(subscriber?.status).toBe('unsubscribed');
    const history = await world.store.consent.history(id);
    expect(history.at(-1)).toMatchObject({ action: 'withdrawn', source: 'api' });
  });

  it('a GET of the unsubscribe link changes nothing; the page button unsubscribes and mails a confirmation', async () => {
    const id = await activeSubscriber('page@example.org');
    const token = world.store.optIn.createUnsubscribeToken(id, list.id);
    const client = new TestClient(world.app);
    const page = await client.get(`/u/${token}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(list.name);
    expect((await world.store.subscribers.get(id))?.status).toBe('active');
    const done = await client.post(`/u/${token}`, { _csrf: inputValue(page.html, '_csrf')! });
    expect(done.status).toBe(200);
    expect((await world.store.subscribers.get(id))?.status).toBe('unsubscribed');
    expect(world.serviceMails.at(-1)).toMatchObject({
      kind: 'unsubscribe-confirmation',
      email: 'page@example.org',
      resubscribeUrl: 'http://localhost:3999/kielregion/subscribe',
    });
  });

  it('changes topics and name on the preference centre, and the old unsubscribe link still works', async () => {
    const id = await activeSubscriber('prefs@example.org', [topics[0]!]);
    const unsubscribeToken = world.store.optIn.createUnsubscribeToken(id, list.id);
    const path = `/p/${world.store.optIn.createPreferencesToken(id)}`;
    const client = new TestClient(world.app);
    const page = await client.get(path);
    expect(page.html).toContain('prefs@example.org');
    const saved = await client.post(path, {
      _csrf: inputValue(page.html, '_csrf', path)!,
      topics: [topics[1]!],
      firstName: 'Max',
      lastName: '',
      language: 'en',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${path}?saved=1`);
    const changed = await world.store.subscribers.get(id);
    expect(changed).toMatchObject({
      topics: [topics[1]],
      firstName: 'Max',
      language: 'en',
      status: 'active',
    });
    expect(changed?.lastName).toBeUndefined();
    expect((await client.get(`${path}?saved=1`)).html).toContain('Ihre Einstellungen sind gespeichert');

    const unsubscribe = await world.app.request(`/u/${unsubscribeToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribe.status).toBe(200);
    expect((await world.store.subscribers.get(id))?.status).toBe('unsubscribed');
  });

  it('unsubscribes from everything on the preference centre', async () => {
    const id = await activeSubscriber('leave@example.org');
    const token = world.store.optIn.createPreferencesToken(id);
    const client = new TestClient(world.app);
    const page = await client.get(`/p/${token}`);
    const action = `/p/${token}/unsubscribe`;
    const done = await client.post(action, { _csrf: inputValue(page.html, '_csrf', action)! });
    expect(done.status).toBe(200);
    const subscriber = await world.store.subscribers.get(id);
    expect(subscriber?.status).toBe('unsubscribed');
    expect(subscriber?.listIds).toEqual([]);
  });

  it('shows the invalid-link page for forged, expired and wrong-purpose tokens', async () => {
    const id = await activeSubscriber('tokens@example.org');
    const unsubscribe = world.store.optIn.createUnsubscribeToken(id, list.id);
    const pending = await world.store.optIn.request({
      regionId: 'kielregion',
      email: 'late@example.org',
      listId: list.id,
      consentTextVersion: 'v1',
    });
    const client = new TestClient(world.app);
    const forged = `${unsubscribe.slice(0, -3)}AAA`;
    for (const path of [
      `/u/${forged}`,
      `/c/${unsubscribe}`,
      `/p/${unsubscribe}`,
      '/u/not-a-token',
      `/u/${'a'.repeat(5000)}`,
    ]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(400);
      expect(res.html).toContain('Der Link ist ungültig oder abgelaufen');
    }
    const saved = world.clock.now;
    world.clock.now = new Date(saved.getTime() + 8 * 24 * 3600 * 1000);
    try {
      expect((await client.get(`/c/${pending.confirmToken}`)).status).toBe(400);
    } finally {
      world.clock.now = saved;
    }
    expect((await client.get(`/c/${pending.confirmToken}`)).status).toBe(200);
  });

  it('limits sign-ups per client IP and answers the same for an address asked too often', async () => {
    const limited = await createWorld({
      trustProxy: 1,
      rateLimits: {
        signUpPerIp: { name: 'sign-up-ip', limit: 2, windowSeconds: 60 },
        signUpPerAddress: { name: 'sign-up-address', limit: 1, windowSeconds: 60 },
      },
    });
    try {
      const post = async (ip: string, email: string) => {
        const client = new TestClient(limited.app, { 'x-forwarded-for': ip });
        const form = await client.get('/kielregion/subscribe');
        return client.post('/kielregion/subscribe', {
          _csrf: inputValue(form.html, '_csrf')!,
          consentVersion: inputValue(form.html, 'consentVersion')!,
          email,
          consent: 'yes',
        });
      };
      expect((await post('198.51.100.7', 'a@example.org')).status).toBe(200);
      expect((await post('198.51.100.7', 'a@example.org')).status).toBe(200);
      const third = await post('198.51.100.7', 'b@example.org');
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post('203.0.113.9', 'b@example.org')).status).toBe(200);
      expect(limited.serviceMails.map((m) => m.email)).toEqual(['a@example.org', 'b@example.org']);
    } finally {
      await limited.cleanup();
    }
  });

  it('sets strict security headers and has no inline script or style on any page', async () => {
    const id = await activeSubscriber('headers@example.org');
    const client = new TestClient(world.app);
    const pages = [
      '/kielregion/subscribe',
      '/kielregion/archive',
      `/u/${world.store.optIn.createUnsubscribeToken(id)}`,
      `/p/${world.store.optIn.createPreferencesToken(id)}`,
      '/nowhere',
    ];
    for (const path of pages) {
      const res = await client.get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    }
    const health = await world.app.request('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });
});
