/**
 * Account search for the sidebar's "Search accounts" box. Runs on every keystroke over the whole
 * book (10,000+ accounts), so matching is plain string scanning on cached folded names.
 */

export interface SearchableAccount {
  id: string;
  name: string;
  domains?: string[];
}

/** Lower rank = better. */
const RANK = { exactName: 0, namePrefix: 1, wordPrefix: 2, domainPrefix: 3, substring: 4 } as const;

/** Lower-cased, accents removed, whitespace squashed: "Müller  GmbH" and "muller gmbh" compare equal. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface Folded {
  source: SearchableAccount;
  rawName: string;
  name: string;
  domains: string[];
}

/**
 * Folded names per book array, so a keystroke costs one lookup and a tight loop. Entries are
 * checked against the account they came from, so an edited or reordered array refolds only what changed.
 */
const cache = new WeakMap<readonly SearchableAccount[], (Folded | undefined)[]>();

function foldedAt(book: (Folded | undefined)[], i: number, a: SearchableAccount): Folded {
  let f = book[i];
  if (!f || f.source !== a || f.rawName !== a.name) {
    f = {
      source: a,
      rawName: a.name,
      name: foldText(a.name),
      domains: (a.domains ?? []).map((d) =>
        d
          .trim()
          .toLowerCase()
          .replace(/^www\./, ''),
      ),
    };
    book[i] = f;
  }
  return f;
}

const isWordChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

function rankOf(q: string, f: Folded): number | null {
  const name = f.name;
  if (name === q) return RANK.exactName;
  let at = name.indexOf(q);
  if (at === 0) return RANK.namePrefix;
  const inName = at > 0;
  while (at > 0) {
    if (!isWordChar(name[at - 1])) return RANK.wordPrefix;
    at = name.indexOf(q, at + 1);
  }
  for (const d of f.domains) if (d.startsWith(q)) return RANK.domainPrefix;
  if (inName) return RANK.substring;
  for (const d of f.domains) if (d.includes(q)) return RANK.substring;
  return null;
}

/**
 * Accounts matching `query`, best first: exact name, name prefix, word prefix ("rob" finds
 * "Acme Robotics"), domain prefix, then any substring. Ties go to the shorter, then alphabetical name.
 */
export function searchAccounts<T extends SearchableAccount>(query: string, accounts: readonly T[], limit = 8): T[] {
  const q = foldText(query);
  if (!q || limit <= 0) return [];
  // Keep only the best `limit` hits, sorted, so a one-letter query over the whole book sorts nothing big.
  const best: Hit<T>[] = [];
  let book = cache.get(accounts);
  if (!book) cache.set(accounts, (book = []));
  if (book.length > accounts.length) book.length = accounts.length;
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i];
    const f = foldedAt(book, i, account);
    const rank = rankOf(q, f);
    if (rank === null) continue;
    const hit = { account, rank, name: f.name };
    if (best.length === limit && !better(hit, best[limit - 1])) continue;
    let at = best.length;
    while (at > 0 && better(hit, best[at - 1])) at--;
    best.splice(at, 0, hit);
    if (best.length > limit) best.pop();
  }
  return best.map((h) => h.account);
}

interface Hit<T> {
  account: T;
  rank: number;
  name: string;
}

function better(a: Hit<unknown>, b: Hit<unknown>): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.name.length !== b.name.length) return a.name.length < b.name.length;
  return a.name < b.name;
}
