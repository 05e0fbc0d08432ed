// @regiokit/campaigns: the campaign lifecycle. This entry is what the CLI, the web API and the
// Studio load: queue names, job payloads, the producer and the store adapter. It loads no
// processor; the sending process itself is `@regiokit/campaigns/worker`.

export { DIGEST_QUEUE, DigestJob } from './jobs/digest-job';
export type { QueueName } from './jobs/queue-names';
export { QUEUE_NAMES } from './jobs/queue-names';
export { formatBatchJobId, SEND_QUEUE, SendBatchJob } from './jobs/send-batch-job';
export { SERVICE_MAIL_QUEUE, ServiceMailJob } from './jobs/service-mail-job';
export { CAMPAIGN_QUEUE, StartCampaignJob } from './jobs/start-campaign-job';
export { checkEvictionPolicy } from './process/check-redis';
export type { Producer, ProducerOptions } from './producer';
export { createProducer, ProducerError, WORKER_QUEUES } from './producer';
export type { CampaignProgress, SendingStore } from './sending/sending-store';
export { createStoreSendingStore } from './sending/store-sending-store';
