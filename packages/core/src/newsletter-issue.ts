import { z } from 'zod';
import { Image, Instant, IsoDate, Language, Line, LinkUrl, Text, WebUrl } from './common';
import { ArticleId, EventId, GrantId, NewsletterIssueId, ProjectId, RegionId, TopicId } from './ids';
import { Money } from './money';
import { ProjectStatus } from './project-status';
import { PublicationState } from './publication';

/** A news item in a newsletter section (Meldung). */
export const ArticleItem = z.object({
  kind: z.literal('article'),
  title: Line,
  text: Text,
  url: LinkUrl.optional(),
  linkLabel: Line.optional(),
  image: Image.optional(),
  articleId: ArticleId.optional(),
});
export type ArticleItem = z.infer<typeof ArticleItem>;

/** Projekt-Update: news on a project, with its field of action and status. */
export const ProjectUpdateItem = z.object({
  kind: z.literal('project-update'),
  title: Line,
  text: Text,
  projectId: ProjectId.optional(),
  /** Label of the field of action, e.g. `B – Arbeitsmarkt & Bildung`. */
  fieldOfAction: Line.optional(),
  status: ProjectStatus.optional(),
  url: LinkUrl.optional(),
  image: Image.optional(),
});
export type ProjectUpdateItem = z.infer<typeof ProjectUpdateItem>;

/** Termin: an event with date, place and registration link. */
export const EventItem = z.object({
  kind: z.literal('event'),
  title: Line,
  startsAt: Instant,
  endsAt: Instant.optional(),
  place: Line,
  text: Text.optional(),
  registrationUrl: WebUrl.optional(),
  eventId: EventId.optional(),
  image: Image.optional(),
});
export type EventItem = z.infer<typeof EventItem>;

/** Förderaufruf: a call for Regionalbudget (or other) applications with a deadline. */
export const FundingCallItem = z.object({
  kind: z.literal('funding-call'),
  title: Line,
  text: Text,
  /** Last day to apply. */
  deadline: IsoDate,
  /** Maximum grant per project, if stated. */
  maxGrant: Money.optional(),
  url: WebUrl.optional(),
  image: Image.optional(),
  /** The grant (e.g. a Regionalbudget) the call belongs to. */
  grantId: GrantId.optional(),
});
export type FundingCallItem = z.infer<typeof FundingCallItem>;

/** One item of a newsletter section. */
export const NewsletterItem = z.discriminatedUnion('kind', [
  ArticleItem,
  ProjectUpdateItem,
  EventItem,
  FundingCallItem,
]);
export type NewsletterItem = z.infer<typeof NewsletterItem>;

/** A section of a newsletter issue, e.g. "Aus den Projekten" or "Termine". */
export const NewsletterSection = z.object({
  heading: Line,
  /** Optional introduction of the section. */
  intro: Text.optional(),
  items: z.array(NewsletterItem).min(1, { error: 'expected at least one item in a section' }),
});
export type NewsletterSection = z.infer<typeof NewsletterSection>;

/** Grußwort: the editorial at the top of an issue. */
export const Editorial = z.object({
  heading: Line.optional(),
  text: Text,
  author: Line,
  authorRole: Line.optional(),
  image: Image.optional(),
});
export type Editorial = z.infer<typeof Editorial>;

/** Newsletter-Ausgabe: one issue of a region's newsletter. */
export const NewsletterIssue = z.object({
  id: NewsletterIssueId,
  regionId: RegionId,
  language: Language.default('de'),
  /** Issue label, e.g. `Ausgabe 4/2026`. */
  label: Line.optional(),
  /** Day of publication. */
  date: IsoDate,
  subject: Line.max(200),
  /** Preview text shown by mail clients after the subject. */
  preheader: Line.max(200).optional(),
  heroImage: Image.optional(),
  editorial: Editorial.optional(),
  sections: z.array(NewsletterSection).min(1, { error: 'expected at least one section' }),
  topics: z.array(TopicId).default([]),
  /**
   * Veröffentlichungsstatus. A record file may set it; without it an imported issue is a `draft`
   * (and a stored one keeps its state). The store always returns it.
   */
  publication: PublicationState.optional(),
});
export type NewsletterIssue = z.infer<typeof NewsletterIssue>;
