import type { Store } from '../src/index';

let counter = 0;

/** A region id no other test uses, so tests can share one database. */
export function uniqueRegion(prefix = 'region'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/** The consent text a sign-up form shows. */
export const CONSENT = {
  consentText:
    'Ja, ich möchte den Newsletter der KielRegion per E-Mail erhalten. Die Einwilligung kann ich jederzeit widerrufen.',
  consentTextVersion: '2026-01',
} as const;

/** Topics and two lists (newsletter with three topics, press without) in `regionId`. */
export async function seedRegion(store: Store, regionId: string): Promise<void> {
  for (const [id, name] of [
    ['fachkraefte', 'Fachkräfte'],
    ['regionalbudget', 'Regionalbudget'],
    ['tourismus', 'Tourismus'],
  ] as const) {
    await store.topics.put({ id, regionId, name });
  }
  await store.lists.put({
    id: 'newsletter',
    regionId,
    kind: 'newsletter',
    name: 'Newsletter',
    topics: ['fachkraefte', 'regionalbudget', 'tourismus'],
  });
  await store.lists.put({ id: 'presse', regionId, kind: 'press', name: 'Presseverteiler' });
}

/** Signs up and confirms `email` on a list; returns the subscriber id. */
export async function subscribe(
  store: Store,
  regionId: string,
  email: string,
  options: { listId?: string; topics?: string[] } = {},
): Promise<string> {
  const requested = await store.optIn.request({
    regionId,
    email,
    listId: options.listId ?? 'newsletter',
    topics: options.topics ?? [],
    ...CONSENT,
  });
  await store.optIn.confirm(requested.confirmToken);
  return requested.subscriberId;
}

/** A minimal newsletter issue of `regionId`. */
export function newsletterIssue(regionId: string, id = 'ausgabe-2026-04') {
  return {
    id,
    regionId,
    date: '2026-11-24',
    subject: 'KielRegion Newsletter 4/2026',
    sections: [
      {
        heading: 'Aus den Projekten',
        items: [{ kind: 'article', title: 'Azubi-Speed-Dating', text: '40 Betriebe, 300 Jugendliche.' }],
      },
    ],
  };
}

/** A campaign for the newsletter list of a seeded region, moved on to `status` (`sending` by default). */
export async function seedCampaign(
  store: Store,
  regionId: string,
  id: string,
  status: 'draft' | 'scheduled' | 'sending' = 'sending',
): Promise<void> {
  await store.records.put('newsletter-issue', newsletterIssue(regionId));
  await store.campaigns.create(
    {
      id,
      regionId,
      name: 'Newsletter April',
      content: { kind: 'newsletter', issueId: 'ausgabe-2026-04' },
      audience: { listId: 'newsletter' },
      plan: { kind: 'now' },
    },
    'staff:anna',
  );
  if (status === 'draft') return;
  await store.campaigns.transition(regionId, id, 'scheduled', { actor: 'staff:anna' });
  if (status === 'sending') await store.campaigns.transition(regionId, id, 'sending', { actor: 'worker' });
}

/** `n` random subscriber ids (the ledger needs no subscriber rows). */
export function randomIds(n: number): string[] {
  return Array.from({ length: n }, () => crypto.randomUUID());
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
