/**
 * Names of the worker's queues. Each queue's payload schema and processor live in its own file
 * beside this one; nobody else declares a queue name.
 */
export const QUEUE_NAMES = {
  /** Starting campaigns: lateness check, status, fan-out into batches. */
  campaigns: 'campaigns',
  /** Batches of recipients of a running campaign. */
  send: 'send',
  /** Opt-in and unsubscribe confirmations and test sends, ahead of bulk mail. */
  serviceMail: 'service-mail',
  /** Recurring digests per region. */
  digest: 'digest',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
