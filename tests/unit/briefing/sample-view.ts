/** AccountViews of the sample book at a fixed moment, built exactly as the background builds them. */
import { buildAccountView } from '../../../lib/account-view/build';
import type { AccountView } from '../../../lib/account-view/types';
import type { AccountData, Bundle } from '../../../lib/model/bundle';
import { makeSampleBook } from '../../../lib/sample/book';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

export const NOW = new Date('2026-03-10T15:20:00Z');

const books = new Map<number, Bundle>();

export function sampleData(accountId: string, now = NOW): AccountData {
  const book = books.get(now.getTime()) ?? makeSampleBook(now);
  books.set(now.getTime(), book);
  const mine = <T extends { accountId: string }>(list: T[] | undefined) => (list ?? []).filter((r) => r.accountId === accountId);
  const account = book.accounts.find((a) => a.id === accountId);
  if (!account) throw new Error(`No sample account ${accountId}`);
  return {
    account,
    contacts: mine(book.contacts),
    usage: mine(book.usage),
    tickets: mine(book.tickets),
    commitments: mine(book.commitments),
    activities: mine(book.activities),
  };
}

export function sampleView(accountId: string, now = NOW, edit?: (data: AccountData) => AccountData): AccountView {
  const data = sampleData(accountId, now);
  return buildAccountView(edit ? edit(structuredClone(data)) : data, now, DEFAULT_SETTINGS);
}
