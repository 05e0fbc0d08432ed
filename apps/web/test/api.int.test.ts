import { KIELREGION, THUERINGER_BOGEN } from '@regiokit/core/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realProducer } from './support/real-worker';
import { createToken, createWorld, PUBLIC_URL, seedRegion, type World } from './support/world';

const issue = KIELREGION.newsletterIssues[0]!;
const list = KIELREGION.lists[0]!;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('JSON API', () => {
  let world: World;
  let token: string;
  let otherRegionToken: string;

  beforeAll(async () => {
    world = await createWorld({
      rateLimits: { apiPerToken: { name: 'api-token', limit: 1000, windowSeconds: 60 } },
    });
    await seedRegion(world.store, THUERINGER_BOGEN);
    token = await createToken(world, 'Redaktion KielRegion', 'kielregion');
    otherRegionToken = await createToken(world, 'Thüringer Bogen', 'thueringer-bogen');
  });
  afterAll(() => world.cleanup());

  function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    bearer = token,
  ) {
    return world.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }

  const campaign = {
    id: 'nl-2024-08',
    name: 'Newsletter August',
    content: { kind: 'newsletter', issueId: issue.id },
    audience: { listId: list.id, topics: [] },
    plan: { kind: 'now' },
  };

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const res = await world.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/regions/{regionId}/campaigns']?.post;
    const schema = create?.requestBody?.content['application/json']?.schema as {
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'content', 'audience']));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/regions/{regionId}/campaigns/{campaignId}/pause',
        '/api/v1/regions/{regionId}/subscribers/show',
        '/api/v1/regions/{regionId}/previews',
      ]),
    );
  });

  it('refuses calls without a valid token, and tokens of another region', async () => {
    const none = await world.app.request('/api/v1/regions/kielregion/campaigns');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const forged = await call(
      'GET',
      '/api/v1/regions/kielregion/campaigns',
      undefined,
      {},
      `${token.slice(0, -4)}AAAA`,
    );
    expect(forged.status).toBe(401);
    const other = await call('GET', '/api/v1/regions/kielregion/campaigns', undefined, {}, otherRegionToken);
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('takes a token for every region, and refuses revoked and expired ones', async () => {
    const everywhere = await createToken(world, 'Alle Regionen', '*');
    for (const region of ['kielregion', 'thueringer-bogen']) {
      const res = await call('GET', `/api/v1/regions/${region}/campaigns`, undefined, {}, everywhere);
      expect(res.status, region).toBe(200);
    }
    const id = everywhere.slice(3, 19);
    expect((await world.store.apiTokens.get(id))?.lastUsedAt).toEqual(expect.any(String));

    await world.store.apiTokens.revoke(id, 'staff:test');
    const revoked = await call('GET', '/api/v1/regions/kielregion/campaigns', undefined, {}, everywhere);
    expect(revoked.status).toBe(401);

    const started = world.clock.now;
    const { token: expiring } = await world.store.apiTokens.create({
      name: 'Eine Stunde',
      regionId: 'kielregion',
      expiresAt: new Date(started.getTime() + 60 * 60 * 1000).toISOString(),
      actor: 'staff:test',
    });
    expect((await call('GET', '/api/v1/regions/kielregion/campaigns', undefined, {}, expiring)).status).toBe(
      200,
    );
    world.clock.now = new Date(started.getTime() + 61 * 60 * 1000);
    try {
      const expired = await call('GET', '/api/v1/regions/kielregion/campaigns', undefined, {}, expiring);
      expect(expired.status).toBe(401);
    } finally {
      world.clock.now = started;
    }
  });

  it('creates a campaign and shows its status with progress', async () => {
    const created = await call('POST', '/api/v1/regions/kielregion/campaigns', campaign);
    expect(created.status).toBe(201);
    const shown = await call('GET', '/api/v1/regions/kielregion/campaigns/nl-2024-08');
    expect(shown.status).toBe(200);
    const body = (await shown.json()) as {
      campaign: { status: string };
      progress: { total: number; sent: number };
    };
    expect(body.campaign.status).toBe('draft');
    expect(body.progress).toMatchObject({ total: 0, sent: 0 });
    const again = await call('POST', '/api/v1/regions/kielregion/campaigns', campaign);
    expect(again.status).toBe(409);
    const audit = await world.store.audit.list({ regionId: 'kielregion', action: 'campaign.created' });
    expect(audit[0]?.actor).toMatch(/^api-token:[0-9a-f]{16}$/);
  });

  it.each([
    ['an unknown field', { ...campaign, id: 'c-unknown', extra: 1 }, 'body.extra'],
    [
      'an unknown nested field',
      { ...campaign, id: 'c-nested', plan: { kind: 'now', when: 'soon' } },
      'body.plan.when',
    ],
    ['markup in the name', { ...campaign, id: 'c-markup', name: '<script>alert(1)</script>' }, 'body.name'],
    ['CR/LF in the name', { ...campaign, id: 'c-crlf', name: 'Zeile\r\nBcc: x@example.org' }, 'body.name'],
    ['an overlong name', { ...campaign, id: 'c-long', name: 'x'.repeat(5000) }, 'body.name'],
    ['a wrong type', { ...campaign, id: 42 }, 'body.id'],
    ['a bad id', { ...campaign, id: '../etc/passwd' }, 'body.id'],
    [
      'a bad plan',
      { ...campaign, id: 'c-plan', plan: { kind: 'at', at: '2026-12-01 09:00' } },
      'body.plan.at',
    ],
    [
      'a plan in the past',
      { ...campaign, id: 'c-past', plan: { kind: 'at', at: '2020-01-01T09:00:00+01:00' } },
      'body.plan.at',
    ],
    [
      'an unknown list',
      { ...campaign, id: 'c-list', audience: { listId: 'nope', topics: [] } },
      'audience.listId',
    ],
  ])('answers %s with 400 naming the field and creates nothing', async (_what, body, field) => {
    const res = await call('POST', '/api/v1/regions/kielregion/campaigns', body);
    expect([400, 404]).toContain(res.status);
    const error = ((await res.json()) as { error: { fields?: { path: string }[]; message: string } }).error;
    const named = [error.message, ...(error.fields ?? []).map((f) => f.path)].join(' ');
    expect(named).toContain(field);
    const campaigns = await world.store.campaigns.list({ regionId: 'kielregion' });
    expect(campaigns.map((c) => c.id)).not.toContain((body as { id: unknown }).id);
  });

  it('answers bad bodies, types and query parameters with a clear 4xx', async () => {
    const path = '/api/v1/regions/kielregion/campaigns';
    expect((await call('POST', path, '{"id": ')).status).toBe(400);
    const wrongType = await call('POST', path, 'id=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(wrongType.status).toBe(415);
    const tooLarge = await call('POST', path, JSON.stringify({ ...campaign, name: 'x'.repeat(20_000) }));
    expect(tooLarge.status).toBe(413);
    const badQuery = await call('GET', `${path}?status=lost`);
    expect(badQuery.status).toBe(400);
    const unknownQuery = await call('GET', `${path}?foo=bar`);
    expect(unknownQuery.status).toBe(400);
    const badRegion = await call('GET', '/api/v1/regions/KIEL%3Cscript%3E/campaigns');
    expect([400, 403]).toContain(badRegion.status);
    expect((await call('GET', '/api/v1/nothing')).status).toBe(404);
  });

  it('renders a preview of an issue and refuses unknown records', async () => {
    const res = await call('POST', '/api/v1/regions/kielregion/previews', {
      kind: 'newsletter',
      issueId: issue.id,
    });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { subject: string; html: string; text: string; htmlBytes: number };
    expect(preview.subject).toContain('Regionalkonferenz');
    expect(preview.html).toContain('<html');
    expect(preview.text).toContain('Mustermann');
    expect(preview.htmlBytes).toBeGreaterThan(1000);
    const missing = await call('POST', '/api/v1/regions/kielregion/previews', {
      kind: 'newsletter',
      issueId: 'nope',
    });
    expect(missing.status).toBe(404);
    const strict = await call('POST', '/api/v1/regions/kielregion/previews', {
      kind: 'newsletter',
      issueId: issue.id,
      html: '<b>',
    });
    expect(strict.status).toBe(400);
  });

  it('shows a subscriber with the consent history and no internal ids', async () => {
    const requested = await world.store.optIn.request({
      regionId: 'kielregion',
      email: 'journalist@example.org',
      listId: list.id,
      consentText: 'Einwilligungstext',
      consentTextVersion: 'test-1',
    });
    await world.store.optIn.confirm(requested.confirmToken);
    const res = await call('POST', '/api/v1/regions/kielregion/subscribers/show', {
      email: 'Journalist@Example.org',
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(UUID);
    const body = JSON.parse(text) as { subscriber: { status: string }; consent: { action: string }[] };
    expect(body.subscriber.status).toBe('active');
    expect(body.consent.map((e) => e.action)).toEqual(['requested', 'confirmed']);
    const unknown = await call('POST', '/api/v1/regions/kielregion/subscribers/show', {
      email: 'nobody@example.org',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('JSON API: campaign control through the worker producer', () => {
  let world: World;
  let token: string;
  beforeAll(async () => {
    world = await createWorld({ producer: realProducer(PUBLIC_URL), now: new Date('2026-11-20T08:00:00Z') });
    token = await createToken(world, 'Versand', 'kielregion');
  });
  afterAll(() => world.cleanup());

  const post = (path: string, body?: unknown) =>
    world.app.request(`/api/v1/regions/kielregion/campaigns${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const status = async (id: string) => (await world.store.campaigns.get('kielregion', id))?.status;

  it('schedules, pauses, resumes and cancels, and refuses what the lifecycle does not allow', async () => {
    const at = '2026-12-01T09:00:00+01:00';
    const created = await post('', {
      id: 'nl-dezember',
      name: 'Dezember',
      content: { kind: 'newsletter', issueId: issue.id },
      audience: { listId: list.id, topics: [] },
      plan: { kind: 'at', at },
    });
    expect(created.status).toBe(201);
    expect((await post('/nl-dezember/pause')).status).toBe(409);
    expect(await status('nl-dezember')).toBe('draft');

    const scheduled = await post('/nl-dezember/schedule', {});
    expect(scheduled.status).toBe(202);
    expect(await scheduled.json()).toMatchObject({ status: 'scheduled', runAt: new Date(at).toISOString() });
    expect(await status('nl-dezember')).toBe('scheduled');

    expect((await post('/nl-dezember/pause')).status).toBe(202);
    expect(await status('nl-dezember')).toBe('paused');
    // a new plan for a campaign paused before its start replaces the old one (reschedule)
    const later = '2031-01-15T09:00:00+01:00';
    const moved = await post('/nl-dezember/schedule', { plan: { kind: 'at', at: later } });
    expect(moved.status).toBe(202);
    expect(await moved.json()).toMatchObject({ status: 'scheduled', runAt: new Date(later).toISOString() });
    expect((await world.store.campaigns.get('kielregion', 'nl-dezember'))?.plan).toMatchObject({ at: later });
    expect((await post('/nl-dezember/pause')).status).toBe(202);
    // resumed before it ever started: it waits for its time again
    expect((await post('/nl-dezember/resume')).status).toBe(202);
    expect(await status('nl-dezember')).toBe('scheduled');
    expect((await post('/nl-dezember/cancel')).status).toBe(202);
    expect(await status('nl-dezember')).toBe('cancelled');
    expect((await post('/nl-dezember/resume')).status).toBe(409);
    expect((await post('/nl-unbekannt/pause')).status).toBe(404);
    expect((await post('/nl-dezember/schedule', { plan: { kind: 'now' }, extra: true })).status).toBe(400);
  });

  it('refuses the same issue to the same list twice unless again is set', async () => {
    const body = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      name: 'Zweimal',
      content: { kind: 'newsletter', issueId: issue.id },
      audience: { listId: list.id, topics: [] },
      plan: { kind: 'at', at: '2031-02-01T09:00:00+01:00' },
      ...extra,
    });
    expect((await post('', body('nl-zweimal'))).status).toBe(201);
    expect((await post('/nl-zweimal/schedule', {})).status).toBe(202);
    const twice = await post('', body('nl-zweimal-2'));
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const again = await post('', body('nl-zweimal-3', { again: true }));
    expect(again.status).toBe(201);
    expect((await world.store.campaigns.get('kielregion', 'nl-zweimal-3'))?.audience).toMatchObject({
      notReceived: { kind: 'newsletter', id: issue.id },
    });
    expect((await post('/nl-zweimal/cancel')).status).toBe(202);
  });
});

describe('JSON API: subscriber import, export and erasure', () => {
  let world: World;
  let token: string;
  beforeAll(async () => {
    world = await createWorld();
    token = await createToken(world, 'Import', 'kielregion');
    await world.store.consent.putText('kielregion', 'papier-2023', 'Einwilligung auf dem Anmeldebogen 2023');
  });
  afterAll(() => world.cleanup());

  const auth = () => ({ authorization: `Bearer ${token}` });
  const base = '/api/v1/regions/kielregion/subscribers';

  it('imports a CSV with a report per row, exports the list, and erases an address', async () => {
    const csv = [
      'email,first_name,last_name,requested_at,confirmed_at',
      'erika@example.org,Erika,Muster,2024-03-01T10:00:00+01:00,2024-03-01T10:05:00+01:00',
      'max@example.org,Max,,,',
      'not-an-address,Kein,Name,,',
    ].join('\n');
    const res = await world.app.request(`${base}/import?listId=${list.id}&consentTextVersion=papier-2023`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      rows: number;
      imported: number;
      skipped: number;
      active: number;
      pending: number;
      skippedRows: { line: number; reason: string }[];
    };
    expect(report).toMatchObject({ rows: 3, imported: 2, skipped: 1, active: 1, pending: 1 });
    expect(report.skippedRows).toEqual([expect.objectContaining({ line: 4, reason: 'invalid-address' })]);

    const exported = await world.app.request(`${base}/export?listId=${list.id}`, { headers: auth() });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.headers.get('content-disposition')).toContain(`kielregion-${list.id}.csv`);
    const text = await exported.text();
    expect(text).toContain('erika@example.org');
    expect(text).toContain('max@example.org');

    const erase = await world.app.request(`${base}/erase`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'erika@example.org' }),
    });
    expect(erase.status).toBe(200);
    expect(await erase.json()).toEqual({ erased: 1, regions: ['kielregion'] });
    expect(await world.store.subscribers.findByEmail('kielregion', 'erika@example.org')).toBeUndefined();
    expect(await world.store.suppressions.check('kielregion', 'erika@example.org')).toBe('erased');
  });

  it('refuses bad import and export calls and writes nothing', async () => {
    const before = await world.store.subscribers.list('kielregion');
    const cases: [string, RequestInit, number][] = [
      [
        `${base}/import?listId=${list.id}`,
        { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{}' },
        415,
      ],
      [
        `${base}/import?listId=${list.id}&admin=1`,
        { method: 'POST', headers: { ...auth(), 'content-type': 'text/csv' }, body: 'email\nx@example.org' },
        400,
      ],
      [
        `${base}/import?listId=%3Cscript%3E`,
        { method: 'POST', headers: { ...auth(), 'content-type': 'text/csv' }, body: 'email\nx@example.org' },
        400,
      ],
      [
        `${base}/import?listId=nope`,
        { method: 'POST', headers: { ...auth(), 'content-type': 'text/csv' }, body: 'email\nx@example.org' },
        404,
      ],
      [`${base}/export?listId=nope`, { headers: auth() }, 404],
      [`${base}/export`, { headers: auth() }, 400],
      [
        `${base}/erase`,
        {
          method: 'POST',
          headers: { ...auth(), 'content-type': 'application/json' },
          body: '{"email":"x@example.org","all":true}',
        },
        400,
      ],
      [
        `${base}/erase`,
        {
          method: 'POST',
          headers: { ...auth(), 'content-type': 'application/json' },
          body: '{"email":"<script>@x"}',
        },
        400,
      ],
    ];
    for (const [path, init, status] of cases) {
      const res = await world.app.request(path, init);
      expect(res.status, path).toBe(status);
    }
    expect(await world.store.subscribers.list('kielregion')).toEqual(before);
  });
});

describe('JSON API rate limit', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld({
      rateLimits: { apiPerToken: { name: 'api-token', limit: 3, windowSeconds: 60 } },
    });
  });
  afterAll(() => world.cleanup());

  it('answers 429 with Retry-After beyond the limit of a token', async () => {
    const token = await createToken(world, 'Skript', 'kielregion');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await world.app.request('/api/v1/regions/kielregion/campaigns', {
        headers: { authorization: `Bearer ${token}` },
      });
      statuses.push(res.status);
      retryAfter = res.headers.get('retry-after') ?? retryAfter;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
