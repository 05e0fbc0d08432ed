import { KIELREGION } from '@regiokit/core/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/client';
import { berlinDay } from './support/dates';
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
  publication: 'published' as const,
};

async function publish(world: World, kind: 'newsletter-issue' | 'press-release', id: string) {
  await world.store.records.changePublication(kind, 'kielregion', id, 'approve', { actor: 'test' });
  await world.store.records.changePublication(kind, 'kielregion', id, 'publish', { actor: 'test' });
}

async function sendCampaign(
  world: World,
  id: string,
  content: { kind: 'newsletter'; issueId: string } | { kind: 'press-release'; pressReleaseId: string },
  steps: readonly ('scheduled' | 'sending' | 'sent')[] = ['scheduled', 'sending', 'sent'],
) {
  await world.store.campaigns.create(
    {
      id,
      regionId: 'kielregion',
      name: `Kampagne ${id}`,
      content,
      audience: {
        listId: KIELREGION.lists.find(
          (l) => l.kind === (content.kind === 'newsletter' ? 'newsletter' : 'press'),
        )!.id,
        topics: [],
      },
      plan: { kind: 'now' },
    },
    'test',
  );
  for (const to of steps) {
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

  it('lists only published newsletters, with the day they were sent', async () => {
    const client = new TestClient(world.app);
    const before = await client.get('/kielregion/archive');
    expect(before.status).toBe(200);
    expect(before.html).not.toContain(`/kielregion/archive/newsletters/${issue.id}`);
    expect((await client.get(`/kielregion/archive/newsletters/${issue.id}`)).status).toBe(404);

    await sendCampaign(world, 'nl-august', { kind: 'newsletter', issueId: issue.id });
    // mailed, but not published: still not in the archive
    expect((await client.get('/kielregion/archive')).html).not.toContain(
      `/kielregion/archive/newsletters/${issue.id}`,
    );
    expect((await client.get(`/kielregion/archive/newsletters/${issue.id}`)).status).toBe(404);
    await publish(world, 'newsletter-issue', issue.id);
    const sentAt = (await world.store.campaigns.get('kielregion', 'nl-august'))?.sentAt ?? '';
    expect(sentAt).not.toBe('');
    const after = await client.get('/kielregion/archive');
    expect(after.html).toContain(`/kielregion/archive/newsletters/${issue.id}`);
    // the day it was sent, not the issue's own date
    expect(after.html).toContain(`<time datetime="${sentAt}">${berlinDay(sentAt, 'de')}</time>`);
    expect((await client.get('/kielregion/archive?lang=en')).html).toContain(
      `<time datetime="${sentAt}">${berlinDay(sentAt, 'en')}</time>`,
    );
    const webVersion = await client.get(`/kielregion/archive/newsletters/${issue.id}`);
    expect(webVersion.status).toBe(200);
    expect(webVersion.html).toContain('Regionalkonferenz 2024');
    expect(webVersion.html).not.toMatch(/<script|<style| style=/i);
    const csp = webVersion.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    expect(webVersion.headers.get('cache-control')).toBe('public, max-age=300');

    const page = webVersion.html;
    expect(page).toMatch(/^<!doctype html>\n<html lang="de"/);
    expect(page).toContain(`Versandt am <time datetime="${sentAt}">${berlinDay(sentAt, 'de')}</time>`);
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain(`>${issue.subject}</h1>`);
    for (const landmark of ['header', 'main', 'footer']) {
      expect(page.match(new RegExp(`<${landmark}[ >]`, 'g')), landmark).toHaveLength(1);
    }
    expect(page).toMatch(
      /<footer class="rk-footer">\n<p class="rk-imprint"><strong>Impressum<\/strong><br>KielRegion GmbH/,
    );
    expect(page).toContain('<a class="rk-archive" href="/kielregion/archive">');
    expect(page).toContain('<a class="rk-subscribe" href="/kielregion/subscribe">');
    expect(page).toContain(
      `<link rel="canonical" href="http://localhost:3999/kielregion/archive/newsletters/${issue.id}">`,
    );
    // the public page has no one's address and no personal link
    expect(webVersion.html).not.toMatch(/\/u\/|\/p\/|@example\.org/);
    expect(page).toContain('<link rel="stylesheet" href="/assets/newsletter/kielregion.css">');
    const sheetPath = '/assets/newsletter/kielregion.css';
    const sheet = await client.get(sheetPath);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('text/css');
    expect(sheet.html).toContain('header.rk-brand');
    expect((await client.get('/assets/newsletter/nowhere.css')).status).toBe(404);
    expect((await client.get('/assets/newsletter/..%2Fsecret.css')).status).toBe(404);

    const english = (await client.get(`/kielregion/archive/newsletters/${issue.id}?lang=en`)).html;
    expect(english).toMatch(/^<!doctype html>\n<html lang="en"/);
    expect(english).toContain(`Sent on <time datetime="${sentAt}">${berlinDay(sentAt, 'en')}</time>`);
    expect(english).toContain(
      '<a class="rk-archive" href="/kielregion/archive?lang=en">All issues in the archive</a>',
    );

    // the mail's web-version link shows the same page, under its own address
    const link = await client.get('/w/kielregion/nl-august');
    expect(link.status).toBe(200);
    expect(link.headers.get('content-security-policy')).toBe(csp);
    expect(link.html).toBe(webVersion.html);
    expect((await client.get('/w/kielregion/unknown')).status).toBe(404);
    expect((await client.get('/w/nowhere/nl-august')).status).toBe(404);
  });

  it('answers the web-version link of a campaign whose mails are not out with 404', async () => {
    const client = new TestClient(world.app);
    await sendCampaign(world, 'nl-geplant', { kind: 'newsletter', issueId: issue.id }, ['scheduled']);
    expect((await client.get('/w/kielregion/nl-geplant')).status).toBe(404);
    await world.store.campaigns.transition('kielregion', 'nl-geplant', 'sending', { actor: 'test' });
    const sending = await client.get('/w/kielregion/nl-geplant');
    expect(sending.status).toBe(200);
    // still going out: no sent date yet
    expect(sending.html).not.toContain('Versandt am');
  });

  it('lists newsletters by the day they were sent, most recent first, whatever their issue date', async () => {
    const client = new TestClient(world.app);
    const older = {
      ...issue,
      id: 'newsletter-2019-01',
      date: '2019-01-15',
      subject: 'Ausgabe aus dem Jahr 2019',
      publication: 'published' as const,
    };
    await world.store.records.put('newsletter-issue', older);
    await sendCampaign(world, 'nl-spaet', { kind: 'newsletter', issueId: older.id });
    const sentAt = (await world.store.campaigns.get('kielregion', 'nl-spaet'))?.sentAt ?? '';
    const archive = (await client.get('/kielregion/archive')).html;
    expect(archive.indexOf(older.subject)).toBeGreaterThan(-1);
    expect(archive.indexOf(older.subject)).toBeLessThan(archive.indexOf(issue.subject));
    expect(archive).toContain(`<time datetime="${sentAt}">${berlinDay(sentAt, 'de')}</time>`);
    expect(archive).not.toContain('15. Januar 2019');
  });

  it('sends the web-version link of a press release to its archive page, which keeps the embargo', async () => {
    const client = new TestClient(world.app);
    world.clock.now = new Date(Date.parse(EMBARGO) - 60_000);
    await sendCampaign(world, 'pm-sperrfrist', { kind: 'press-release', pressReleaseId: embargoed.id }, [
      'scheduled',
      'sending',
    ]);
    const link = await client.get('/w/kielregion/pm-sperrfrist');
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe(`/kielregion/archive/press/${embargoed.id}`);
    expect((await client.get(`/kielregion/archive/press/${embargoed.id}`)).status).toBe(404);
    world.clock.now = new Date(EMBARGO);
    expect((await client.get(`/kielregion/archive/press/${embargoed.id}`)).status).toBe(200);
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

  it('shows a press release only while it is published: not as a draft or approved, not once withdrawn', async () => {
    const client = new TestClient(world.app);
    world.clock.now = new Date('2026-12-01T09:00:00Z');
    const draft = {
      ...published,
      id: 'pm-2026-entwurf',
      headline: 'Entwurf zum Wettbewerb',
      publication: undefined,
    };
    await world.store.records.put('press-release', draft);
    const path = `/kielregion/archive/press/${draft.id}`;
    const visible = async () => {
      const archive = (await client.get('/kielregion/archive')).html;
      const page = await client.get(path);
      expect(archive.includes(draft.headline)).toBe(page.status === 200);
      return page.status;
    };
    expect(await visible()).toBe(404);
    await world.store.records.changePublication('press-release', 'kielregion', draft.id, 'approve', {
      actor: 'test',
    });
    expect(await visible()).toBe(404);
    await world.store.records.changePublication('press-release', 'kielregion', draft.id, 'publish', {
      actor: 'test',
    });
    expect(await visible()).toBe(200);
    await world.store.records.changePublication('press-release', 'kielregion', draft.id, 'unpublish', {
      actor: 'test',
    });
    expect(await visible()).toBe(404);
    await world.store.records.changePublication('press-release', 'kielregion', draft.id, 'publish', {
      actor: 'test',
    });
    expect(await visible()).toBe(200);
    await world.store.records.changePublication('press-release', 'kielregion', draft.id, 'withdraw', {
      actor: 'test',
    });
    expect(await visible()).toBe(404);
    // importing the same text again without a state does not bring it back
    await world.store.records.put('press-release', draft);
    expect(await visible()).toBe(404);
  });

  it('answers the web-version link of a withdrawn newsletter with 404', async () => {
    const client = new TestClient(world.app);
    expect((await client.get('/w/kielregion/nl-august')).status).toBe(200);
    await world.store.records.changePublication('newsletter-issue', 'kielregion', issue.id, 'withdraw', {
      actor: 'test',
    });
    expect((await client.get('/w/kielregion/nl-august')).status).toBe(404);
    expect((await client.get(`/kielregion/archive/newsletters/${issue.id}`)).status).toBe(404);
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
