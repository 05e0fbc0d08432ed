import { createTheme, type Theme } from '@regiokit/content';
import { type MailingList, type Region, RegionId, type Topic } from '@regiokit/core';
import type { Store } from '@regiokit/store';

/** A region as the public pages show it. */
export interface RegionView {
  readonly region: Region;
  readonly theme: Theme;
  readonly lists: readonly MailingList[];
  readonly topics: readonly Topic[];
}

/**
 * Loads a region with its theme, lists and topics; `undefined` when there is no such region (or
 * the id is not a region id at all, so no query is made for it).
 */
export async function loadRegionView(store: Store, regionId: string): Promise<RegionView | undefined> {
  if (!RegionId.safeParse(regionId).success) return undefined;
  const region = await store.records.get('region', regionId, regionId);
  if (region === undefined) return undefined;
  const [lists, topics] = await Promise.all([store.lists.list(regionId), store.topics.list(regionId)]);
  return { region, theme: createTheme(region), lists, topics };
}

/** The topics a subscriber of `list` may choose: the list's own, or all of the region's. */
export function listTopics(view: RegionView, list: MailingList): Topic[] {
  return list.topics.length === 0
    ? [...view.topics]
    : view.topics.filter((topic) => list.topics.includes(topic.id));
}

/** A topic's name in the page language. */
export function topicName(topic: Topic, language: 'de' | 'en'): string {
  return language === 'en' && topic.nameEn !== undefined ? topic.nameEn : topic.name;
}

/** The list a sign-up page without a list id offers: the first newsletter list, else the first list. */
export function defaultList(view: RegionView): MailingList | undefined {
  return view.lists.find((l) => l.kind === 'newsletter') ?? view.lists[0];
}
