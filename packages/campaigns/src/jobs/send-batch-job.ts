import { z } from 'zod';
import { QUEUE_NAMES } from './queue-names';

/** Payload of a batch job: one page of the audience of one run of a campaign. */
export const SendBatchJob = z.object({
  regionId: z.string().min(1),
  campaignId: z.string().min(1),
  /** The run (start job) that made this batch. */
  runId: z.string().min(1),
  index: z.int().nonnegative(),
  /** Last id of the page before (keyset pagination), absent for the first page. */
  after: z.string().optional(),
  subscriberIds: z.array(z.string().min(1)).min(1),
});
export type SendBatchJob = z.infer<typeof SendBatchJob>;

/** Queue of batch jobs. */
export const SEND_QUEUE = QUEUE_NAMES.send;

/** The deterministic job id of batch `index` of a run. */
export function formatBatchJobId(regionId: string, campaignId: string, runId: string, index: number): string {
  return `${regionId}.${campaignId}.${runId}.${index}`;
}
