import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FOLDER_KINDS, type ImportKind } from './record-kinds';

const RECORD_FILE = /\.(ya?ml|json|md|markdown)$/i;

/** A file to import, with what its place in the folder tree implies. */
export interface RecordFileRef {
  readonly path: string;
  /** Kind implied by the folder name (`projects/` → project). */
  readonly folderKind: ImportKind | undefined;
}

/**
 * The record files at `path`: the file itself, or every `.yaml`, `.yml`, `.json`, `.md` below the
 * folder (hidden files and folders skipped), sorted. Undefined when nothing is at `path`.
 */
export async function findRecordFiles(path: string): Promise<RecordFileRef[] | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return undefined;
  if (info.isFile()) return [{ path, folderKind: FOLDER_KINDS[basename(dirname(path))] }];
  const files: RecordFileRef[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && RECORD_FILE.test(entry.name)) {
        files.push({ path: full, folderKind: FOLDER_KINDS[basename(dir)] });
      }
    }
  };
  await walk(path);
  return files;
}
