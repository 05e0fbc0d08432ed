import { type RecordKind, RECORD_SCHEMAS as STORED_RECORDS, type Store } from '@regiokit/store';
import type { ImportKind } from './record-kinds';

/** Reads and writes one kind of record in the store, whichever repository keeps it. */
export interface RecordTarget {
  get(regionId: string, id: string): Promise<unknown>;
  put(record: object): Promise<unknown>;
  list(regionId: string): Promise<unknown[]>;
}

/** The kinds the store can keep now: its domain records, plus topics and mailing lists. */
export function listStorableKinds(): ImportKind[] {
  return [...(Object.keys(STORED_RECORDS) as ImportKind[]), 'topic', 'mailing-list'];
}

/** Whether the store keeps records of `kind`. */
export function isStorableKind(kind: ImportKind): boolean {
  return listStorableKinds().includes(kind);
}

/** The repository of `kind`, or undefined when the store cannot keep that kind yet. */
export function getRecordTarget(store: Store, kind: ImportKind): RecordTarget | undefined {
  if (kind === 'topic')
    return { get: store.topics.get, put: (r) => store.topics.put(r as never), list: store.topics.list };
  if (kind === 'mailing-list') {
    return { get: store.lists.get, put: (r) => store.lists.put(r as never), list: store.lists.list };
  }
  if (!(kind in STORED_RECORDS)) return undefined;
  const recordKind = kind as RecordKind;
  return {
    get: (regionId, id) => store.records.get(recordKind, regionId, id),
    put: (record) => store.records.put(recordKind, record),
    list: (regionId) => store.records.list(recordKind, regionId),
  };
}
