import { KIELREGION } from '@regiokit/core/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputValue, TestClient } from './support/client';
import { HOSTILE_VALUES } from './support/hostile';
import { createWorld, type World } from './support/world';

const list = KIELREGION.lists.find((l) => l.kind === 'newsletter')!;
const topic = (list.topics[0] ?? KIELREGION.topics[0]!.id) as string;

/** Everything a failed post must leave as it was. */
async function snapshot(world: World) {
  const subscribers = await world.store.subscribers.list('kielregion', { limit: 1000 });
  const consent = await Promise.all(subscribers.map((s) => world.store.consent.history(s.id)));
  return JSON.stringify({ subscribers, consent, mails: world.serviceMails.length });
}

describe('hostile input in every public form', () => {
  let world: World;
  let active: { preferencesToken: string; unsubscribeToken: string; confirmToken: string };

  beforeAll(async () => {
    world = await createWorld({
      rateLimits: {
        signUpPerIp: { name: 'sign-up-ip', limit: 10_000, windowSeconds: 60 },
        publicPostPerIp: { name: 'public-post-ip', limit: 10_000, windowSeconds: 60 },
      },
    });
    const requested = await world.store.optIn.request({
      regionId: 'kielregion',
      email: 'active@example.org',
      listId: list.id,
      topics: [topic],
      consentText: 'Text',
      consentTextVersion: 'v1',
    });
    await world.store.optIn.confirm(requested.confirmToken);
    const pending = await world.store.optIn.request({
      regionId: 'kielregion',
      email: 'pending@example.org',
      listId: list.id,
      consentTextVersion: 'v1',
    });
    active = {
      preferencesToken: world.store.optIn.createPreferencesToken(requested.subscriberId),
      unsubscribeToken: world.store.optIn.createUnsubscribeToken(requested.subscriberId, list.id),
      confirmToken: pending.confirmToken,
    };
  });
  afterAll(() => world.cleanup());

  /** Loads the form at `page`, posts its own fields with `override` to `action`, returns the answer. */
  async function postForm(page: string, action: string, fields: Record<string, string | string[]>) {
    const client = new TestClient(world.app);
    const form = await client.get(page);
    expect(form.status).toBe(200);
    const csrf = inputValue(form.html, '_csrf', action)!;
    return client.post(action, { _csrf: csrf, ...fields });
  }

  function signUpFields(form: string, override: Record<string, string | string[]>) {
    return {
      consentVersion: inputValue(form, 'consentVersion')!,
      email: 'new@example.org',
      firstName: 'Erika',
      lastName: 'Muster',
      topics: [topic],
      consent: 'yes',
      ...override,
    };
  }

  const signUpCases: [string, Record<string, string | string[]>][] = [
    ...HOSTILE_VALUES.flatMap(([what, value]): [string, Record<string, string | string[]>][] => [
      [`email: ${what}`, { email: value }],
      [`firstName: ${what}`, { firstName: value }],
      [`lastName: ${what}`, { lastName: value }],
      [`topics: ${what}`, { topics: [value] }],
      [`consent: ${what}`, { consent: value }],
      [`consentVersion: ${what}`, { consentVersion: value }],
    ]),
    ['email twice (wrong type)', { email: ['a@example.org', 'b@example.org'] }],
    ['a topic of no list', { topics: ['not-a-topic'] }],
    ['no consent', { consent: '' }],
    ['an unknown field', { isAdmin: 'true' }],
    ['an unknown field with markup in its name', { '<b>x</b>': '1' }],
  ];

  it.each(
    signUpCases,
  )('sign-up with %s: 400, nothing written, nothing reflected raw', async (_what, override) => {
    const before = await snapshot(world);
    const client = new TestClient(world.app);
    const form = await client.get('/kielregion/subscribe');
    const answer = await client.post('/kielregion/subscribe', {
      _csrf: inputValue(form.html, '_csrf')!,
      ...signUpFields(form.html, override),
    });
    expect(answer.status).toBe(400);
    expect(answer.html).not.toContain('<script>alert(1)</script>');
    expect(answer.html).not.toContain('<img src=x');
    expect(answer.html).not.toContain('<b>x</b>');
    expect(answer.html).toMatch(/class="error-summary"/);
    expect(await snapshot(world)).toBe(before);
  });

  const preferencesCases: [string, Record<string, string | string[]>][] = [
    ...HOSTILE_VALUES.flatMap(([what, value]): [string, Record<string, string | string[]>][] => [
      [`firstName: ${what}`, { firstName: value }],
      [`lastName: ${what}`, { lastName: value }],
      [`topics: ${what}`, { topics: [value] }],
      [`language: ${what}`, { language: value }],
    ]),
    ['a topic of another list', { topics: ['not-a-topic'] }],
    ['language twice', { language: ['de', 'en'] }],
    ['an unknown field', { status: 'active' }],
  ];

  it.each(preferencesCases)('preferences with %s: 400 and nothing changed', async (_what, override) => {
    const before = await snapshot(world);
    const path = `/p/${active.preferencesToken}`;
    const answer = await postForm(path, path, { language: 'de', topics: [topic], ...override });
    expect(answer.status).toBe(400);
    expect(answer.html).not.toContain('<script>alert(1)</script>');
    expect(await snapshot(world)).toBe(before);
  });

  it.each([
    ['confirm', () => `/c/${active.confirmToken}`, () => `/c/${active.confirmToken}`],
    ['unsubscribe', () => `/u/${active.unsubscribeToken}`, () => `/u/${active.unsubscribeToken}`],
    [
      'unsubscribe from everything',
      () => `/p/${active.preferencesToken}`,
      () => `/p/${active.preferencesToken}/unsubscribe`,
    ],
  ])('%s with an unknown field or markup: 400 and nothing changed', async (_what, page, action) => {
    const extras: Record<string, string>[] = [
      { confirm: 'yes' },
      { List: '<script>alert(1)</script>' },
      { 'List-Unsubscribe': 'One-Click\r\nX: y' },
    ];
    for (const extra of extras) {
      const before = await snapshot(world);
      const answer = await postForm(page(), action(), extra);
      expect(answer.status).toBe(400);
      expect(await snapshot(world)).toBe(before);
    }
  });

  it('refuses token-page posts without the CSRF cookie or with a forged token', async () => {
    const before = await snapshot(world);
    const path = `/u/${active.unsubscribeToken}`;
    const page = await new TestClient(world.app).get(path);
    const stranger = new TestClient(world.app);
    expect((await stranger.post(path, { _csrf: inputValue(page.html, '_csrf')! })).status).toBe(403);
    const client = new TestClient(world.app);
    await client.get(path);
    expect((await client.post(path, { _csrf: 'forged' })).status).toBe(403);
    expect((await client.post(path, {})).status).toBe(403);
    expect(await snapshot(world)).toBe(before);
  });

  it('answers a honeypot with the usual page and writes nothing, whatever it holds', async () => {
    for (const [, value] of HOSTILE_VALUES.slice(0, 3)) {
      const before = await snapshot(world);
      const client = new TestClient(world.app);
      const form = await client.get('/kielregion/subscribe');
      const answer = await client.post('/kielregion/subscribe', {
        _csrf: inputValue(form.html, '_csrf')!,
        ...signUpFields(form.html, { homepage: value }),
      });
      expect(answer.status).toBe(200);
      expect(answer.html).not.toContain(value);
      expect(await snapshot(world)).toBe(before);
    }
  });

  it('refuses bodies that are not forms, files, and oversized forms', async () => {
    const before = await snapshot(world);
    const client = new TestClient(world.app);
    const form = await client.get('/kielregion/subscribe');
    const csrf = inputValue(form.html, '_csrf')!;
    const json = await client.raw('/kielregion/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ _csrf: csrf, email: 'json@example.org' }),
    });
    expect(json.status).toBe(400);
    const multipart = new FormData();
    multipart.set('_csrf', csrf);
    multipart.set('email', new Blob(['x']), 'mail.txt');
    expect((await client.raw('/kielregion/subscribe', { method: 'POST', body: multipart })).status).toBe(400);
    const huge = await client.post('/kielregion/subscribe', { _csrf: csrf, email: 'x'.repeat(100_000) });
    expect(huge.status).toBe(400);
    expect(await snapshot(world)).toBe(before);
  });
});
