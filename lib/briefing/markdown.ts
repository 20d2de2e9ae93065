/**
 * The briefing as Markdown, for pasting into call notes, a CRM or a message to the AE. It follows the
 * popup's order and words, so what she pastes is what she read.
 */
import type { AccountView } from '../account-view/types';
import { isRoadmapPromise } from '../promises';
import type { BriefingCommitment, BriefingPerson } from './derive';
import { goals, nextMeeting, openCommitments, people, recentTouches } from './derive';
import { BAND_NAMES, dayMonth, fullDate, GOAL_STATUS, meetingTime, money, relative, ROLE_NAMES, TIER_NAMES } from './format';
import { talkingPoints } from './talking-points';

export interface MarkdownOptions {
  /** Zone for meeting times; the runtime's own when absent. */
  timeZone?: string;
}

const TOUCH_NAMES: Record<string, string> = { email: 'Email', meeting: 'Meeting', call: 'Call', note: 'Note', qbr: 'QBR' };

/** Keeps record text from breaking the Markdown around it. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .trim();
}

function header(view: AccountView): string[] {
  const { account, insights } = view;
  const tier = insights.tier.tier ? TIER_NAMES[insights.tier.tier] : 'No tier';
  const facts = [tier, `ARR ${money(account.arr, account.currency)}`];
  const r = insights.renewal;
  if (r) {
    const stage = r.stage ? `stage ${r.stage.id} ${r.stage.title}` : 'before the renewal stages';
    facts.push(`Renewal ${fullDate(r.renewalDate)} (${relative(r.renewalDate, view.asOf)}, ${stage})`);
  } else {
    facts.push('No renewal date');
  }
  return [`# ${inline(account.name)}: pre-call briefing`, '', facts.join(' · '), `_As of ${fullDate(view.asOf)}_`];
}

function health(view: AccountView): string[] {
  const h = view.insights.health;
  if (h.score === null) return ['## Health: no data', '', 'No dimension has data yet, so there is no score.'];
  const t = h.trend;
  const trend = !t
    ? 'no score from 30 days ago'
    : t.direction === 'flat'
      ? `unchanged since ${dayMonth(t.previousDate)}`
      : `${t.direction} ${Math.abs(t.delta)} since ${dayMonth(t.previousDate)} (from ${t.previousScore})`;
  const out = [`## Health: ${h.score} ${BAND_NAMES[h.band]}, ${trend}`, ''];
  for (const d of h.drivers.down) out.push(`- Down: ${inline(d.text)}`);
  for (const d of h.drivers.up) out.push(`- Up: ${inline(d.text)}`);
  return out;
}

function alerts(view: AccountView): string[] {
  const signals = view.insights.signals;
  if (signals.length === 0) return ['## Risk signals', '', 'None.'];
  return ['## Risk signals', '', ...signals.map((s) => `- **${inline(s.title)}** (${s.level}): ${inline(s.detail)}`)];
}

function action(view: AccountView): string[] {
  const { top, more } = view.insights.actions;
  if (!top) return ['## Next best action', '', 'No suggested action right now.'];
  const out = ['## Next best action', '', `**${inline(top.title)}**: ${inline(top.reason)}`];
  if (more.length > 0) out.push('', ...more.map((a) => `- Then: ${inline(a.title)}`));
  return out;
}

function commitmentLine(b: BriefingCommitment, asOf: string): string {
  const c = b.commitment;
  const flags = [
    b.status === 'overdue' ? '**Overdue**' : null,
    b.theirsLate ? '**Past due**' : null,
    c.kind === 'sales-promise' && isRoadmapPromise(c.text) ? '**Roadmap risk**' : null,
  ].filter(Boolean);
  const due = c.dueDate ? `due ${fullDate(c.dueDate)} (${relative(c.dueDate, asOf)})` : 'no due date';
  const who = [c.promisedBy ? `by ${inline(c.promisedBy)}` : '', c.promisedTo ? `to ${inline(c.promisedTo)}` : '']
    .filter(Boolean)
    .join(' ');
  return `- [ ] ${flags.length ? `${flags.join(' ')} ` : ''}${inline(c.text)} · ${due}${who ? ` · ${who}` : ''}`;
}

function commitments(view: AccountView): string[] {
  const { ours, theirs, promises } = openCommitments(view);
  const group = (title: string, list: BriefingCommitment[], none: string) => [
    `### ${title}`,
    '',
    ...(list.length ? list.map((b) => commitmentLine(b, view.asOf)) : [none]),
    '',
  ];
  return [
    '## Open commitments',
    '',
    ...group('Ours', ours, 'None open.'),
    ...group('Theirs', theirs, 'None open.'),
    ...group('Sales promises', promises, 'None open.'),
  ].slice(0, -1);
}

function personLine(p: BriefingPerson): string {
  const c = p.contact;
  const bits = [c.role ? ROLE_NAMES[c.role] : null, c.title ? inline(c.title) : null].filter(Boolean).join(', ');
  const state = p.departed
    ? ` (**departed**${c.departedAt ? ` ${fullDate(c.departedAt)}` : ''})`
    : p.quietDays !== undefined
      ? ` (**quiet ${p.quietDays} days**)`
      : '';
  return `- ${inline(c.name)}${bits ? `, ${bits}` : ''}${state}`;
}

function peopleSection(view: AccountView): string[] {
  const p = people(view);
  const out = ['## People', ''];
  const all = [...p.key, ...p.departed, ...p.quiet];
  if (all.length === 0) out.push('No key people on record.');
  out.push(...all.map(personLine));
  if (p.missingRoles.length && view.contacts.length) {
    out.push(`- No active ${p.missingRoles.map((r) => ROLE_NAMES[r].toLowerCase()).join(', ')} on record`);
  }
  return out;
}

function goalsSection(view: AccountView): string[] {
  const list = goals(view);
  return ['## Goals', '', ...(list.length ? list.map((g) => `- ${inline(g.text)}: ${GOAL_STATUS[g.status]}`) : ['No goals on record.'])];
}

function touches(view: AccountView, options: MarkdownOptions): string[] {
  const next = nextMeeting(view);
  const out = ['## Touches', ''];
  out.push(
    next
      ? `**Next meeting:** ${meetingTime(next.date, options.timeZone)} (${relative(next.date, view.asOf)})${next.summary ? `: ${inline(next.summary)}` : ''}`
      : '**Next meeting:** none scheduled',
    '',
  );
  const recent = recentTouches(view);
  if (recent.length === 0) out.push('No touches on record.');
  for (const a of recent) {
    const missed = a.type === 'meeting' && a.attended === false ? ' (missed)' : '';
    out.push(`- ${fullDate(a.date)} · ${TOUCH_NAMES[a.type]}${missed}${a.summary ? `: ${inline(a.summary)}` : ''}`);
  }
  return out;
}

function points(view: AccountView): string[] {
  const list = talkingPoints(view);
  return ['## Talking points', '', ...(list.length ? list.map((p) => `- ${inline(p)}`) : ['Nothing pressing: keep the cadence.'])];
}

export function briefingMarkdown(view: AccountView, options: MarkdownOptions = {}): string {
  const sections = [
    header(view),
    points(view),
    health(view),
    alerts(view),
    action(view),
    commitments(view),
    peopleSection(view),
    goalsSection(view),
    touches(view, options),
  ];
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
