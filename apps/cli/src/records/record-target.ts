import type { RecordKind, Store } from '@regiokit/store';
import type { ImportKind } from './record-kinds';

/** Reads and writes one kind of record in the store, whichever repository keeps it. */
export interface RecordTarget {
  get(regionId: string, id: string): Promise<unknown>;
  put(record: object): Promise<unknown>;
  list(regionId: string): Promise<unknown[]>;
}

/** The kinds the store can keep now: its domain records, plus topics and mailing lists. */
export async function listStorableKinds(): Promise<ImportKind[]> {
  const { RECORD_SCHEMAS } = await import('@regiokit/store');
  return [...(Object.keys(RECORD_SCHEMAS) as ImportKind[]), 'topic', 'mailing-list'];
}

/** The repository of `kind`, or undefined when the store cannot keep that kind yet. */
export async function getRecordTarget(store: Store, kind: ImportKind): Promise<RecordTarget | undefined> {
  if (kind === 'topic')
    return { get: store.topics.get, put: (r) => store.topics.put(r as never), list: store.topics.list };
  if (kind === 'mailing-list') {
    return { get: store.lists.get, put: (r) => store.lists.put(r as never), list: store.lists.list };
  }
  if (!(await listStorableKinds()).includes(kind)) return undefined;
  const recordKind = kind as RecordKind;
  return {
    get: (regionId, id) => store.records.get(recordKind, regionId, id),
    put: (record) => store.records.put(recordKind, record),
    list: (regionId) => store.records.list(recordKind, regionId),
  };
}
