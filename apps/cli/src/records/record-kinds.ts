import { RECORD_SCHEMAS, type RecordName } from '@regiokit/core';

/** The kinds of record a file may hold (`record: <kind>`); campaigns, subscribers and consent are not authored as files. */
export const IMPORT_KINDS = [
  'region',
  'topic',
  'mailing-list',
  'body',
  'decision',
  'strategy',
  'project',
  'grant',
  'workshop',
  'event',
  'article',
  'newsletter-issue',
  'press-release',
] as const satisfies readonly RecordName[];
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Whether `value` names a kind of record that can be imported. */
export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** The core schema of each kind. */
export function schemaOfKind(kind: ImportKind) {
  return RECORD_SCHEMAS[kind];
}

/** Folder names that imply the kind of the files in them, so `projects/x.yaml` needs no `record:` line. */
export const FOLDER_KINDS: Readonly<Record<string, ImportKind>> = {
  regions: 'region',
  topics: 'topic',
  lists: 'mailing-list',
  'mailing-lists': 'mailing-list',
  bodies: 'body',
  decisions: 'decision',
  strategies: 'strategy',
  projects: 'project',
  grants: 'grant',
  workshops: 'workshop',
  events: 'event',
  articles: 'article',
  newsletters: 'newsletter-issue',
  'newsletter-issues': 'newsletter-issue',
  'press-releases': 'press-release',
};

/**
 * The field a Markdown file's body fills, per kind: the text after the front matter becomes the
 * press release's body, the article's body, the newsletter's editorial, and so on.
 */
export const MARKDOWN_BODY_FIELD: Readonly<Partial<Record<ImportKind, readonly string[]>>> = {
  'press-release': ['body'],
  article: ['body'],
  'newsletter-issue': ['editorial', 'text'],
  event: ['description'],
  project: ['description'],
  strategy: ['vision'],
  body: ['description'],
  decision: ['text'],
};

/**
 * Order of writing: what others refer to comes first (regions, then topics, then lists that name
 * topics, …).
 */
export function rankOfKind(kind: ImportKind): number {
  return IMPORT_KINDS.indexOf(kind);
}
