import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Store } from '@regiokit/store';

/**
 * The ids of the regions in the store. The store lists records per region only, so the CLI keeps
 * the ids it imported in `<data dir>/regions.json` and checks each against the store; it goes
 * away once the store can list all regions (see notes/cli-needs.md).
 */
export async function listRegionIds(store: Store, dataDir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const id of await readIndex(dataDir)) {
    if ((await store.records.get('region', id, id)) !== undefined) ids.push(id);
  }
  return ids;
}

/** Remembers imported region ids (see {@link listRegionIds}). */
export async function rememberRegionIds(dataDir: string, ids: readonly string[]): Promise<void> {
  const known = new Set(await readIndex(dataDir));
  const before = known.size;
  for (const id of ids) known.add(id);
  if (known.size === before) return;
  const file = indexFile(dataDir);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify([...known].sort(), null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

function indexFile(dataDir: string): string {
  return join(dataDir, 'regions.json');
}

async function readIndex(dataDir: string): Promise<string[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(indexFile(dataDir), 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
