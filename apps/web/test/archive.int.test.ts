import { KIELREGION } from '@regiokit/core/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/client';
import { createWorld, type World } from './support/world';

const issue = KIELREGION.newsletterIssues[0]!;
const published = KIELREGION.pressReleases[0]!;
const EMBARGO = '2026-12-01T11:00:00+01:00';
const embargoed = {
  ...published,
  id: 'pm-2026-embargo',
  number: { seq: 12, year: 2026 },
  headline: 'Sperrfrist-Meldung zum Regionalbudget',
  embargo: EMBARGO,
};

async function sendCampaign(world: World, id: string, content: { kind: 'newsletter'; issueId: string }) {
  await world.store.campaigns.create(
    {
      id,
      regionId: 'kielregion',
      name: `Kampagne ${id}`,
      content,
      audience: { listId: KIELREGION.lists[0]!.id, topics: [] },
      plan: { kind: 'now' },
    },
    'test',
  );
  for (const to of ['scheduled', 'sending', 'sent'] as const) {
    await world.store.campaigns.transition('kielregion', id, to, { actor: 'test' });
  }
}

describe('public archive', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld({ now: new Date('2026-12-01T09:00:00Z') });
    await world.store.records.put('press-release', embargoed);
  });
  afterAll(() => world.cleanup());

  it('lists only newsletters whose campaign was sent', async () => {
    const client = new TestClient(world.app);
    const before = await client.get('/kielregion/archive');
    expect(before.status).toBe(200);
    expect(before.html).not.toContain(`/kielregion/archive/newsletters/${issue.id}`);
    expect((await client.get(`/kielregion/archive/newsletters/${issue.id}`)).status).toBe(404);

    await sendCampaign(world, 'nl-august', { kind: 'newsletter', issueId: issue.id });
    const after = await client.get('/kielregion/archive');
    expect(after.html).toContain(`/kielregion/archive/newsletters/${issue.id}`);
    expect(after.html).toContain('20. August 2024');
    const webVersion = await client.get(`/kielregion/archive/newsletters/${issue.id}`);
    expect(webVersion.status).toBe(200);
    expect(webVersion.html).toContain('Regionalkonferenz 2024');
    expect(webVersion.html).not.toMatch(/<script/i);
    expect(webVersion.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(webVersion.headers.get('content-security-policy')).not.toContain('script-src');

    const link = await client.get('/w/kielregion/nl-august');
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe(`/kielregion/archive/newsletters/${issue.id}`);
    expect((await client.get('/w/kielregion/unknown')).status).toBe(404);
  });

  it('hides an embargoed press release until its embargo ends', async () => {
    const client = new TestClient(world.app);
    world.clock.now = new Date(Date.parse(EMBARGO) - 60_000);
    const before = await client.get('/kielregion/archive');
    expect(before.html).toContain(published.headline);
    expect(before.html).not.toContain(embargoed.headline);
    const hidden = await client.get(`/kielregion/archive/press/${embargoed.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.html).not.toContain(embargoed.headline);

    world.clock.now = new Date(Date.parse(EMBARGO));
    const after = await client.get('/kielregion/archive');
    expect(after.html).toContain(embargoed.headline);
    const page = await client.get(`/kielregion/archive/press/${embargoed.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(embargoed.headline);
    expect(after.html.indexOf(embargoed.headline)).toBeLessThan(after.html.indexOf(published.headline));
  });

  it('answers unknown regions and ids with 404', async () => {
    const client = new TestClient(world.app);
    for (const path of [
      '/nowhere/archive',
      '/kielregion/archive/press/nope',
      '/kielregion/archive/press/..%2F..',
      '/NOPE/archive',
    ]) {
      expect((await client.get(path)).status, path).toBe(404);
    }
  });
});
