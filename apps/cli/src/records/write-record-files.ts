import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RegionBundle } from '@regiokit/core';
import { stringify } from 'yaml';
import { type ImportKind, MARKDOWN_BODY_FIELD } from './record-kinds';

/** Kinds written as Markdown with front matter; the rest as YAML. */
const MARKDOWN_KINDS: ReadonlySet<ImportKind> = new Set(['newsletter-issue', 'press-release', 'article']);

const COLLECTIONS: readonly [Exclude<keyof RegionBundle, 'region'>, ImportKind, string][] = [
  ['topics', 'topic', 'topics'],
  ['lists', 'mailing-list', 'lists'],
  ['bodies', 'body', 'bodies'],
  ['decisions', 'decision', 'decisions'],
  ['strategies', 'strategy', 'strategies'],
  ['projects', 'project', 'projects'],
  ['grants', 'grant', 'grants'],
  ['workshops', 'workshop', 'workshops'],
  ['events', 'event', 'events'],
  ['articles', 'article', 'articles'],
  ['newsletterIssues', 'newsletter-issue', 'newsletters'],
  ['pressReleases', 'press-release', 'press-releases'],
];

/**
 * Writes a region's records as files that `regiokit import` reads back: `region.yaml`, then one
 * file per record in a folder per kind (`projects/<id>.yaml`, `press-releases/<id>.md`, …).
 * Newsletter issues, press releases and articles become Markdown with front matter. Only `kinds`
 * are written. Returns the paths written.
 */
export async function writeRegionFiles(
  bundle: RegionBundle,
  dir: string,
  kinds: ReadonlySet<ImportKind>,
): Promise<string[]> {
  const written: string[] = [];
  const write = async (path: string, text: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    written.push(path);
  };
  if (kinds.has('region')) await write(join(dir, 'region.yaml'), formatYamlRecord('region', bundle.region));
  for (const [collection, kind, folder] of COLLECTIONS) {
    if (!kinds.has(kind)) continue;
    for (const record of bundle[collection]) {
      const markdown = MARKDOWN_KINDS.has(kind);
      const text = markdown ? formatMarkdownRecord(kind, record) : formatYamlRecord(kind, record);
      await write(join(dir, folder, `${record.id}.${markdown ? 'md' : 'yaml'}`), text);
    }
  }
  return written;
}

/** One record as YAML with its kind first. */
export function formatYamlRecord(kind: ImportKind, record: object): string {
  return stringify({ record: kind, ...record }, { lineWidth: 100 });
}

/** One record as Markdown: the kind's text field as the body, everything else as front matter. */
export function formatMarkdownRecord(kind: ImportKind, record: object): string {
  const field = MARKDOWN_BODY_FIELD[kind];
  const front = structuredClone({ record: kind, ...record }) as Record<string, unknown>;
  let body = '';
  if (field !== undefined) {
    let parent: Record<string, unknown> | undefined = front;
    for (const key of field.slice(0, -1)) {
      const next: unknown = parent?.[key];
      parent = next !== null && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
    }
    const last = field[field.length - 1] as string;
    if (parent !== undefined && typeof parent[last] === 'string') {
      body = parent[last] as string;
      delete parent[last];
    }
  }
  return `---\n${stringify(front, { lineWidth: 100 })}---\n\n${body}\n`;
}
