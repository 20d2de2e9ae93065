/**
 * Pure rules for what a sync does to an account's fields beyond copying them: fields the CRM has
 * emptied are cleared, and the renewal date and ARR that renewal deals feed are worked out from all
 * of the account's open renewal deals, so a deal closed, moved or deleted in the CRM changes them.
 */
import type { Account } from '../model/bundle';
import type { ClearableField, RenewalUpdate } from '../connectors/types';

/** One open renewal deal as the account last heard of it. */
export interface RenewalDeal {
  date?: string;
  amount?: number;
}

/** The account's open renewal deals, and what they last set (so what they set goes when they go). */
export interface RenewalTrack {
  deals: Record<string, RenewalDeal>;
  date?: string;
  arr?: number;
}

export type TrackedAccount = Account & { _renewals?: RenewalTrack };

/** The CRM's empty fields, cleared: never one the CRM sent a value for on the same page. */
export function clearFields<T extends Account>(account: T, cleared: readonly ClearableField[] | undefined, incoming: Account): T {
  if (!cleared?.length) return account;
  const next = { ...account } as Record<string, unknown>;
  for (const field of cleared) if ((incoming as Record<string, unknown>)[field] === undefined) delete next[field];
  return next as T;
}

/** A deal's news taken into the track: an open renewal with a date is kept, a closed or dateless one leaves. */
export function trackRenewal(track: RenewalTrack | undefined, update: RenewalUpdate): RenewalTrack {
  const deals = { ...track?.deals };
  const key = update.dealId ?? `${update.accountId}:${update.renewalDate ?? ''}`;
  if (update.closed || !update.renewalDate) delete deals[key];
  else deals[key] = { date: update.renewalDate, ...(update.amount !== undefined ? { amount: update.amount } : {}) };
  return { ...track, deals };
}

/** Deals removed in the CRM leave the track. Null when none of them was on it. */
export function untrackDeals(track: RenewalTrack | undefined, dealIds: ReadonlySet<string>): RenewalTrack | null {
  if (!track || !Object.keys(track.deals).some((id) => dealIds.has(id))) return null;
  const deals = Object.fromEntries(Object.entries(track.deals).filter(([id]) => !dealIds.has(id)));
  return { ...track, deals };
}

/**
 * The renewal date is the soonest open renewal still ahead (else the latest one), unless the account's
 * own date (from the CRM's account record) is ahead and sooner. ARR comes from that deal only when the
 * account has none of its own. When no open renewal is left, what the deals had set is removed.
 */
export function applyRenewals<T extends TrackedAccount>(account: T, track: RenewalTrack, today: string): T {
  const result = { ...account } as T;
  const next: RenewalTrack = { deals: track.deals };
  const open = Object.values(track.deals)
    .filter((d): d is RenewalDeal & { date: string } => !!d.date)
    .sort((a, b) => a.date.localeCompare(b.date));
  const chosen = open.find((d) => d.date.slice(0, 10) >= today) ?? open.at(-1);

  const setByDeals = track.date !== undefined && result.renewalDate === track.date;
  const own = result.renewalDate !== undefined && !setByDeals ? result.renewalDate : undefined;
  const ownWins = own !== undefined && own.slice(0, 10) >= today && (!chosen || own < chosen.date);
  if (chosen && !ownWins) {
    result.renewalDate = chosen.date;
    next.date = chosen.date;
  } else if (setByDeals) delete result.renewalDate;

  const arrByDeals = track.arr !== undefined && result.arr === track.arr;
  if (result.arr === undefined || arrByDeals) {
    if (chosen?.amount !== undefined) {
      result.arr = chosen.amount;
      next.arr = chosen.amount;
    } else if (arrByDeals) delete result.arr;
  }
  result._renewals = next;
  return result;
}
