// Producer API: what the CLI and the web app call

// Transports and message composition
export type {
  DkimSigner,
  Envelope,
  MailTransport,
  MessageTemplate,
  MessageTemplateInput,
  OutgoingMessage,
  SmtpFailure,
} from '@regiokit/smtp';
export {
  classifySmtpError,
  compileMessageTemplate,
  createCaptureTransport,
  createDkimSigner,
  createPipelinedSmtpTransport,
  createSmtpTransport,
  DKIM_SIGNED_HEADERS,
  SmtpError,
} from '@regiokit/smtp';
export type { DkimConfig, WorkerConfig } from './config';
export { ConfigError, loadConfig, WorkerEnv } from './config';
export { checkEvictionPolicy } from './process/check-redis';
export type { Producer, ProducerOptions } from './producer';
export { createProducer, ProducerError, WORKER_QUEUES } from './producer';
export { CAMPAIGN_QUEUE, StartCampaignJob } from './queues/campaign-queue';
export { DIGEST_QUEUE, DigestJob } from './queues/digest-queue';
// Queues and job payloads, declared beside their processors
export type { QueueName } from './queues/queue-names';
export { QUEUE_NAMES } from './queues/queue-names';
export { formatBatchJobId, SEND_QUEUE, SendBatchJob } from './queues/send-queue';
export { SERVICE_MAIL_QUEUE, ServiceMailJob } from './queues/service-mail-queue';
export type { WorkerProcess } from './run-worker';
export { runWorker } from './run-worker';
export type { DigestSource } from './sending/digest-source';
export { createStoreDigestSource } from './sending/digest-source';
// Store and content adapters
export type { SendingStore } from './sending/sending-store';
export { SharedRateLimiter } from './sending/shared-rate-limiter';
export { createStoreSendingStore } from './sending/store-sending-store';
export { createStoreTemplateSource, TemplateSourceError } from './sending/store-template-source';
export type { TemplateSource } from './sending/template-source';
// Running the worker
export type { RunningWorker, StartWorkerOptions } from './worker-runtime';
export { startWorker } from './worker-runtime';
