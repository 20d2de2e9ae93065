/**
 * The accounts a sync page names, read in bulk inside the page's transaction. An account the CRM
 * sends may already be here under another id (imported from a file with the same CRM id): it is found
 * through the `_hs` / `_sf` index and updated in place, never duplicated, and what hangs off it
 * (contacts, tickets, activities, renewals) follows it.
 */
import type { GlanceDB, StoredAccount } from './db';

/** An account as a page names it: its Glance id and, when known, its id in the CRM. */
export interface AccountRef {
  id: string;
  crmId?: string;
}

export class PageAccounts {
  /** A Glance id on the page -> the id it is stored under (null: not stored). */
  private readonly aliases = new Map<string, string | null>();

  constructor(
    private readonly db: GlanceDB,
    private readonly index: '_hs' | '_sf',
    /** The CRM's id for a Glance id its connector made (null for other ids). */
    private readonly crmAccountId: (glanceId: string) => string | null,
  ) {}

  /** The stored account for each ref (same order): by Glance id, else by CRM id. Two reads at most. */
  async read(refs: readonly AccountRef[]): Promise<(StoredAccount | undefined)[]> {
    const byId = await this.db.accounts.bulkGet(refs.map((r) => r.id));
    const crmIds = [...new Set(refs.filter((r, i) => !byId[i] && r.crmId).map((r) => r.crmId!))];
    // Index order is CRM id then primary key: the first row per CRM id is the one `.first()` would give.
    const found = crmIds.length ? await this.db.accounts.where(this.index).anyOf(crmIds).toArray() : [];
    const byCrmId = new Map<string, StoredAccount>();
    for (const account of found) if (!byCrmId.has(account[this.index]!)) byCrmId.set(account[this.index]!, account);
    return refs.map((r, i) => byId[i] ?? (r.crmId ? byCrmId.get(r.crmId) : undefined));
  }

  /** The stored accounts for Glance ids (as records on the page name their account). */
  readByGlanceId(ids: readonly string[]): Promise<(StoredAccount | undefined)[]> {
    return this.read(ids.map((id) => ({ id, crmId: this.crmAccountId(id) ?? undefined })));
  }

  /** Makes `resolved` answer for these Glance ids; ids asked before are not read again. */
  async resolve(ids: readonly string[]): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => !this.aliases.has(id));
    if (!unknown.length) return;
    const stored = await this.readByGlanceId(unknown);
    unknown.forEach((id, i) => this.aliases.set(id, stored[i]?.id ?? null));
  }

  /** The page's account `glanceId` was just written as `storedId`. */
  alias(glanceId: string, storedId: string): void {
    this.aliases.set(glanceId, storedId);
  }

  /** Where the account with this Glance id is stored, after `resolve` (null: nowhere). */
  resolved(glanceId: string): string | null {
    return this.aliases.get(glanceId) ?? null;
  }
}
