import { z } from 'zod';
import { Language, Line, Text } from './common';
import { ListId, RegionId, TopicId } from './ids';

/** A topic a subscriber can choose (Thema), e.g. `fachkraefte`, `regionalbudget`. */
export const Topic = z.object({
  id: TopicId,
  regionId: RegionId,
  name: Line,
  nameEn: Line.optional(),
  description: Text.optional(),
});
export type Topic = z.infer<typeof Topic>;

/** Kind of a mailing list: the newsletter, or press releases for journalists. */
export const ListKind = z.enum(['newsletter', 'press']);
export type ListKind = z.infer<typeof ListKind>;

/** Verteiler: a mailing list of a region. */
export const MailingList = z.object({
  id: ListId,
  regionId: RegionId,
  kind: ListKind,
  name: Line,
  description: Text.optional(),
  language: Language.default('de'),
  /** Topics a subscriber of this list can choose. */
  topics: z.array(TopicId).default([]),
});
export type MailingList = z.infer<typeof MailingList>;

/** A newsletter issue or a press release, named by kind and id (what a campaign sends). */
export const ContentKey = z.object({
  kind: z.enum(['newsletter', 'press-release']),
  id: z.string().min(1),
});
export type ContentKey = z.infer<typeof ContentKey>;

/**
 * Who a campaign goes to: the active subscribers of a list, optionally only those who chose at
 * least one of `topics`. With `notReceived`, only those who have not yet received that issue or
 * press release in another campaign (a send-again to the rest of a list).
 */
export const Audience = z.object({
  listId: ListId,
  topics: z.array(TopicId).default([]),
  notReceived: ContentKey.optional(),
});
export type Audience = z.infer<typeof Audience>;
