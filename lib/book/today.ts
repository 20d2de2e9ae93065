/** "Today": our overdue and due-this-week commitments across the book, overdue first, then by due date. */
import type { AccountInsight, DueCommitment } from '../insights/summary';
import { toMs } from '../time';

export interface TodayItem extends DueCommitment {
  accountId: string;
  accountName: string;
}

/** The first items of Today and how many there are: a 100k-account book can have tens of thousands. */
export interface TodayPage {
  items: TodayItem[];
  total: number;
}

/** Items the book page asks for at first; "Show more" asks for more. */
export const TODAY_FIRST = 50;
/** Most items one answer carries. */
export const TODAY_MOST = 5000;

/** Orders names as String#localeCompare does, without the per-call set-up that costs it tens of ms over thousands of items. */
const collator = new Intl.Collator();

/** `snoozed`: commitment id -> ISO moment until which it stays off the list. */
export function todayItems(rows: readonly AccountInsight[], snoozed: Readonly<Record<string, string>>, nowMs: number): TodayItem[] {
  const keyed: { item: TodayItem; dueMs: number }[] = [];
  for (const row of rows) {
    for (const c of row.dueCommitments) {
      const until = snoozed[c.id];
      if (until && toMs(until) > nowMs) continue;
      keyed.push({ item: { ...c, accountId: row.accountId, accountName: row.name }, dueMs: toMs(c.dueDate) });
    }
  }
  // Dates parsed once per item, not once per comparison: Today can hold tens of thousands of items.
  return keyed
    .sort(
      (a, b) =>
        (a.item.state === b.item.state ? 0 : a.item.state === 'overdue' ? -1 : 1) ||
        a.dueMs - b.dueMs ||
        collator.compare(a.item.accountName, b.item.accountName),
    )
    .map((k) => k.item);
}
