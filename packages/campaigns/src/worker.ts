// @regiokit/campaigns/worker: the sending process. Processors of every queue, the worker
// runtime, the worker's configuration, and the adapters it runs on. Loaded by apps/worker (and
// by `regiokit demo`, which runs a worker in its own process); never by the web process.

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
export { createLogger } from './process/logger';
export type { WorkerProcess } from './run-worker';
export { runWorker } from './run-worker';
export type { DigestSource } from './sending/digest-source';
export { createStoreDigestSource } from './sending/digest-source';
export { SharedRateLimiter } from './sending/shared-rate-limiter';
export { createStoreSendingStore } from './sending/store-sending-store';
export { createStoreTemplateSource, TemplateSourceError } from './sending/store-template-source';
export type { TemplateSource } from './sending/template-source';
export type { RunningWorker, StartWorkerOptions } from './worker-runtime';
export { startWorker } from './worker-runtime';
