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
