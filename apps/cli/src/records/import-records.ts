import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import { formatPath } from '@regiokit/core';
import type { Store, StoreError } from '@regiokit/store';
import { createSystemError } from '../cli-error';
import type { Messages } from '../i18n/messages';
import { describeActor } from '../services/campaigns';
import type { RecordFileRef } from './find-record-files';
import { type FileProblem, type ParsedFile, type ParsedRecord, parseRecordFile } from './parse-record-file';
import { type ImportKind, rankOfKind } from './record-kinds';
import { getRecordTarget, listStorableKinds } from './record-target';

/** What happened to one record. */
export type RecordResult = 'created' | 'updated' | 'unchanged' | 'checked';

/** The outcome for one file: its records with their result, or its problems (then nothing was written). */
export interface FileOutcome {
  readonly file: string;
  readonly records: readonly {
    kind: ImportKind;
    regionId: string;
    id: string;
    line: number;
    result: RecordResult;
  }[];
  readonly problems: readonly FileProblem[];
}

/** Options of {@link importRecordFiles}. */
export interface ImportOptions {
  readonly store: Store;
  readonly dataDir: string;
  readonly messages: Messages;
  /** Region of records without `regionId` (else the region of a `region.yaml` in the same or a parent folder). */
  readonly regionId?: string | undefined;
  /** Check only. */
  readonly dryRun?: boolean;
  /** Base for the file names in the report. */
  readonly cwd: string;
}

/**
 * Imports record files: parses and validates every file, checks what the files refer to (region,
 * topics of a list, kinds the store keeps, duplicates), then writes the files without problems in
 * dependency order (regions, topics, lists, …), each file in one transaction (`records.putMany`).
 * A file with a problem is left out as a whole. A record stored unchanged is not written again,
 * so an import can run again.
 */
export async function importRecordFiles(
  refs: readonly RecordFileRef[],
  options: ImportOptions,
): Promise<FileOutcome[]> {
  const { store, messages: m } = options;
  const display = (path: string) => {
    const inside = relative(options.cwd, path);
    return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? path : inside;
  };
  const regionOfDir = await findRegionFolders(refs);
  const parsed: ParsedFile[] = [];
  for (const ref of refs) {
    const text = await readFile(ref.path, 'utf8');
    parsed.push(
      parseRecordFile(display(ref.path), text, {
        folderKind: ref.folderKind,
        defaultRegionId: options.regionId ?? regionOfDir(ref.path),
      }),
    );
  }

  const storable = await listStorableKinds();
  const knownRegions = new Set<string>((await store.records.listRegions()).map((r) => r.id));
  for (const file of parsed)
    for (const r of file.records) if (r.kind === 'region') knownRegions.add(r.data.id);
  const importedTopics = (regionId: string) =>
    parsed
      .flatMap((f) => f.records.filter((r) => r.kind === 'topic' && regionOf(r) === regionId))
      .map((r) => r.data.id);
  const topicsOf = new Map<string, Set<string>>();
  const seen = new Map<string, string>();
  const checked: ParsedFile[] = [];
  for (const file of parsed) {
    const problems: FileProblem[] = [...file.problems];
    const report = (record: ParsedRecord, path: PropertyKey[], message: string) =>
      problems.push({ file: file.file, line: record.lineOf(path), field: formatPath(path), message });
    for (const record of file.records) {
      const regionId = regionOf(record);
      if (!storable.includes(record.kind)) report(record, ['record'], m.importKindNotStorable(record.kind));
      if (record.kind !== 'region' && !knownRegions.has(regionId)) {
        report(record, ['regionId'], m.importUnknownRegion(regionId));
        continue;
      }
      const key = `${record.kind}:${regionId}:${record.data.id}`;
      const other = seen.get(key);
      if (other !== undefined) report(record, ['id'], m.importDuplicate(record.kind, record.data.id, other));
      seen.set(key, file.file);
      if (record.kind === 'mailing-list') {
        let topics = topicsOf.get(regionId);
        if (topics === undefined) {
          topics = new Set([
            ...(await store.topics.list(regionId)).map((t) => t.id),
            ...importedTopics(regionId),
          ]);
          topicsOf.set(regionId, topics);
        }
        const known = topics;
        (record.data.topics as string[]).forEach((topic, i) => {
          if (!known.has(topic)) {
            report(record, ['topics', i], m.importUnknownTopic(topic, [...known].sort().join(', ') || '–'));
          }
        });
      }
    }
    checked.push({ ...file, problems });
  }

  const outcomes = new Map<ParsedFile, FileOutcome>();
  const writable = checked
    .filter((file) => file.problems.length === 0)
    .sort((a, b) => minRank(a) - minRank(b));
  for (const file of writable) {
    const records = [...file.records].sort((a, b) => rankOfKind(a.kind) - rankOfKind(b.kind));
    const results: FileOutcome['records'][number][] = [];
    for (const record of records) {
      const regionId = regionOf(record);
      const result = options.dryRun ? 'checked' : await compareWithStored(store, record, regionId);
      results.push({ kind: record.kind, regionId, id: record.data.id, line: record.line, result });
    }
    const changed = records.filter(
      (_, i) => results[i]?.result === 'created' || results[i]?.result === 'updated',
    );
    const problems = changed.length === 0 ? [] : await writeFileRecords(store, file.file, changed, m);
    outcomes.set(file, { file: file.file, records: problems.length === 0 ? results : [], problems });
  }
  return checked.map(
    (file) => outcomes.get(file) ?? { file: file.file, records: [], problems: file.problems },
  );
}

function regionOf(record: ParsedRecord): string {
  return record.kind === 'region' ? record.data.id : String(record.data.regionId);
}

/** Whether writing `record` would create, change or leave the stored one as it is. */
async function compareWithStored(
  store: Store,
  record: ParsedRecord,
  regionId: string,
): Promise<RecordResult> {
  const target = await getRecordTarget(store, record.kind);
  if (target === undefined) throw new Error(`no store repository for ${record.kind}`);
  const existing = await target.get(regionId, record.data.id);
  if (existing === undefined) return 'created';
  // a file without a publication state leaves the stored one as it is: not a change
  const stored =
    record.data.publication === undefined && existing !== null && typeof existing === 'object'
      ? { ...(existing as Record<string, unknown>), publication: undefined }
      : existing;
  return stableJson(stored) === stableJson(record.data) ? 'unchanged' : 'updated';
}

/**
 * Writes the changed records of one file in one transaction. What the store refuses (a list
 * whose topics went missing since the check, say) becomes a problem of the file, naming the
 * record's line and field; nothing of the file is written then.
 */
async function writeFileRecords(
  store: Store,
  file: string,
  records: readonly ParsedRecord[],
  m: Messages,
): Promise<FileProblem[]> {
  try {
    await store.records.putMany(
      records.map((r) => ({ kind: r.kind, record: r.data })),
      { actor: describeActor() },
    );
    return [];
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'StoreError') throw error;
    const { code, fields } = error as StoreError;
    if (code === 'WRITE_FAILED') {
      throw createSystemError(code, m.importWriteFailed(file, error.message), { cause: error });
    }
    if (code !== 'INVALID_INPUT' && code !== 'NOT_FOUND' && code !== 'CONFLICT') throw error;
    if (fields.length === 0) return [{ file, line: undefined, field: '', message: error.message }];
    return fields.map(({ path, message }) => {
      // The store names the record by its position: `[2].topics[0]`.
      const at = /^\[(\d+)\]\.?(.*)$/.exec(path);
      const record = at === null ? undefined : records[Number(at[1])];
      const field = at === null ? path : (at[2] ?? '');
      return { file, line: record?.line, field, message };
    });
  }
}

function minRank(file: ParsedFile): number {
  return Math.min(...file.records.map((r) => rankOfKind(r.kind)));
}

/** Maps each folder that holds a `region.yaml` (or `region.md`) to that region's id, for records without `regionId`. */
async function findRegionFolders(
  refs: readonly RecordFileRef[],
): Promise<(path: string) => string | undefined> {
  const regionByDir = new Map<string, string>();
  for (const ref of refs) {
    if (!/(^|[\\/])region\.(ya?ml|json|md)$/i.test(ref.path)) continue;
    const file = parseRecordFile(ref.path, await readFile(ref.path, 'utf8'), { folderKind: 'region' });
    const region = file.records.find((r) => r.kind === 'region');
    if (region !== undefined) regionByDir.set(dirname(ref.path), region.data.id);
  }
  return (path) => {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const id = regionByDir.get(dir);
      if (id !== undefined) return id;
      if (dirname(dir) === dir) return undefined;
    }
  };
}

/** JSON with sorted keys, to compare a stored record with an imported one. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
