/** The touch history of one sample account: emails, calls, notes, meetings (past and upcoming) and QBRs. */
import type { Account, Activity, Contact } from '../model/bundle';
import { primaryContact } from './build-contacts';
import type { AccountSpec } from './catalogue-types';
import { DAY_MS, isoDayAt } from './dates';
import { sampleId } from './ids';
import { pick, randInt, rngFor } from './random';
import { CALL_SUMMARIES, EMAIL_SUMMARIES, MEETING_SUMMARIES, NOTE_SUMMARIES } from './vocabulary';
import { storyActivities } from './stories';

export type ActivityDraft = Pick<Activity, 'type' | 'date' | 'summary' | 'attended' | 'contactIds'>;

const QBR_CADENCE_DAYS = { enterprise: 91, 'mid-market': 182 } as const;

function pastMeetings(spec: AccountSpec, now: Date, contactIds: string[]): ActivityDraft[] {
  const rng = rngFor(spec.key, 'meetings');
  const count = randInt(rng, 4, 6);
  const missedAtEnd = spec.missedMeetings ?? 0;
  // One earlier miss now and then is normal; two attended meetings follow it, so it never ends a run of misses.
  const earlyMiss = spec.profile === 'fair' || (spec.profile === 'strong' && rng() < 0.3) ? missedAtEnd + 2 : -1;
  const out: ActivityDraft[] = [];
  // Built from the most recent backwards: index 0 is the latest meeting.
  let daysAgo = randInt(rng, 4, 9);
  for (let i = 0; i < count; i++) {
    out.push({
      type: 'meeting',
      date: isoDayAt(now, -daysAgo, randInt(rng, 14, 17)),
      summary: pick(rng, MEETING_SUMMARIES),
      attended: i >= missedAtEnd && i !== earlyMiss,
      contactIds,
    });
    daysAgo += randInt(rng, 12, 18);
  }
  return out.reverse();
}

function qbrs(spec: AccountSpec, account: Account, now: Date, contactIds: string[]): ActivityDraft[] {
  if (!account.lastQbrDate) return [];
  const last = Math.round((Date.parse(isoDayAt(now, 0, 0)) - Date.parse(account.lastQbrDate)) / DAY_MS);
  const out: ActivityDraft[] = [
    { type: 'qbr', date: isoDayAt(now, -last, 15), summary: 'Quarterly business review', attended: true, contactIds },
  ];
  const cadence = spec.tier === 'smb' ? undefined : QBR_CADENCE_DAYS[spec.tier];
  const contractAge = Math.round((Date.parse(isoDayAt(now, 0, 0)) - Date.parse(account.contractStart!)) / DAY_MS);
  if (cadence && last + cadence < contractAge) {
    out.unshift({
      type: 'qbr',
      date: isoDayAt(now, -(last + cadence), 15),
      summary: 'Quarterly business review',
      attended: true,
      contactIds,
    });
  }
  return out;
}

export function buildActivities(now: Date, spec: AccountSpec, account: Account, contacts: Contact[]): Activity[] {
  const rng = rngFor(spec.key, 'activities');
  const main = primaryContact(contacts);
  const mainIds = main ? [main.id] : [];
  const drafts: ActivityDraft[] = [];
  const rich = spec.profile === 'strong' || spec.profile === 'fair' || spec.profile === 'weak';

  for (let i = randInt(rng, rich ? 3 : 1, rich ? 5 : 2); i > 0; i--) {
    const to = rng() < 0.7 ? mainIds : [pick(rng, contacts).id];
    const date = isoDayAt(now, -randInt(rng, 1, 40), randInt(rng, 13, 20), randInt(rng, 0, 59));
    drafts.push({ type: 'email', date, summary: pick(rng, EMAIL_SUMMARIES), contactIds: to });
  }
  if (rich) {
    for (let i = randInt(rng, 0, 2); i > 0; i--) {
      const date = isoDayAt(now, -randInt(rng, 2, 50), randInt(rng, 14, 19));
      drafts.push({ type: 'call', date, summary: pick(rng, CALL_SUMMARIES), contactIds: mainIds });
    }
    drafts.push(...pastMeetings(spec, now, mainIds), ...qbrs(spec, account, now, mainIds));
    if (rng() < 0.4) {
      // Upcoming: no `attended` yet.
      const date = isoDayAt(now, randInt(rng, 2, 12), randInt(rng, 14, 17));
      drafts.push({ type: 'meeting', date, summary: pick(rng, MEETING_SUMMARIES), contactIds: mainIds });
    }
  }
  drafts.push({ type: 'note', date: isoDayAt(now, -randInt(rng, 3, 60), 18), summary: pick(rng, NOTE_SUMMARIES) });
  drafts.push(...storyActivities(now, spec, contacts));

  return drafts
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
    .map((d, i) => ({ id: sampleId(spec.key, `a${i + 1}`), accountId: account.id, ...d }));
}
