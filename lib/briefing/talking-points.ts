/**
 * Suggested talking points for the call, derived from the account's data. Each point names the data
 * behind it (a number, a date, a record's words) so the CSM can say it aloud without looking it up,
 * and they come riskiest first because the call may end before the list does.
 */
import type { AccountView } from '../account-view/types';
import { isRoadmapPromise } from '../promises';
import { calendarDaysUntil, sortByDate, wholeDaysAgo } from '../time';
import { goals, openCommitments, people } from './derive';
import { clip, dayMonth, ROLE_NAMES } from './format';

export const MAX_TALKING_POINTS = 5;

type Rule = (view: AccountView) => string[];

const has = (view: AccountView, id: string) => view.insights.signals.some((s) => s.id === id);

const departures: Rule = (view) =>
  people(view)
    .departed.filter((p) => p.contact.role && p.contact.role !== 'user')
    .map((p) => {
      const when = p.contact.departedAt ? `, left ${dayMonth(p.contact.departedAt)}` : '';
      return `Ask who takes over from ${p.contact.name} (${ROLE_NAMES[p.contact.role!].toLowerCase()}${when}) and for an introduction`;
    });

const urgentTickets: Rule = (view) =>
  view.openTickets
    .filter((t) => t.priority === 'P1' || t.priority === 'P2')
    .slice(0, 2)
    .map((t) => `Give the latest on the open ${t.priority} "${clip(t.subject ?? t.id)}" (opened ${dayMonth(t.openedAt)})`);

const ourLateCommitments: Rule = (view) =>
  [...openCommitments(view).ours, ...openCommitments(view).promises]
    .filter((b) => b.status === 'overdue')
    .slice(0, 2)
    .map((b) => {
      const late = -calendarDaysUntil(b.commitment.dueDate!, view.asOf);
      return `Own the overdue "${clip(b.commitment.text)}" (due ${dayMonth(b.commitment.dueDate!)}, ${late} ${late === 1 ? 'day' : 'days'} late) and give a new date`;
    });

const usageDrop: Rule = (view) => {
  if (!has(view, 'usage-drop')) return [];
  const weeks = view.insights.weeklyLogins;
  const last = weeks[weeks.length - 1]?.logins ?? 0;
  const before = weeks[weeks.length - 2]?.logins ?? 0;
  if (before <= 0) return [];
  const pct = Math.round(((before - last) / before) * 100);
  return [`Ask about the ${pct}% drop in logins last week (${last}, down from ${before} the week before)`];
};

const nps: Rule = (view) => {
  const responses = sortByDate(view.account.nps ?? [], (n) => n.date);
  const latest = responses[responses.length - 1];
  if (!latest || latest.score > 6) return [];
  const before = responses[responses.length - 2];
  const change = before && before.score > latest.score ? `, down from ${before.score}` : '';
  return [`Ask what is behind their NPS of ${latest.score} on ${dayMonth(latest.date)}${change}`];
};

const quietChampion: Rule = (view) =>
  view.insights.signals
    .filter((s) => s.id === 'champion-dark')
    .map((s) => view.contacts.find((c) => c.id === s.subjectId))
    .filter((c) => c?.lastResponseAt !== undefined)
    .map((c) => `Re-engage ${c!.name}: the champion has not replied for ${wholeDaysAgo(c!.lastResponseAt!, view.asOf)} days`);

const missedMeetings: Rule = (view) => {
  const signal = view.insights.signals.find((s) => s.id === 'missed-meetings');
  return signal ? [`Check this time slot still works: ${signal.detail}`] : [];
};

const orgChange: Rule = (view) =>
  (view.account.events ?? [])
    .filter((e) => e.type === 'layoffs' || e.type === 'merger' || e.type === 'acquisition')
    .filter((e) => has(view, 'org-change') && wholeDaysAgo(e.date, view.asOf) <= 90)
    .slice(0, 1)
    .map((e) => `Ask what the ${e.type} on ${dayMonth(e.date)} mean for their team and priorities`);

const renewal: Rule = (view) => {
  const r = view.insights.renewal;
  if (!r || r.daysToGo < 0) return [];
  if (r.ninetyDayRule.breached) {
    return [`Raise the renewal on ${dayMonth(r.renewalDate)} (${r.daysToGo} days out): no renewal conversation is on record yet`];
  }
  if (!r.stage) return [];
  return [`Renewal in ${r.daysToGo} days (${r.stage.id}, ${r.stage.title.toLowerCase()}): ${r.stage.checklist[0].toLowerCase()}`];
};

const theirLateCommitments: Rule = (view) =>
  openCommitments(view)
    .theirs.filter((b) => b.theirsLate)
    .slice(0, 1)
    .map((b) => `Check on their "${clip(b.commitment.text)}" (was due ${dayMonth(b.commitment.dueDate!)})`);

const offTrackGoals: Rule = (view) =>
  goals(view)
    .filter((g) => g.status === 'off-track')
    .slice(0, 1)
    .map((g) => `Review the goal "${clip(g.text)}": off track`);

const roadmapPromises: Rule = (view) =>
  openCommitments(view)
    .promises.filter((b) => isRoadmapPromise(b.commitment.text))
    .slice(0, 1)
    .map((b) => {
      const by = b.commitment.promisedBy ? ` (promised by ${b.commitment.promisedBy})` : '';
      return `Do not overpromise on "${clip(b.commitment.text)}"${by}: it is a roadmap item`;
    });

const missingSponsor: Rule = (view) => {
  if (view.contacts.length === 0) return [];
  return people(view)
    .missingRoles.filter((role) => role !== 'champion' || !people(view).departed.some((p) => p.contact.role === 'champion'))
    .slice(0, 1)
    .map((role) => `Ask who their ${ROLE_NAMES[role].toLowerCase()} is: none on record`);
};

const qbr: Rule = (view) => {
  const t = view.insights.tier;
  if (!t.qbrDue) return [];
  return [t.lastQbrDate ? `Propose a date for the QBR: the last was ${dayMonth(t.lastQbrDate)}` : 'Propose a first QBR: none on record'];
};

const expansion: Rule = (view) => {
  if (!view.insights.expansion.ready) return [];
  const seats = view.insights.expansion.conditions.find((c) => c.id === 'seat-utilisation');
  return [`Open the expansion conversation${seats ? `: ${seats.reason}` : ''}`];
};

const wins: Rule = (view) =>
  goals(view)
    .filter((g) => g.status === 'on-track')
    .slice(0, 1)
    .map((g) => `Recognise progress on "${clip(g.text)}": on track`);

/** Riskiest first: a departure or an outage decides the call; a win is for when there is time. */
const RULES: Rule[] = [
  departures,
  urgentTickets,
  ourLateCommitments,
  usageDrop,
  nps,
  quietChampion,
  missedMeetings,
  orgChange,
  renewal,
  theirLateCommitments,
  offTrackGoals,
  roadmapPromises,
  missingSponsor,
  qbr,
  expansion,
  wins,
];

export function talkingPoints(view: AccountView, max = MAX_TALKING_POINTS): string[] {
  const points: string[] = [];
  for (const rule of RULES) {
    for (const point of rule(view)) if (!points.includes(point)) points.push(point);
    if (points.length >= max) break;
  }
  return points.slice(0, max);
}
