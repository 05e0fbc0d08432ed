import { z } from 'zod';
import { Image, IsoDate, Line, Text, WebUrl } from './common';
import { ArticleId, ProjectId, RegionId, TopicId } from './ids';

/** Artikel / Meldung: a news item of the region's blog or website. */
export const Article = z.object({
  id: ArticleId,
  regionId: RegionId,
  title: Line,
  publishedOn: IsoDate,
  teaser: Text,
  body: Text.optional(),
  url: WebUrl.optional(),
  image: Image.optional(),
  projectIds: z.array(ProjectId).default([]),
  topics: z.array(TopicId).default([]),
  /** Remarks, e.g. which details are unverified. */
  note: z.string().optional(),
});
export type Article = z.infer<typeof Article>;
