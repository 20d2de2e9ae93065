/**
 * Counting or reading a whole large table without stalling the store. The browser's IndexedDB answers
 * one request in one step that every other request of the extension waits behind: counting the
 * contact id index of a 100k-contact book takes about 0.4 s here, of a million contacts seconds, and
 * look-ups from every sidebar waited that long after each import (three pages counting at once held
 * them for 16 s); reading every row of a 100k-row table in one request is the same kind of wait.
 * A slice at a time instead, each slice its own request, look-ups get in between the slices.
 */
import type { IndexableType, Table } from 'dexie';

/** Entries per slice: tens of milliseconds of the store's time here. */
export const COUNT_SLICE = 10_000;

/**
 * The number of entries of `index` (the primary key when ':id'), or of those whose key starts with
 * `prefix`; the keys must be unique (the next slice starts above the last key of the one before). A
 * write made while it counts may or may not be in the figure: it is for showing, not for deciding.
 */
export async function countInSlices<T, K, I>(table: Table<T, K, I>, index: string, slice = COUNT_SLICE, prefix?: string): Promise<number> {
  const end = prefix === undefined ? undefined : prefix + '\uffff';
  const from = (after: IndexableType | undefined) => {
    if (end === undefined) return after === undefined ? table.orderBy(index) : table.where(index).above(after);
    return after === undefined ? table.where(index).between(prefix!, end, true, true) : table.where(index).between(after, end, false, true);
  };
  let total = 0;
  let after: IndexableType | undefined;
  for (;;) {
    const rest = from(after);
    const [last] = await rest
      .clone()
      .offset(slice - 1)
      .limit(1)
      .keys();
    if (last === undefined) return total + (await rest.count());
    total += slice;
    after = last;
  }
}

/** Rows per slice when reading a whole table: a few tens of milliseconds of the store's time here. */
export const READ_SLICE = 2_000;

/**
 * Every row of `table`, in primary-key order, read a slice at a time and passed through `keep` slice
 * by slice (so a caller that wants a few fields of each row never holds every full row at once). The
 * primary key must be one property of the row (its key path, as the schema says). A write made while
 * it reads may or may not be seen, as with any read that is not one transaction: callers drop what
 * they read on change.
 */
export async function readInSlices<T, K, I, R>(table: Table<T, K, I>, keep: (row: T) => R, slice = READ_SLICE): Promise<R[]> {
  const keyPath = table.schema.primKey.keyPath as string;
  const out: R[] = [];
  let after: IndexableType | undefined;
  for (;;) {
    const rows = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(slice).toArray();
    for (const row of rows) out.push(keep(row));
    if (rows.length < slice) return out;
    after = (rows[rows.length - 1] as Record<string, IndexableType>)[keyPath];
  }
}
