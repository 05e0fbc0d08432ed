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

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Range of each cron field and the names it accepts (JAN = 1, SUN = 0; 7 is Sunday too). */
const CRON_FIELDS: readonly { min: number; max: number; names: readonly string[]; offset: number }[] = [
  { min: 0, max: 59, names: [], offset: 0 },
  { min: 0, max: 23, names: [], offset: 0 },
  { min: 1, max: 31, names: [], offset: 0 },
  { min: 1, max: 12, names: MONTH_NAMES, offset: 1 },
  { min: 0, max: 7, names: WEEKDAY_NAMES, offset: 0 },
];

/** Whether one cron field (`*`, `5`, `1-5`, `*\/15`, `MON-FRI`, `1,15`) is valid for its range. */
function isValidCronField(field: string, spec: (typeof CRON_FIELDS)[number]): boolean {
  const value = (token: string): number | undefined => {
    if (/^\d+$/.test(token)) return Number(token);
    const named = spec.names.indexOf(token.toUpperCase());
    return named === -1 ? undefined : named + spec.offset;
  };
  return field.split(',').every((part) => {
    const match = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part);
    if (match === null) return false;
    const [, range = '', step] = match;
    if (step !== undefined && Number(step) < 1) return false;
    if (range === '*') return true;
    const [lo, hi] = range.split('-').map(value);
    if (lo === undefined || lo < spec.min || lo > spec.max) return false;
    if (range.includes('-')) return hi !== undefined && hi >= lo && hi <= spec.max;
    return true;
  });
}

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week), e.g. `0 9 * * 2` for
 * Tuesdays at 09:00. Each field is checked against its range; month and weekday names are allowed.
 */
export const CronExpression = z
  .string()
  .trim()
  .refine(
    (s) => {
      const fields = s.split(/\s+/);
      return fields.length === 5 && fields.every((f, i) => isValidCronField(f, CRON_FIELDS[i]!));
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
