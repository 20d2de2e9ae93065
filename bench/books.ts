/** Writes the benchmark books as bundle files, the way a user would bring them in. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLargeBook } from '../lib/sample/large-book';
import { RECORD_TYPES } from '../lib/model/bundle';

export interface BookFile {
  accounts: number;
  contacts: number;
  /** Every record in the file: accounts, contacts, usage, tickets, commitments, activities. */
  records: number;
  path: string;
  bytes: number;
  generateMs: number;
}

export function writeBook(dir: string, accounts: number, contactsPerAccount: number, now: Date): BookFile {
  const started = performance.now();
  const book = makeLargeBook({ accounts, contactsPerAccount, now });
  const text = JSON.stringify(book);
  const path = join(dir, `book-${accounts}x${contactsPerAccount}.json`);
  writeFileSync(path, text);
  return {
    accounts: book.accounts.length,
    contacts: book.contacts?.length ?? 0,
    records: RECORD_TYPES.reduce((n, type) => n + (book[type]?.length ?? 0), 0),
    path,
    bytes: Buffer.byteLength(text),
    generateMs: performance.now() - started,
  };
}
