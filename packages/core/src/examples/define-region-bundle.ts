import type { z } from 'zod';
import { Article } from '../article';
import { MailingList, Topic } from '../audience';
import { Body } from '../body';
import { Decision } from '../decision';
import { Event } from '../event';
import { Grant } from '../funding';
import { NewsletterIssue } from '../newsletter-issue';
import { PressRelease } from '../press-release';
import { Project } from '../project';
import { Region } from '../region';
import { checkRegionBundle, type RegionBundle } from '../region-bundle';
import { Strategy } from '../strategy';
import { formatFieldErrors, toFieldErrors } from '../validation';
import { Workshop } from '../workshop';

/** A region bundle as written by hand: every record in the input form of its schema. */
export interface RegionBundleInput {
  region: z.input<typeof Region>;
  bodies: z.input<typeof Body>[];
  decisions: z.input<typeof Decision>[];
  strategies: z.input<typeof Strategy>[];
  projects: z.input<typeof Project>[];
  grants: z.input<typeof Grant>[];
  events: z.input<typeof Event>[];
  articles: z.input<typeof Article>[];
  lists: z.input<typeof MailingList>[];
  topics: z.input<typeof Topic>[];
  newsletterIssues: z.input<typeof NewsletterIssue>[];
  pressReleases: z.input<typeof PressRelease>[];
  workshops: z.input<typeof Workshop>[];
}

/** Parses one record, or throws an error naming the region, the record and the field. */
function parseRecord<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = toFieldErrors(result.error).map((e) => ({
    ...e,
    path: e.path === '' ? where : `${where}.${e.path}`,
  }));
  throw new Error(`invalid example record:\n${formatFieldErrors(lines)}`, { cause: result.error });
}

function parseAll<S extends z.ZodType>(schema: S, inputs: readonly unknown[], where: string): z.output<S>[] {
  return inputs.map((input, i) => parseRecord(schema, input, `${where}[${i}]`));
}

/**
 * Parses every record of a hand-written bundle through its schema and checks the references
 * between them, so an example can only exist if it is valid.
 */
export function defineRegionBundle(input: RegionBundleInput): RegionBundle {
  const name = typeof input.region.id === 'string' ? input.region.id : 'region';
  const bundle: RegionBundle = {
    region: parseRecord(Region, input.region, `${name}.region`),
    bodies: parseAll(Body, input.bodies, `${name}.bodies`),
    decisions: parseAll(Decision, input.decisions, `${name}.decisions`),
    strategies: parseAll(Strategy, input.strategies, `${name}.strategies`),
    projects: parseAll(Project, input.projects, `${name}.projects`),
    grants: parseAll(Grant, input.grants, `${name}.grants`),
    events: parseAll(Event, input.events, `${name}.events`),
    articles: parseAll(Article, input.articles, `${name}.articles`),
    lists: parseAll(MailingList, input.lists, `${name}.lists`),
    topics: parseAll(Topic, input.topics, `${name}.topics`),
    newsletterIssues: parseAll(NewsletterIssue, input.newsletterIssues, `${name}.newsletterIssues`),
    pressReleases: parseAll(PressRelease, input.pressReleases, `${name}.pressReleases`),
    workshops: parseAll(Workshop, input.workshops, `${name}.workshops`),
  };
  const errors = checkRegionBundle(bundle);
  if (errors.length > 0) {
    throw new Error(
      `invalid example references:\n${formatFieldErrors(errors.map((e) => ({ ...e, path: `${name}.${e.path}` })))}`,
    );
  }
  return bundle;
}
