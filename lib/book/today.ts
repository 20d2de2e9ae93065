/** "Today": our overdue and due-this-week commitments across the book, overdue first, then by due date. */
import type { AccountInsight, DueCommitment } from '../insights/summary';
import { toMs } from '../time';

export interface TodayItem extends DueCommitment {
  accountId: string;
  accountName: string;
}

/** `snoozed`: commitment id -> ISO moment until which it stays off the list. */
export function todayItems(rows: readonly AccountInsight[], snoozed: Readonly<Record<string, string>>, nowMs: number): TodayItem[] {
  const items: TodayItem[] = [];
  for (const row of rows) {
    for (const c of row.dueCommitments) {
      const until = snoozed[c.id];
      if (until && toMs(until) > nowMs) continue;
      items.push({ ...c, accountId: row.accountId, accountName: row.name });
    }
  }
  return items.sort(
    (a, b) =>
      (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) ||
      toMs(a.dueDate) - toMs(b.dueDate) ||
      a.accountName.localeCompare(b.accountName),
  );
}
