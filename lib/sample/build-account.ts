/** Builds one sample account from its catalogue entry: identity, contract, and health inputs by profile. */
import type { Account } from '../model/bundle';
import { SAMPLE_USER } from './anchors';
import type { AccountSpec, Tier } from './catalogue-types';
import { isoDay } from './dates';
import { sampleId } from './ids';
import { pickDistinct, randBetween, randInt, rngFor, type Rng } from './random';
import { makeSalesforceId15, toSalesforceId18 } from './salesforce-id';
import { ACCOUNT_EXECUTIVES, GOALS } from './vocabulary';

const SEATS: Record<Tier, [number, number]> = { enterprise: [180, 520], 'mid-market': [45, 140], smb: [8, 28] };
const FEATURES: Record<Tier, number> = { enterprise: 14, 'mid-market': 10, smb: 6 };

/** Days to renewal when the catalogue does not say: past T-120, so no renewal stage yet. */
export function renewalInDays(spec: AccountSpec): number {
  return spec.renewalInDays ?? randInt(rngFor(spec.key, 'renewal'), 135, 290);
}

/** Days since the last QBR; undefined when there is none to show. Defaults sit inside the tier's cadence. */
export function qbrDaysAgo(spec: AccountSpec): number | undefined {
  if (spec.qbrDaysAgo === null) return undefined;
  if (spec.qbrDaysAgo !== undefined) return spec.qbrDaysAgo;
  if (spec.profile === 'sparse-green' || spec.profile === 'sparse-yellow' || spec.profile === 'empty') return undefined;
  const contractAge = 365 - renewalInDays(spec);
  const rng = rngFor(spec.key, 'qbr');
  if (spec.tier === 'enterprise') return Math.min(randInt(rng, 20, 70), contractAge - 5);
  if (spec.tier === 'mid-market') return Math.min(randInt(rng, 30, 150), contractAge - 5);
  return undefined;
}

export function accountExecutive(spec: AccountSpec) {
  return ACCOUNT_EXECUTIVES[(rngFor(spec.key, 'ae')() * ACCOUNT_EXECUTIVES.length) | 0];
}

function crmFor(index: number): Account['crm'] {
  const sf15 = makeSalesforceId15('001', 'Sb', 1000 + index);
  const hubspotId = String(20_000 + index * 7);
  switch (index % 4) {
    case 0:
      return { salesforceId: toSalesforceId18(sf15), hubspotId };
    case 1:
      return { salesforceId: sf15 };
    case 2:
      return { salesforceId: toSalesforceId18(sf15) };
    default:
      return { hubspotId };
  }
}

function seats(rng: Rng, spec: AccountSpec, defaultRatio: [number, number]) {
  const licensedSeats = randInt(rng, ...SEATS[spec.tier]);
  const ratio = spec.seatRatio ?? randBetween(rng, ...defaultRatio);
  // Expansion needs >= 80%: round up when asked for a high ratio, down otherwise, so the intent holds.
  const activeSeats = spec.seatRatio !== undefined ? Math.ceil(licensedSeats * ratio) : Math.floor(licensedSeats * ratio);
  return { licensedSeats, activeSeats };
}

function features(rng: Rng, spec: AccountSpec, ratio: [number, number]) {
  const featuresPurchased = FEATURES[spec.tier];
  return { featuresPurchased, featuresUsed: Math.max(1, Math.round(featuresPurchased * randBetween(rng, ...ratio))) };
}

function roi(rng: Rng, spec: AccountSpec, ratio: [number, number]) {
  const expected = Math.round((spec.arr * randBetween(rng, 2.5, 4)) / 1000) * 1000;
  return { expected, documented: Math.round((expected * randBetween(rng, ...ratio)) / 1000) * 1000 };
}

function goals(rng: Rng, statuses: NonNullable<Account['goals']>[number]['status'][]) {
  return pickDistinct(rng, GOALS, statuses.length).map((text, i) => ({ text, status: statuses[i] }));
}

function npsHistory(now: Date, scores: number[]): Account['nps'] {
  // Surveys go out quarterly; the latest landed about three weeks ago.
  return scores.map((score, i) => ({ date: isoDay(now, -21 - 91 * (scores.length - 1 - i)), score }));
}

function healthInputs(now: Date, spec: AccountSpec): Partial<Account> {
  const rng = rngFor(spec.key, 'health');
  const nps = (fallback: number[]) => npsHistory(now, spec.nps ?? fallback);
  switch (spec.profile) {
    case 'strong':
      return {
        loginFrequency: 'daily',
        ...features(rng, spec, [0.75, 0.92]),
        ...seats(rng, spec, [0.72, 0.78]),
        goals: goals(rng, rng() < 0.5 ? ['on-track', 'on-track'] : ['on-track', 'on-track', 'partial']),
        roi: roi(rng, spec, [0.6, 0.9]),
        milestone: 'completed',
        execSponsor: 'active',
        responseTimeHours: randInt(rng, 3, 20),
        nps: nps(rng() < 0.5 ? [8, 9] : [9, 10]),
        renewalProbability: 'high',
        expansionConversation: spec.expansionConversation ?? false,
      };
    case 'fair':
      return {
        loginFrequency: 'weekly',
        ...features(rng, spec, [0.45, 0.6]),
        ...seats(rng, spec, [0.55, 0.68]),
        goals: goals(rng, ['on-track', 'partial']),
        roi: roi(rng, spec, [0.4, 0.55]),
        milestone: 'in-progress',
        execSponsor: 'passive',
        responseTimeHours: randInt(rng, 30, 60),
        nps: nps(rng() < 0.5 ? [7, 8] : [8, 7]),
        renewalProbability: 'medium',
        expansionConversation: spec.expansionConversation ?? false,
      };
    case 'weak':
      return {
        loginFrequency: 'monthly',
        ...features(rng, spec, [0.2, 0.3]),
        ...seats(rng, spec, [0.3, 0.4]),
        goals: goals(rng, ['off-track', 'partial']),
        roi: roi(rng, spec, [0.05, 0.15]),
        milestone: 'not-started',
        execSponsor: 'none',
        responseTimeHours: randInt(rng, 80, 120),
        nps: nps([6, 5]),
        renewalProbability: 'low',
      };
    case 'sparse-green':
      return { loginFrequency: 'daily', ...seats(rng, spec, [0.82, 0.9]), renewalProbability: 'high' };
    case 'sparse-yellow':
      return { loginFrequency: 'weekly' };
    case 'empty':
      return {};
  }
}

export function buildAccount(now: Date, spec: AccountSpec, index: number): Account {
  const renewal = renewalInDays(spec);
  const qbr = qbrDaysAgo(spec);
  const hasRecords = spec.profile !== 'empty' && !spec.profile.startsWith('sparse');
  const rng = rngFor(spec.key, 'events');
  const events: NonNullable<Account['events']> = (spec.events ?? []).map((e) => ({
    date: isoDay(now, -e.daysAgo),
    type: e.type,
    note: e.note,
  }));
  // Old news only: an initiative from last year is context, not an expansion trigger (180 days) or org change (90).
  if (hasRecords && events.length === 0 && rng() < 0.3) {
    events.push({ date: isoDay(now, -randInt(rng, 220, 320)), type: 'new-initiative', note: 'Company-wide push to retire spreadsheets' });
  }
  const account: Account = {
    id: sampleId(spec.key),
    name: spec.name,
    domains: [spec.domain],
    crm: crmFor(index),
    arr: spec.arr,
    currency: spec.currency ?? 'USD',
    tier: spec.tier,
    contractStart: isoDay(now, renewal - 365),
    renewalDate: isoDay(now, renewal),
    owner: SAMPLE_USER.email,
    ae: accountExecutive(spec).email,
    ...healthInputs(now, spec),
    ...(spec.invoiceDaysLate !== undefined
      ? { invoice: { status: 'late' as const, daysLate: spec.invoiceDaysLate } }
      : hasRecords
        ? { invoice: { status: 'current' as const } }
        : {}),
    ...(qbr !== undefined ? { lastQbrDate: isoDay(now, -qbr) } : {}),
    ...(spec.escalationDaysAgo !== undefined ? { lastEscalationDate: isoDay(now, -spec.escalationDaysAgo) } : {}),
    ...(events.length > 0 ? { events } : {}),
    ...spec.account,
    sample: true,
    industry: spec.industry,
  };
  return account;
}
