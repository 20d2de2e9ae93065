/** Tier (given, else from ARR) and the QBR cadence and check-ins it asks for. */
import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';
import { addDaysIso, ageInDays, toMs, type DateInput } from '../time';

export type Tier = 'enterprise' | 'mid-market' | 'smb';

export interface TierInfo {
  /** Null when the account has neither a tier nor an ARR. */
  tier: Tier | null;
  source: 'given' | 'arr' | 'unknown';
  /** Days between QBRs; null when the tier has no QBR (SMB) or is unknown. */
  qbrCadenceDays: number | null;
  /** The later of `lastQbrDate` and any past QBR activity. */
  lastQbrDate: string | null;
  /** When the next QBR falls due (ISO), null without a cadence or without any QBR yet. */
  nextQbrDue: string | null;
  qbrDue: boolean;
  /** The touch the tier's cadence asks for, in plain words. */
  cadence: string;
}

export const TIER_LABELS: Record<Tier, string> = { enterprise: 'Enterprise', 'mid-market': 'Mid-market', smb: 'SMB' };

const CADENCE_WORDS: Record<Tier, string> = {
  enterprise: 'monthly check-in, QBR every quarter',
  'mid-market': 'regular check-in, QBR twice a year',
  smb: 'digital touch, quarterly check-in',
};

/** What an account without ARR or tier lacks, and where it would come from: said instead of a cadence Glance cannot know. */
export const MISSING_TIER_WORDS = 'No ARR or tier yet: add them in a CSV with ARR, or connect HubSpot/Salesforce';

export function tierOf(data: AccountData, settings: PlaybookSettings): { tier: Tier | null; source: TierInfo['source'] } {
  const { tier, arr } = data.account;
  if (tier) return { tier, source: 'given' };
  if (arr === undefined) return { tier: null, source: 'unknown' };
  if (arr > settings.tiers.enterpriseAboveArr) return { tier: 'enterprise', source: 'arr' };
  if (arr >= settings.tiers.midMarketFromArr) return { tier: 'mid-market', source: 'arr' };
  return { tier: 'smb', source: 'arr' };
}

export function lastQbr(data: AccountData, now: DateInput): string | null {
  const nowMs = toMs(now);
  const dates = data.activities.filter((a) => a.type === 'qbr' && toMs(a.date) <= nowMs).map((a) => a.date);
  if (data.account.lastQbrDate) dates.push(data.account.lastQbrDate);
  if (dates.length === 0) return null;
  return dates.reduce((a, b) => (toMs(b) > toMs(a) ? b : a));
}

/** Due when no QBR falls within the cadence: age > cadence days; no QBR at all is due. */
export function tierInfo(data: AccountData, now: DateInput, settings: PlaybookSettings): TierInfo {
  const { tier, source } = tierOf(data, settings);
  const cadenceDays = tier ? settings.tiers.qbrCadenceDays[tier] : null;
  const last = lastQbr(data, now);
  const qbrDue = cadenceDays !== null && (last === null || ageInDays(last, now) > cadenceDays);
  return {
    tier,
    source,
    qbrCadenceDays: cadenceDays,
    lastQbrDate: last,
    nextQbrDue: cadenceDays !== null && last !== null ? addDaysIso(last, cadenceDays) : null,
    qbrDue,
    cadence: tier ? CADENCE_WORDS[tier] : 'regular check-in',
  };
}
