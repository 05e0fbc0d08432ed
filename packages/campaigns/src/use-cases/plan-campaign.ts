import {
  type Audience,
  type CampaignContent,
  type CampaignStatus,
  type ContentKey,
  TimePlan,
} from '@regiokit/core';
import type { Store, StoredCampaign } from '@regiokit/store';
import type { Producer } from '../producer';

/** Why planning a campaign was refused; `campaignId` names the earlier campaign. */
export class CampaignPlanError extends Error {
  override readonly name = 'CampaignPlanError';
  constructor(
    readonly code: 'ALREADY_SENT' | 'ALREADY_PLANNED',
    readonly campaignId: string,
    readonly status: CampaignStatus,
    message: string,
  ) {
    super(message);
  }
}

/** A campaign to create and schedule in one step. */
export interface PlanCampaignInput {
  regionId: string;
  content: CampaignContent;
  name: string;
  audience: { listId: string; topics: readonly string[] };
  plan: TimePlan;
  /** Send an issue again that this audience already got (or has planned); without it, refused. */
  again?: boolean;
  /** With `again`: to everyone on the list, not only to those who did not receive it yet. */
  everyone?: boolean;
  actor: string;
  now?: Date;
}

/** Statuses in which an earlier campaign counts as "this went (or goes) to this audience". */
const TAKEN: readonly CampaignStatus[] = ['scheduled', 'sending', 'paused', 'sent'];

/** The issue or press release a campaign sends, by kind and id. */
export function contentKeyOf(content: CampaignContent): ContentKey {
  return content.kind === 'newsletter'
    ? { kind: 'newsletter', id: content.issueId }
    : { kind: 'press-release', id: content.pressReleaseId };
}

const sameContent = (a: CampaignContent, b: CampaignContent) =>
  JSON.stringify(contentKeyOf(a)) === JSON.stringify(contentKeyOf(b));
interface AudienceRef {
  readonly listId: string;
  readonly topics: readonly string[];
}
const sameAudience = (a: AudienceRef, b: AudienceRef) =>
  a.listId === b.listId && [...a.topics].sort().join(',') === [...b.topics].sort().join(',');

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

/**
 * A readable campaign id that is new in the region: `<content id>-<yyyymmdd-hhmm of the plan>`,
 * plus `-2`, `-3` … when taken.
 */
export async function newCampaignId(
  store: Store,
  regionId: string,
  content: CampaignContent,
  plan: TimePlan,
  now: Date,
): Promise<string> {
  const when = plan.kind === 'at' ? new Date(plan.at) : now;
  const stamp = stampOf(when, plan.kind === 'now' ? 'Europe/Berlin' : plan.timeZone);
  const base = `${contentKeyOf(content).id.slice(0, 44)}-${stamp}`;
  let id = base;
  for (let n = 2; (await store.campaigns.get(regionId, id)) !== undefined; n++) id = `${base}-${n}`;
  return id;
}

/**
 * Refuses the same issue to the same audience twice unless `again` is set; then it goes only to
 * those who did not receive it yet, unless `everyone` is set too.
 */
export async function checkSendAgain(
  store: Store,
  input: Pick<PlanCampaignInput, 'regionId' | 'content' | 'audience' | 'again' | 'everyone'>,
): Promise<Pick<Audience, 'notReceived'>> {
  const earlier = (await store.campaigns.list({ regionId: input.regionId, status: TAKEN })).filter(
    (c) => sameContent(c.content, input.content) && sameAudience(c.audience, input.audience),
  );
  const last = earlier.at(-1);
  if (last === undefined) return {};
  if (input.again !== true) {
    const sent = earlier.find((c) => c.status === 'sent') ?? last;
    throw new CampaignPlanError(
      sent.status === 'sent' ? 'ALREADY_SENT' : 'ALREADY_PLANNED',
      sent.id,
      sent.status,
      `campaign ${sent.id} (${sent.status}) sends the same content to the same audience; ask for it again explicitly`,
    );
  }
  return input.everyone === true ? {} : { notReceived: contentKeyOf(input.content) };
}

/**
 * Creates a campaign and schedules it, in one step: refused before anything is written when the
 * audience got this content already (see {@link checkSendAgain}); when the schedule cannot be
 * added, the new campaign is cancelled again, so nothing half done stays behind.
 */
export async function planCampaign(
  deps: { store: Store; producer: Producer },
  input: PlanCampaignInput,
): Promise<{ campaign: StoredCampaign; runAt: Date | undefined }> {
  const { store, producer } = deps;
  const plan = TimePlan.parse(input.plan);
  const now = input.now ?? new Date();
  const extra = await checkSendAgain(store, input);
  const id = await newCampaignId(store, input.regionId, input.content, plan, now);
  const created = await store.campaigns.create(
    {
      id,
      regionId: input.regionId,
      name: input.name,
      content: input.content,
      audience: { listId: input.audience.listId, topics: [...input.audience.topics], ...extra },
      plan,
    },
    input.actor,
  );
  try {
    const { runAt } = await producer.scheduleCampaign(created.regionId, created.id, plan);
    return { campaign: (await store.campaigns.get(created.regionId, created.id)) ?? created, runAt };
  } catch (error) {
    await store.campaigns
      .transition(created.regionId, created.id, 'cancelled', { actor: input.actor, reason: 'not scheduled' })
      .catch(() => undefined);
    throw error;
  }
}
