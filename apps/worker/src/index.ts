// Producer API: what the CLI and the web app call

export type { DkimConfig, WorkerConfig } from './config';
export { ConfigError, loadConfig, WorkerEnv } from './config';
export type { DkimSigner } from './mime/dkim-signer';
export { createDkimSigner, DKIM_SIGNED_HEADERS } from './mime/dkim-signer';
export type { MessageTemplate, MessageTemplateInput } from './mime/message-template';
export { compileMessageTemplate } from './mime/message-template';
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
export type { SmtpFailure } from './sending/classify-smtp-error';
export { classifySmtpError } from './sending/classify-smtp-error';
export type { DigestSource } from './sending/digest-source';
export { createStoreDigestSource } from './sending/digest-source';
// Transports and message composition
export type { Envelope, MailTransport, OutgoingMessage } from './sending/mail-transport';
export { createCaptureTransport, createSmtpTransport } from './sending/mail-transport';
// Store and content adapters
export type { SendingStore } from './sending/sending-store';
export { SharedRateLimiter } from './sending/shared-rate-limiter';
export { createPipelinedSmtpTransport, SmtpError } from './sending/smtp-client';
export { createStoreSendingStore } from './sending/store-sending-store';
export { createStoreTemplateSource, TemplateSourceError } from './sending/store-template-source';
export type { TemplateSource } from './sending/template-source';
// Running the worker
export type { RunningWorker, StartWorkerOptions } from './worker-runtime';
export { startWorker } from './worker-runtime';
