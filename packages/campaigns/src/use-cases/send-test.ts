import type { Store } from '@regiokit/store';
import type { Producer } from '../producer';

/**
 * Sends the test variant of a campaign (also a draft) to one address through the service-mail
 * queue, and records who asked for it in the audit log: the one implementation the CLI and the
 * API call.
 */
export async function sendTestMail(
  deps: { store: Store; producer: Pick<Producer, 'sendTest'> },
  input: { regionId: string; campaignId: string; email: string; actor: string },
): Promise<{ jobId: string }> {
  const { jobId } = await deps.producer.sendTest(input.regionId, input.campaignId, input.email);
  await deps.store.audit.record({
    actor: input.actor,
    action: 'campaign.test-sent',
    regionId: input.regionId,
    target: `campaign:${input.regionId}/${input.campaignId}`,
  });
  return { jobId };
}
