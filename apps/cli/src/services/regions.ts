import type { Region } from '@regiokit/core';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { listRegionIds } from '../records/region-index';

/** The regions a command works on: the one named by `--region` (checked), or all in the store. */
export async function resolveRegions(ctx: CliContext, regionId: string | undefined): Promise<Region[]> {
  const store = await ctx.store();
  const ids = await listRegionIds(store, ctx.config.dataDir);
  if (regionId !== undefined) {
    const region = await store.records.get('region', regionId, regionId);
    if (region === undefined) {
      throw createUserError('UNKNOWN_REGION', ctx.m.unknownRegion(regionId, ids.join(', ') || '–'));
    }
    return [region];
  }
  const regions: Region[] = [];
  for (const id of ids) {
    const region = await store.records.get('region', id, id);
    if (region !== undefined) regions.push(region);
  }
  return regions;
}
