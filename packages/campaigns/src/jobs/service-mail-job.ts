import { Language, Salutation } from '@regiokit/core';
import { z } from 'zod';
import { QUEUE_NAMES } from './queue-names';

const Url = z.url({
  protocol: /^https?$/,
  error: (i) => `expected an http(s) URL, got ${JSON.stringify(i.input)}`,
});
const Recipient = {
  regionId: z.string().min(1),
  subscriberId: z.string().min(1),
  email: z.email(),
  language: Language.default('de'),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  salutation: Salutation.optional(),
};

/** Payload of a service mail job. */
export const ServiceMailJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('double-opt-in'), ...Recipient, confirmUrl: Url }),
  z.object({ kind: z.literal('unsubscribe-confirmation'), ...Recipient, resubscribeUrl: Url.optional() }),
  z.object({
    kind: z.literal('test'),
    regionId: z.string().min(1),
    campaignId: z.string().min(1),
    email: z.email(),
  }),
]);
export type ServiceMailJob = z.input<typeof ServiceMailJob>;

/** Queue of service mails; its worker takes rate-limit tokens ahead of bulk mail. */
export const SERVICE_MAIL_QUEUE = QUEUE_NAMES.serviceMail;
