import { describe, it, expect } from 'vitest';
import type { ActionPrefs } from '../../../lib/actions';
import { computeInsights } from '../../../lib/insights';
import type { Account, AccountData } from '../../../lib/model/bundle';
import { NOW, S, activity, ago, ahead, champion, commitment, data, dayAgo, seatsScoring, type DataParts } from './build';

const actions = (d: AccountData, prefs?: ActionPrefs) => computeInsights(d, NOW, S, prefs).actions;
const ids = (d: AccountData, prefs?: ActionPrefs) => actions(d, prefs).ranked.map((a) => a.id);

/** Green (90), SMB, nothing due: only keep-cadence applies. */
const QUIET: Partial<Account> = { ...seatsScoring(90), arr: 10_000 };
const quiet = (parts: DataParts = {}) =>
  data({ ...parts, account: { ...QUIET, ...parts.account }, activities: parts.activities ?? [activity({ date: ago(3) })] });

const departed = (days: number) => champion({ status: 'departed', departedAt: ago(days) });
const overdue = commitment({ text: 'Send the SSO setup guide', dueDate: dayAgo(3) });
const withTalk = activity({ date: ago(20), summary: 'Renewal plan call' });

describe('next best action: priority order', () => {
  it('keep-cadence only when nothing above applies', () => {
    const a = actions(quiet());
    expect(a.ranked.map((x) => x.id)).toEqual(['keep-cadence']);
    expect(a.top?.reason).toBe('SMB: digital touch, quarterly check-in; last touch 3 days ago (email)');
  });

  it('champion-departure beats save-play-escalate, naming the champion', () => {
    const a = actions(quiet({ contacts: [departed(5)] }));
    expect(a.ranked.map((x) => x.id)).toEqual(['champion-departure', 'save-play-escalate']);
    expect(a.top?.reason).toBe('Dana Whitfield (champion) departed 5 days ago');
    expect(a.top?.steps[0]).toMatch(/^Day 1/);
  });

  it('after 30 days the departure protocol no longer applies, but the escalation stands', () => {
    expect(ids(quiet({ contacts: [departed(30)] }))[0]).toBe('champion-departure');
    expect(ids(quiet({ contacts: [departed(31)] }))).toEqual(['save-play-escalate']);
  });

  it('save-play-escalate (health red) beats overdue-commitment', () => {
    const d = quiet({ account: seatsScoring(50), commitments: [overdue] });
    expect(ids(d).slice(0, 2)).toEqual(['save-play-escalate', 'overdue-commitment']);
    expect(actions(d).top?.reason).toBe('Health 50, critical');
  });

  it('overdue-commitment beats renewal-at-risk, naming the commitment', () => {
    const d = quiet({ account: { ...seatsScoring(70), renewalDate: ahead(60) }, commitments: [overdue], activities: [withTalk] });
    expect(ids(d)).toEqual(['overdue-commitment', 'renewal-at-risk', 'renewal-stage', 'save-play-reach-out']);
    expect(actions(d).top?.title).toBe('Follow up now: Send the SSO setup guide');
    expect(actions(d).top?.reason).toBe('Commitment was due 3 days ago');
    expect(actions(d).top?.steps).toEqual(['Follow up on "Send the SSO setup guide" (due 3 days ago)']);
  });

  it('renewal-at-risk beats renewal-stage; no health score counts as not green', () => {
    const d = data({ account: { arr: 10_000, renewalDate: ahead(60) }, activities: [withTalk] });
    expect(ids(d)).toEqual(['renewal-at-risk', 'renewal-stage']);
    expect(ids(quiet({ account: { renewalDate: ahead(60) }, activities: [withTalk] }))).toEqual(['renewal-stage']);
  });

  it('renewal-stage beats save-play-reach-out and carries the stage checklist', () => {
    const d = quiet({ account: { ...seatsScoring(70), renewalDate: ahead(100) } });
    const a = actions(d);
    expect(a.ranked.map((x) => x.id)).toEqual(['renewal-stage', 'save-play-reach-out']);
    expect(a.top?.title).toBe('Renewal T-120: prepare');
    expect(a.top?.steps).toEqual(['Start the renewal conversation early']);
  });

  it('names a yellow band in the words the sidebar shows for it', () => {
    const reach = actions(quiet({ account: { ...seatsScoring(70), renewalDate: ahead(100) } })).ranked.find(
      (x) => x.id === 'save-play-reach-out',
    );
    expect(reach?.reason).toMatch(/^Health \d+, at risk/);
  });

  it('renewal-stage within 90 days with no renewal conversation says so', () => {
    const a = actions(quiet({ account: { renewalDate: ahead(45) } }));
    expect(a.top?.reason).toMatch(/no renewal conversation on record yet$/);
    expect(a.top?.steps[0]).toBe('Open the renewal conversation now');
  });

  it('save-play-reach-out (yellow signal) beats qbr-due', () => {
    const d = quiet({ account: { arr: 200_000 }, contacts: [champion({ lastResponseAt: ago(12) })] });
    const a = actions(d);
    expect(a.ranked.map((x) => x.id)).toEqual(['save-play-reach-out', 'qbr-due']);
    expect(a.top?.reason).toBe('Dana Whitfield (champion) last responded 12 days ago');
  });

  it('qbr-due beats expansion-ready; expansion-ready replaces keep-cadence', () => {
    const ready: Partial<Account> = {
      tier: 'enterprise',
      licensedSeats: 100,
      activeSeats: 80,
      roi: { expected: 50_000, documented: 50_000 },
      expansionConversation: true,
      healthHistory: [
        { date: ago(70), score: 82 },
        { date: ago(5), score: 88 },
      ],
    };
    expect(ids(data({ account: ready }))).toEqual(['qbr-due', 'expansion-ready']);
    expect(ids(data({ account: { ...ready, lastQbrDate: dayAgo(10) } }))).toEqual(['expansion-ready']);
  });
});

describe('QBR cadence and tiers', () => {
  const qbr = (account: Partial<Account>, activities = [activity()]) => computeInsights(data({ account, activities }), NOW, S).tier;

  it('derives the tier from ARR at the boundaries', () => {
    expect(qbr({ arr: 100_001 }).tier).toBe('enterprise');
    expect(qbr({ arr: 100_000 }).tier).toBe('mid-market');
    expect(qbr({ arr: 25_000 }).tier).toBe('mid-market');
    expect(qbr({ arr: 24_999 }).tier).toBe('smb');
    expect(qbr({ arr: 500_000, tier: 'smb' })).toMatchObject({ tier: 'smb', source: 'given' });
    expect(qbr({})).toMatchObject({ tier: null, qbrDue: false });
  });

  it('is due when no QBR falls within the cadence', () => {
    expect(qbr({ tier: 'enterprise', lastQbrDate: ago(92) }).qbrDue).toBe(false);
    expect(qbr({ tier: 'enterprise', lastQbrDate: ago(93) }).qbrDue).toBe(true);
    expect(qbr({ tier: 'mid-market', lastQbrDate: ago(183) }).qbrDue).toBe(false);
    expect(qbr({ tier: 'mid-market', lastQbrDate: ago(184) }).qbrDue).toBe(true);
    expect(qbr({ tier: 'mid-market' }).qbrDue).toBe(true);
    expect(qbr({ tier: 'smb' }).qbrDue).toBe(false);
  });

  it('takes the later of lastQbrDate and any past QBR activity', () => {
    const t = qbr({ tier: 'enterprise', lastQbrDate: ago(200) }, [activity({ type: 'qbr', date: ago(10) })]);
    expect(t).toMatchObject({ qbrDue: false, lastQbrDate: ago(10) });
    const future = qbr({ tier: 'enterprise', lastQbrDate: ago(200) }, [activity({ type: 'qbr', date: ahead(10) })]);
    expect(future.qbrDue).toBe(true);
  });
});

describe('overdue commitments', () => {
  const overdueIds = (commitments: ReturnType<typeof commitment>[]) => computeInsights(data({ commitments }), NOW, S).overdueCommitmentIds;

  it('is one of ours, open, due before today; due today is not overdue', () => {
    const today = commitment({ dueDate: dayAgo(0) });
    const yesterday = commitment({ dueDate: dayAgo(1) });
    const theirs = commitment({ dueDate: dayAgo(5), owner: 'customer' });
    const done = commitment({ dueDate: dayAgo(5), status: 'done' });
    const promise = commitment({ dueDate: dayAgo(5), kind: 'sales-promise' });
    expect(overdueIds([today, yesterday, theirs, done, promise])).toEqual([yesterday.id, promise.id]);
  });
});

describe('dismiss and snooze', () => {
  const busy = quiet({ account: { ...seatsScoring(70), renewalDate: ahead(60) }, commitments: [overdue], activities: [withTalk] });

  it('shows the top action and up to two more', () => {
    const a = actions(busy);
    expect(a.top?.id).toBe('overdue-commitment');
    expect(a.more.map((x) => x.id)).toEqual(['renewal-at-risk', 'renewal-stage']);
    expect(a.hidden).toEqual([]);
  });

  it('hides a dismissed action and promotes the next', () => {
    const a = actions(busy, { 'overdue-commitment': {} });
    expect(a.top?.id).toBe('renewal-at-risk');
    expect(a.more.map((x) => x.id)).toEqual(['renewal-stage', 'save-play-reach-out']);
    expect(a.hidden.map((x) => x.id)).toEqual(['overdue-commitment']);
    expect(a.hidden[0].hiddenUntil).toBeUndefined();
  });

  it('hides a snoozed action until its time, then shows it again', () => {
    const until = ahead(1);
    const snoozed = actions(busy, { 'overdue-commitment': { until } });
    expect(snoozed.hidden).toMatchObject([{ id: 'overdue-commitment', hiddenUntil: until }]);
    const expired = actions(busy, { 'overdue-commitment': { until: ago(1) } });
    expect(expired.top?.id).toBe('overdue-commitment');
  });

  it('does not fall back to keep-cadence when everything is dismissed', () => {
    const a = actions(quiet({ contacts: [departed(31)] }), { 'save-play-escalate': {} });
    expect(a.top).toBeNull();
    expect(a.ranked).toEqual([]);
  });
});
