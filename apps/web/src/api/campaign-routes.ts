import { CampaignPlanError, checkSendAgain, sendTestMail } from '@regiokit/campaigns';
import { type Campaign, TimePlan } from '@regiokit/core';
import type { ApiToken } from '@regiokit/store';
import type { WebContext } from '../web-context';
import { ApiError } from './api-error';
import { type ApiRoute, defineApiRoute } from './api-route';
import {
  AcceptedView,
  CampaignListQuery,
  CampaignListView,
  CampaignParams,
  CampaignView,
  CreateCampaignBody,
  RegionParams,
  ScheduleCampaignBody,
  TestSendBody,
} from './api-schemas';

const TAGS = ['campaigns'];
const JSON_BODY = 16 * 1024;

/** Who did it, for the store's audit log. */
export function actorOf(token: ApiToken): string {
  return `api-token:${token.id}`;
}

async function requireCampaign(web: WebContext, regionId: string, campaignId: string): Promise<Campaign> {
  const campaign = await web.deps.store.campaigns.get(regionId, campaignId);
  if (campaign === undefined)
    throw new ApiError('NOT_FOUND', `no campaign "${campaignId}" in region "${regionId}"`);
  return campaign;
}

function assertFuture(web: WebContext, plan: { kind: string; at?: string }): void {
  if (plan.kind === 'at' && plan.at !== undefined && Date.parse(plan.at) <= web.now().getTime()) {
    throw new ApiError('INVALID_INPUT', 'invalid body', {
      fields: [{ path: 'body.plan.at', message: `expected a moment in the future, got ${plan.at}` }],
    });
  }
}

/** Campaigns: create, list, status with progress, schedule, pause, resume, cancel, test send. */
export const CAMPAIGN_ROUTES: readonly ApiRoute[] = [
  defineApiRoute({
    operationId: 'listCampaigns',
    method: 'get',
    path: '/api/v1/regions/{regionId}/campaigns',
    summary: 'List the campaigns of a region, oldest first',
    tags: TAGS,
    params: RegionParams,
    query: CampaignListQuery,
    responses: { 200: { description: 'The campaigns', schema: CampaignListView } },
    async handler({ params, query, web }) {
      const campaigns = await web.deps.store.campaigns.list({
        regionId: params.regionId,
        ...(query.status === undefined ? {} : { status: query.status }),
      });
      return { status: 200, json: { campaigns } };
    },
  }),
  defineApiRoute({
    operationId: 'createCampaign',
    method: 'post',
    path: '/api/v1/regions/{regionId}/campaigns',
    summary: 'Create a draft campaign for a newsletter issue or press release',
    tags: TAGS,
    params: RegionParams,
    body: { schema: CreateCampaignBody, contentType: 'application/json', maxBytes: JSON_BODY },
    responses: { 201: { description: 'The new draft', schema: CampaignView } },
    async handler({ params, body, token, web }) {
      assertFuture(web, body.plan);
      const { again, everyone, ...input } = body;
      const rest = await checkSendAgain(web.deps.store, {
        regionId: params.regionId,
        content: input.content,
        audience: input.audience,
        again: again === true,
        everyone: everyone === true,
      }).catch((error: unknown) => {
        if (error instanceof CampaignPlanError) {
          throw new ApiError('CONFLICT', error.message);
        }
        throw error;
      });
      const campaign = await web.deps.store.campaigns.create(
        { ...input, audience: { ...input.audience, ...rest }, regionId: params.regionId },
        actorOf(token),
      );
      return { status: 201, json: { campaign } };
    },
  }),
  defineApiRoute({
    operationId: 'getCampaign',
    method: 'get',
    path: '/api/v1/regions/{regionId}/campaigns/{campaignId}',
    summary: 'Status of a campaign with its progress from the send ledger',
    tags: TAGS,
    params: CampaignParams,
    responses: { 200: { description: 'The campaign and its progress', schema: CampaignView } },
    async handler({ params, web }) {
      const campaign = await requireCampaign(web, params.regionId, params.campaignId);
      const [counts, perMinute] = await Promise.all([
        web.deps.store.ledger.progress(params.regionId, params.campaignId),
        web.deps.store.ledger.progressPerMinute(params.regionId, params.campaignId),
      ]);
      return { status: 200, json: { campaign, progress: { ...counts, perMinute } } };
    },
  }),
  defineApiRoute({
    operationId: 'scheduleCampaign',
    method: 'post',
    path: '/api/v1/regions/{regionId}/campaigns/{campaignId}/schedule',
    summary: 'Schedule a draft (now, at an instant, or recurring), optionally with a new plan',
    tags: TAGS,
    params: CampaignParams,
    body: { schema: ScheduleCampaignBody, contentType: 'application/json', maxBytes: JSON_BODY },
    responses: { 202: { description: 'Scheduled', schema: AcceptedView } },
    async handler({ params, body, web }) {
      const campaign = await requireCampaign(web, params.regionId, params.campaignId);
      const plan = TimePlan.parse(body.plan ?? campaign.plan);
      assertFuture(web, plan);
      // a scheduled (or paused before its time) campaign with a new plan is rescheduled: the plan
      // is stored and the start job of the old one replaced, so the old time never fires
      const { jobId, runAt } =
        body.plan !== undefined && (campaign.status === 'scheduled' || campaign.status === 'paused')
          ? await web.deps.producer.rescheduleCampaign(params.regionId, params.campaignId, plan)
          : await web.deps.producer.scheduleCampaign(params.regionId, params.campaignId, plan);
      return {
        status: 202,
        json: { status: 'scheduled', jobId, ...(runAt === undefined ? {} : { runAt: runAt.toISOString() }) },
      };
    },
  }),
  ...(['pause', 'resume', 'cancel'] as const).map((action) =>
    defineApiRoute({
      operationId: `${action}Campaign`,
      method: 'post',
      path: `/api/v1/regions/{regionId}/campaigns/{campaignId}/${action}`,
      summary: {
        pause: 'Pause sending (takes effect within about a second)',
        resume: 'Resume a paused campaign where it stopped',
        cancel: 'Cancel a campaign for good; what was sent stays recorded',
      }[action],
      tags: TAGS,
      params: CampaignParams,
      responses: { 202: { description: 'Done', schema: AcceptedView } },
      async handler({ params, web }) {
        await requireCampaign(web, params.regionId, params.campaignId);
        const producer = web.deps.producer;
        const run = {
          pause: producer.pauseCampaign,
          resume: producer.resumeCampaign,
          cancel: producer.cancelCampaign,
        }[action];
        await run.call(producer, params.regionId, params.campaignId);
        const campaign = await requireCampaign(web, params.regionId, params.campaignId);
        return { status: 202, json: { status: campaign.status } };
      },
    }),
  ),
  defineApiRoute({
    operationId: 'sendCampaignTest',
    method: 'post',
    path: '/api/v1/regions/{regionId}/campaigns/{campaignId}/test',
    summary: 'Send the test variant of a campaign to one address',
    tags: TAGS,
    params: CampaignParams,
    body: { schema: TestSendBody, contentType: 'application/json', maxBytes: JSON_BODY },
    responses: { 202: { description: 'Queued', schema: AcceptedView } },
    async handler({ params, body, token, web }) {
      await requireCampaign(web, params.regionId, params.campaignId);
      const { jobId } = await sendTestMail(
        { store: web.deps.store, producer: web.deps.producer },
        {
          regionId: params.regionId,
          campaignId: params.campaignId,
          email: body.email,
          actor: actorOf(token),
        },
      );
      return { status: 202, json: { status: 'queued', jobId } };
    },
  }),
];
