import type { z } from 'zod';
import { Article } from './article';
import { MailingList, Topic } from './audience';
import { Body } from './body';
import { Campaign } from './campaign';
import { ConsentRecord } from './consent';
import { Decision } from './decision';
import { Event } from './event';
import { Grant } from './funding';
import { NewsletterIssue } from './newsletter-issue';
import { PressRelease } from './press-release';
import { Project } from './project';
import { Region } from './region';
import { Strategy } from './strategy';
import { Subscriber } from './subscriber';
import { Workshop } from './workshop';

/**
 * The top-level records by kebab-case name. The package ships a JSON Schema for each as
 * `@regiokit/core/schemas/<name>.schema.json`, generated from these zod schemas at build time.
 *
 * @example RECORD_SCHEMAS['press-release'].safeParse(json)
 */
export const RECORD_SCHEMAS = {
  region: Region,
  body: Body,
  decision: Decision,
  strategy: Strategy,
  project: Project,
  grant: Grant,
  workshop: Workshop,
  event: Event,
  article: Article,
  'newsletter-issue': NewsletterIssue,
  'press-release': PressRelease,
  topic: Topic,
  'mailing-list': MailingList,
  subscriber: Subscriber,
  'consent-record': ConsentRecord,
  campaign: Campaign,
} as const satisfies Record<string, z.ZodType>;

/** Name of a top-level record, e.g. `press-release`. */
export type RecordName = keyof typeof RECORD_SCHEMAS;
