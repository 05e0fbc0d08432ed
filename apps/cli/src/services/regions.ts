import type { Region } from '@regiokit/core';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';

/** The regions a command works on: the one named by `--region` (checked), or all in the store. */
export async function resolveRegions(ctx: CliContext, regionId: string | undefined): Promise<Region[]> {
  const store = await ctx.store();
  const regions = await store.records.listRegions();
  if (regionId !== undefined) {
    const region = regions.find((r) => r.id === regionId);
    if (region === undefined) {
      const known = regions.map((r) => r.id).join(', ') || '–';
      throw createUserError('UNKNOWN_REGION', ctx.m.unknownRegion(regionId, known));
    }
    return [region];
  }
  return regions;
}
