import type { Campaign, NewsletterIssue, Region, TimePlan } from '@regiokit/core';
import type { Store } from '@regiokit/store';

/** KielRegion, shaped like the reference data (see shared/data/regions.reference.json). */
export const REGION: Region = {
  id: 'kielregion' as Region['id'],
  name: 'KielRegion',
  brand: 'KielRegion',
  bundesland: 'Schleswig-Holstein',
  timeZone: 'Europe/Berlin',
  language: 'de',
  website: 'https://www.kielregion.de',
  members: [
    {
      officialName: 'Kiel, Landeshauptstadt',
      displayName: 'Landeshauptstadt Kiel',
      kind: 'landeshauptstadt',
      officialKey: '01002',
    },
    { officialName: 'Plön', displayName: 'Kreis Plön', kind: 'kreis', officialKey: '01057' },
    {
      officialName: 'Rendsburg-Eckernförde',
      displayName: 'Kreis Rendsburg-Eckernförde',
      kind: 'kreis',
      officialKey: '01058',
    },
  ],
  carrier: { name: 'KielRegion GmbH', legalForm: 'gmbh', shareholders: [] },
  imprint: {
    publisher: 'KielRegion GmbH',
    address: { street: 'Neufeldtstraße 6', postalCode: '24118', city: 'Kiel', country: 'DE' },
    representative: 'Geschäftsführung der KielRegion GmbH',
    email: 'info@kielregion.example',
    responsibleForContent: 'Redaktion KielRegion, Anschrift wie oben',
  },
  sender: { name: 'KielRegion – Regionalmanagement', email: 'newsletter@kielregion.example' },
};

export const LIST_ID = 'newsletter';
export const ISSUE_ID = 'ausgabe-4-2026';

const PARAGRAPH =
  'Die KielRegion unterstützt Unternehmen, Kommunen und Hochschulen dabei, gemeinsam Projekte für Fachkräfte, ' +
  'Mobilität und Klimaschutz umzusetzen. Über die Förderung entscheidet der Lenkungsausschuss in seiner Frühjahrssitzung.';

/** A newsletter issue (2 sections: about 20 KB of HTML), personalised with `{{firstName}}`. */
export function exampleIssue(sections = 2): NewsletterIssue {
  return {
    id: ISSUE_ID as NewsletterIssue['id'],
    regionId: REGION.id,
    language: 'de',
    label: 'Ausgabe 4/2026',
    date: '2026-11-21',
    subject: 'Neues aus der KielRegion für {{firstName}}',
    preheader: 'Regionalbudget, Termine und Projekte',
    sections: Array.from({ length: sections }, (_, s) => ({
      heading: `Aus dem Handlungsfeld ${'ABC'[s % 3]}`,
      items: Array.from({ length: 3 }, (_, i) => ({
        kind: 'article' as const,
        title: `Meldung ${s + 1}.${i + 1}: Größere Vorhaben im Überblick`,
        text: PARAGRAPH,
        url: `https://www.kielregion.de/meldungen/${s + 1}-${i + 1}`,
      })),
    })),
    topics: [],
  } as NewsletterIssue;
}

/** The region, its newsletter list and the example issue, written to the store. */
export async function seedRegion(store: Store, sections = 2): Promise<void> {
  await store.records.put('region', REGION);
  await store.lists.put({
    id: LIST_ID,
    regionId: REGION.id,
    kind: 'newsletter',
    name: 'Newsletter KielRegion',
    language: 'de',
    topics: [],
  });
  await store.records.put('newsletter-issue', exampleIssue(sections));
}

/** One subscriber of the tests. */
export interface TestSubscriber {
  id: string;
  email: string;
  firstName: string;
}

/** Imports `count` subscribers with consent evidence (so they are active) and returns them. */
export async function seedSubscribers(
  store: Store,
  count: number,
  email = (i: number) => `abonnent${i}@example.org`,
): Promise<TestSubscriber[]> {
  const rows = [
    'email,first_name,last_name,salutation,language,requested_at,confirmed_at,consent_text_version',
  ];
  for (let i = 0; i < count; i++)
    rows.push(`${email(i)},Jörg${i},Müller,herr,de,2026-01-10T09:00:00Z,2026-01-10T09:05:00Z,2026-01`);
  const report = await store.subscribers.importCsv(rows.join('\n'), {
    regionId: REGION.id,
    listId: LIST_ID,
    actor: 'test',
    consentText: 'Ich möchte den Newsletter der KielRegion erhalten.',
    consentTextVersion: '2026-01',
    batchSize: 5_000,
  });
  if (report.active !== count) throw new Error(`expected ${count} active subscribers, got ${report.active}`);
  const subscribers: TestSubscriber[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.subscribers.list(REGION.id, {
      listId: LIST_ID,
      limit: 1000,
      ...(after ? { after } : {}),
    });
    if (page.length === 0) break;
    for (const s of page) subscribers.push({ id: s.id, email: s.email, firstName: s.firstName ?? '' });
    after = page.at(-1)?.id;
  }
  return subscribers;
}

/** Creates a draft campaign of the example issue to the newsletter list. */
export async function createCampaign(
  store: Store,
  id: string,
  plan: TimePlan = { kind: 'now' },
): Promise<Campaign> {
  return store.campaigns.create(
    {
      id,
      regionId: REGION.id,
      name: `Newsletter ${id}`,
      content: { kind: 'newsletter', issueId: ISSUE_ID },
      audience: { listId: LIST_ID, topics: [] },
      plan,
    },
    'test',
  );
}
