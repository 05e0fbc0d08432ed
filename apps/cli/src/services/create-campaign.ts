import type { Campaign, TimePlan } from '@regiokit/core';
import type { CliContext } from '../cli-context';
import { describeActor } from './campaigns';
import type { ContentRef } from './find-content';

/**
 * Creates the campaign record (a draft) for an issue or press release, with a readable id that is
 * new in the region: `<content id>-<yyyymmdd-hhmm of the plan>`, plus `-2`, `-3` … when taken.
 */
export async function createCampaign(
  ctx: CliContext,
  content: ContentRef,
  audience: { listId: string; topics: string[] },
  plan: TimePlan,
  name: string | undefined,
): Promise<Campaign> {
  const store = await ctx.store();
  const when = plan.kind === 'at' ? new Date(plan.at) : ctx.now();
  const stamp = stampOf(when, plan.kind === 'now' ? 'Europe/Berlin' : plan.timeZone);
  const base = `${content.record.id.slice(0, 44)}-${stamp}`;
  let id = base;
  for (let n = 2; (await store.campaigns.get(content.region.id, id)) !== undefined; n++) id = `${base}-${n}`;
  const title = content.kind === 'newsletter' ? content.record.subject : content.record.headline;
  return store.campaigns.create(
    {
      id,
      regionId: content.region.id,
      name: name ?? title,
      content:
        content.kind === 'newsletter'
          ? { kind: 'newsletter', issueId: content.record.id }
          : { kind: 'press-release', pressReleaseId: content.record.id },
      audience,
      plan,
    },
    describeActor(),
  );
}

/** `20261201-0900` in the zone. */
function stampOf(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}`;
}
