import { z } from 'zod';
import { QUEUE_NAMES } from './queue-names';

/** Payload of a start job: begin (or resume) sending a campaign. */
export const StartCampaignJob = z.object({
  regionId: z.string().min(1),
  campaignId: z.string().min(1),
  /** When the send was planned (ISO instant); absent for "now" and resume. */
  scheduledFor: z.iso.datetime({ offset: true }).optional(),
  /** Set by resume: the campaign is `sending` already. */
  resume: z.boolean().default(false),
});
export type StartCampaignJob = z.input<typeof StartCampaignJob>;

/** Queue of start jobs (one per planned send; recurring plans through a job scheduler). */
export const CAMPAIGN_QUEUE = QUEUE_NAMES.campaigns;
