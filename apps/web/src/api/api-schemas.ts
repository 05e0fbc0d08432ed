import {
  Campaign,
  CampaignId,
  CronExpression,
  Email,
  Instant,
  Language,
  Line,
  ListId,
  NewsletterIssueId,
  PressReleaseId,
  RegionId,
  TimeZone,
  TopicId,
} from '@regiokit/core';
import { z } from 'zod';
import { UNSAFE_TEXT } from '../http/form-body';

/**
 * Request schemas of the API. They mirror core's schemas, but strict: an unknown field is an
 * error that names it, never silently dropped.
 */

/** One line of text without control characters, markup or merge-field braces. */
export function safeLine(max: number) {
  return Line.max(max).refine((s) => !UNSAFE_TEXT.test(s), {
    error: 'expected plain text without < > { } or control characters',
  });
}

export const RegionParams = z.strictObject({ regionId: RegionId });
export const CampaignParams = z.strictObject({ regionId: RegionId, campaignId: CampaignId });

/** When to send: now, at an instant (with offset), or recurring by cron in a time zone. */
export const TimePlanInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('now') }),
  z.strictObject({ kind: z.literal('at'), at: Instant, timeZone: TimeZone.optional() }),
  z.strictObject({ kind: z.literal('recurring'), cron: CronExpression, timeZone: TimeZone.optional() }),
]);

export const CampaignContentInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('newsletter'), issueId: NewsletterIssueId }),
  z.strictObject({ kind: z.literal('press-release'), pressReleaseId: PressReleaseId }),
]);

export const AudienceInput = z.strictObject({
  listId: ListId,
  topics: z.array(TopicId).max(100).default([]),
});

export const CreateCampaignBody = z.strictObject({
  id: CampaignId,
  name: safeLine(200),
  content: CampaignContentInput,
  audience: AudienceInput,
  plan: TimePlanInput.default({ kind: 'now' }),
  /** The same content to the same audience again; without it such a campaign is refused (409). */
  again: z.boolean().optional(),
  /** With `again`: to everyone, not only to those who did not receive it yet. */
  everyone: z.boolean().optional(),
});

export const ScheduleCampaignBody = z.strictObject({
  /** Replaces the campaign's plan before scheduling; without it the stored plan is used. */
  plan: TimePlanInput.optional(),
});

export const CampaignListQuery = z.strictObject({
  status: z
    .enum(['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled', 'failed', 'missed'])
    .optional(),
});

export const TestSendBody = z.strictObject({ email: Email.max(254) });

/** Progress of a campaign from the send ledger. */
export const CampaignProgressView = z.object({
  total: z.int(),
  claimed: z.int(),
  sent: z.int(),
  failedTemporary: z.int(),
  failedPermanent: z.int(),
  skipped: z.int(),
  stalled: z.int(),
  perMinute: z.array(
    z.object({
      minute: z.string(),
      sent: z.int(),
      failedTemporary: z.int(),
      failedPermanent: z.int(),
      skipped: z.int(),
    }),
  ),
});

export const CampaignView = z.object({ campaign: Campaign, progress: CampaignProgressView.optional() });
export const CampaignListView = z.object({ campaigns: z.array(Campaign) });

export const PreviewBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('newsletter'),
    issueId: NewsletterIssueId,
    language: Language.optional(),
    testSend: z.boolean().default(false),
  }),
  z.strictObject({
    kind: z.literal('press-release'),
    pressReleaseId: PressReleaseId,
    language: Language.optional(),
    testSend: z.boolean().default(false),
  }),
]);
export const PreviewView = z.object({
  subject: z.string(),
  preheader: z.string(),
  html: z.string(),
  text: z.string(),
  htmlBytes: z.int(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const AcceptedView = z.object({
  status: z.string(),
  jobId: z.string().optional(),
  runAt: z.string().optional(),
});
