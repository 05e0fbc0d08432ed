import { newCampaignId } from '@regiokit/campaigns';
import type { Campaign, TimePlan } from '@regiokit/core';
import type { CliContext } from '../cli-context';
import { describeActor } from './campaigns';
import { type ContentRef, contentOf } from './find-content';

/**
 * Creates the campaign record (a draft) for an issue or press release, with a readable id that is
 * new in the region (see `newCampaignId`). `regiokit campaign schedule` plans in one step with
 * `planCampaign`; the demo uses this to watch the draft it schedules itself.
 */
export async function createCampaign(
  ctx: CliContext,
  content: ContentRef,
  audience: { listId: string; topics: string[] },
  plan: TimePlan,
  name: string | undefined,
): Promise<Campaign> {
  const store = await ctx.store();
  const campaignContent = contentOf(content);
  const id = await newCampaignId(store, content.region.id, campaignContent, plan, ctx.now());
  const title = content.kind === 'newsletter' ? content.record.subject : content.record.headline;
  return store.campaigns.create(
    { id, regionId: content.region.id, name: name ?? title, content: campaignContent, audience, plan },
    describeActor(),
  );
}
