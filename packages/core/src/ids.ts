import { z } from 'zod';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Builds a branded slug schema: lower-case letters, digits and hyphens, 1–64 characters. */
function slug<B extends string>(_brand: B) {
  return z
    .string()
    .regex(SLUG, {
      error: (issue) =>
        `expected a slug (a-z, 0-9, "-", 1–64 characters), got ${JSON.stringify(issue.input)}`,
    })
    .brand<B>();
}

/** Id of a region, e.g. `kielregion`. */
export const RegionId = slug('RegionId');
export type RegionId = z.infer<typeof RegionId>;

/** Id of a body (Gremium), e.g. `lenkungsgruppe`. */
export const BodyId = slug('BodyId');
export type BodyId = z.infer<typeof BodyId>;

/** Id of a decision of a body. */
export const DecisionId = slug('DecisionId');
export type DecisionId = z.infer<typeof DecisionId>;

/** Id of a strategy document (REK, RWEK, IREK, LES). */
export const StrategyId = slug('StrategyId');
export type StrategyId = z.infer<typeof StrategyId>;

/** Id of a strategic goal (Leitlinie / strategisches Ziel) within a strategy. */
export const GoalId = slug('GoalId');
export type GoalId = z.infer<typeof GoalId>;

/** Id of a field of action (Handlungsfeld) within a strategy. */
export const FieldOfActionId = slug('FieldOfActionId');
export type FieldOfActionId = z.infer<typeof FieldOfActionId>;

/** Id of a project, e.g. `azubi-speed-dating`. */
export const ProjectId = slug('ProjectId');
export type ProjectId = z.infer<typeof ProjectId>;

/** Id of a grant (Förderung). */
export const GrantId = slug('GrantId');
export type GrantId = z.infer<typeof GrantId>;

/** Id of an event (Veranstaltung). */
export const EventId = slug('EventId');
export type EventId = z.infer<typeof EventId>;

/** Id of an article or news item. */
export const ArticleId = slug('ArticleId');
export type ArticleId = z.infer<typeof ArticleId>;

/** Id of a newsletter issue (Ausgabe). */
export const NewsletterIssueId = slug('NewsletterIssueId');
export type NewsletterIssueId = z.infer<typeof NewsletterIssueId>;

/** Id of a press release (Pressemitteilung). */
export const PressReleaseId = slug('PressReleaseId');
export type PressReleaseId = z.infer<typeof PressReleaseId>;

/** Id of a mailing list. */
export const ListId = slug('ListId');
export type ListId = z.infer<typeof ListId>;

/** Id of a topic a subscriber can choose. */
export const TopicId = slug('TopicId');
export type TopicId = z.infer<typeof TopicId>;

/** Id of a workshop (Workshop, Arbeitskreis-Sitzung). */
export const WorkshopId = slug('WorkshopId');
export type WorkshopId = z.infer<typeof WorkshopId>;

/** Id of a campaign: one newsletter issue or press release sent to one audience. */
export const CampaignId = slug('CampaignId');
export type CampaignId = z.infer<typeof CampaignId>;

/** Id of a subscriber; assigned by the store (a UUID). */
export const SubscriberId = z
  .uuid({ error: (i) => `expected a UUID, got ${JSON.stringify(i.input)}` })
  .brand<'SubscriberId'>();
export type SubscriberId = z.infer<typeof SubscriberId>;
