import { z } from 'zod';
import { Audience } from './audience';
import { Instant, Line, TimeZone } from './common';
import { CampaignId, NewsletterIssueId, PressReleaseId, RegionId } from './ids';
import { defineLifecycle } from './lifecycle';

/** What a campaign sends: a newsletter issue or a press release. */
export const CampaignContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('newsletter'), issueId: NewsletterIssueId }),
  z.object({ kind: z.literal('press-release'), pressReleaseId: PressReleaseId }),
]);
export type CampaignContent = z.infer<typeof CampaignContent>;

const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$|^[A-Za-z]{3}(-[A-Za-z]{3})?$/;

/** A five-field cron expression (minute hour day-of-month month day-of-week), e.g. `0 9 * * 2`. */
export const CronExpression = z
  .string()
  .trim()
  .refine(
    (s) => {
      const fields = s.split(/\s+/);
      return fields.length === 5 && fields.every((f) => CRON_FIELD.test(f));
    },
    {
      error: (i) =>
        `expected a cron expression with five fields (minute hour day month weekday), got ${JSON.stringify(i.input)}`,
    },
  );
export type CronExpression = z.infer<typeof CronExpression>;

/** When a campaign is sent: now, at an instant, or recurring by cron in a time zone. */
export const TimePlan = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  z.object({
    kind: z.literal('at'),
    at: Instant,
    /** Time zone the staff member meant (for display); the instant itself is absolute. */
    timeZone: TimeZone.default('Europe/Berlin'),
  }),
  z.object({
    kind: z.literal('recurring'),
    cron: CronExpression,
    timeZone: TimeZone.default('Europe/Berlin'),
  }),
]);
export type TimePlan = z.infer<typeof TimePlan>;

/**
 * Status of a campaign: draft → scheduled → sending ⇄ paused → sent / cancelled / failed; a
 * schedule missed beyond the allowed lateness ends as `missed`.
 */
export const CampaignStatus = z.enum([
  'draft',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'cancelled',
  'failed',
  'missed',
]);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** Allowed campaign status transitions. */
export const CAMPAIGN_LIFECYCLE = defineLifecycle<CampaignStatus>('campaign', {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['draft', 'sending', 'paused', 'cancelled', 'missed'],
  sending: ['paused', 'sent', 'cancelled', 'failed'],
  paused: ['sending', 'scheduled', 'cancelled'],
  sent: [],
  cancelled: [],
  failed: [],
  missed: [],
});

/** Kampagne: one newsletter issue or press release, one audience, one time plan. */
export const Campaign = z.object({
  id: CampaignId,
  regionId: RegionId,
  name: Line,
  content: CampaignContent,
  audience: Audience,
  plan: TimePlan,
  status: CampaignStatus.default('draft'),
  createdAt: Instant,
  updatedAt: Instant,
  /** Reason when `failed` or `missed`. */
  statusReason: z.string().optional(),
});
export type Campaign = z.infer<typeof Campaign>;
