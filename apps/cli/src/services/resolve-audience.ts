import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';

/**
 * The audience of `--list` and `--topics` in a region, checked: the list exists, and each topic is
 * one a subscriber of that list can choose (the list's topics, or the region's when it names none).
 */
export async function resolveAudience(
  ctx: CliContext,
  regionId: string,
  listId: string,
  topics: string | undefined,
): Promise<{ listId: string; topics: string[] }> {
  const store = await ctx.store();
  const list = await store.lists.get(regionId, listId);
  if (list === undefined) {
    const known = (await store.lists.list(regionId)).map((l) => l.id);
    throw createUserError('UNKNOWN_LIST', ctx.m.unknownList(listId, regionId, known.join(', ') || '–'));
  }
  const chosen = (topics ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const allowed: string[] =
    list.topics.length > 0 ? list.topics : (await store.topics.list(regionId)).map((t) => t.id);
  const unknown = chosen.filter((t) => !allowed.includes(t));
  if (unknown.length > 0) {
    throw createUserError(
      'UNKNOWN_TOPICS',
      ctx.m.unknownTopics(unknown.join(', '), allowed.join(', ') || '–'),
    );
  }
  return { listId: list.id, topics: chosen };
}
