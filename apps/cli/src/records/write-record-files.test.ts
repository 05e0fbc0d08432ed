import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_REGIONS } from '@regiokit/core/examples';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordFile } from './parse-record-file';
import { IMPORT_KINDS } from './record-kinds';
import { writeRegionFiles } from './write-record-files';

describe('writeRegionFiles', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.each(
    EXAMPLE_REGIONS.map((b) => [b.region.id, b] as const),
  )('writes every record of %s so that parsing gives it back unchanged', async (_id, bundle) => {
    const dir = await mkdtemp(join(tmpdir(), 'regiokit-cli-files-'));
    dirs.push(dir);
    const files = await writeRegionFiles(bundle, dir, new Set(IMPORT_KINDS));
    const parsed = [];
    for (const file of files) {
      const result = parseRecordFile(file, await readFile(file, 'utf8'));
      expect(result.problems).toEqual([]);
      parsed.push(...result.records);
    }
    const original = [
      bundle.region,
      ...bundle.topics,
      ...bundle.lists,
      ...bundle.bodies,
      ...bundle.decisions,
      ...bundle.strategies,
      ...bundle.projects,
      ...bundle.grants,
      ...bundle.workshops,
      ...bundle.events,
      ...bundle.articles,
      ...bundle.newsletterIssues,
      ...bundle.pressReleases,
    ];
    expect(parsed.map((r) => r.data)).toEqual(original);
    expect(files.filter((f) => f.endsWith('.md')).length).toBe(
      bundle.newsletterIssues.length + bundle.pressReleases.length + bundle.articles.length,
    );
  });

  it('writes only the kinds asked for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regiokit-cli-files-'));
    dirs.push(dir);
    const [bundle] = EXAMPLE_REGIONS;
    const files = await writeRegionFiles(bundle!, dir, new Set(['region', 'topic'] as const));
    expect(files).toHaveLength(1 + bundle!.topics.length);
  });
});
