// Message composition

// What a failure means
export type {
  SmtpAction,
  SmtpFailure,
  SmtpFailureRule,
  SmtpPhase,
  SmtpReplyClass,
} from './classify-smtp-error';
export {
  classifySmtpError,
  findSmtpFailureRule,
  SMTP_FAILURE_TABLE,
  SMTP_PHASES,
} from './classify-smtp-error';
export type { DkimSigner } from './dkim-signer';
export { createDkimSigner, DKIM_SIGNED_HEADERS } from './dkim-signer';
export type { MailAddress } from './encoded-word';
// Transports
export type { Envelope, MailTransport, OutgoingMessage, SmtpTransportOptions } from './mail-transport';
export { createCaptureTransport, createSmtpTransport, joinChunks } from './mail-transport';
export type {
  ComposedMessage,
  MessageRecipient,
  MessageTemplate,
  MessageTemplateInput,
  TemplatePart,
} from './message-template';
export { compileMessageTemplate } from './message-template';
export type { PipelinedSmtpOptions, SmtpTlsMode } from './smtp-client';
export { createPipelinedSmtpTransport, SmtpError, tlsModeOf } from './smtp-client';
