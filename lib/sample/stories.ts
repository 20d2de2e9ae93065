/** Hand-written touches that tell the story of the accounts designed around one situation. */
import type { Contact } from '../model/bundle';
import type { ActivityDraft } from './build-activities';
import type { AccountSpec } from './catalogue-types';
import { isoAt, isoDayAt, roundedLater } from './dates';

type Story = (now: Date, people: { main: string[]; byRole: (role: Contact['role']) => string[]; departed: string[] }) => ActivityDraft[];

const STORIES: Record<string, Story> = {
  acme: (now, p) => [
    {
      type: 'email',
      date: isoAt(now, -2.2),
      summary: 'Dana: robots at the Dayton plant stopped receiving schedules; P1 opened',
      contactIds: p.main,
    },
    { type: 'call', date: isoAt(now, -1.9), summary: 'Bridge call with Dana and support on the fleet-sync outage', contactIds: p.main },
    {
      type: 'note',
      date: isoAt(now, -1.5),
      summary: 'Raj asked whether the renewal still makes sense if this repeats',
      contactIds: p.byRole('economic-buyer'),
    },
    {
      type: 'meeting',
      date: roundedLater(now, 2),
      summary: 'Recovery check-in: fleet-sync outage',
      contactIds: [...p.main, ...p.byRole('technical')],
    },
    {
      type: 'meeting',
      date: isoDayAt(now, 1, 16),
      summary: 'Executive call with Raj Patel on the recovery plan',
      contactIds: [...p.byRole('economic-buyer'), ...p.main],
    },
  ],
  globex: (now, p) => [
    {
      type: 'email',
      date: isoAt(now, -9.3),
      summary: 'Oliver: "Friday will be my last day; Hannah will cover for now"',
      contactIds: p.departed,
    },
    { type: 'note', date: isoDayAt(now, -6, 17), summary: 'Oliver Grant has left Globex; successor not named yet', contactIds: p.departed },
    { type: 'meeting', date: isoDayAt(now, 1, 10), summary: 'Introduction call with Hannah Kirby', contactIds: p.byRole('economic-buyer') },
  ],
  bramblewood: (now, p) => [
    { type: 'email', date: isoAt(now, -9), summary: 'Asked for the spring rollout dates: no reply yet', contactIds: p.main },
    { type: 'email', date: isoAt(now, -3), summary: 'Nudged again about the rollout dates: no reply', contactIds: p.main },
  ],
  brightwater: (now, p) => [
    { type: 'email', date: isoAt(now, -12), summary: 'Asked for pricing on 60 more seats for the offshore wind team', contactIds: p.main },
  ],
  lumengrove: (now, p) => [
    {
      type: 'note',
      date: isoDayAt(now, -50, 17),
      summary: 'New data-platform team of 20 forming; they want the same setup',
      contactIds: p.main,
    },
  ],
  keystone: (now, p) => [
    {
      type: 'email',
      date: isoAt(now, -20),
      summary: '"We\'re evaluating our tech stack after the merger"',
      contactIds: p.byRole('executive-sponsor'),
    },
  ],
  orchardlane: (now, p) => [
    { type: 'call', date: isoAt(now, -35), summary: 'Champion confirmed layoffs; two of our admins are gone', contactIds: p.main },
  ],
  vantagepoint: (now, p) => [
    { type: 'note', date: isoAt(now, -10), summary: 'Tickets up sharply since their routing change', contactIds: p.byRole('technical') },
  ],
  solstice: (now, p) => [
    { type: 'email', date: isoAt(now, -4), summary: 'Sent the renewal order form for signature', contactIds: p.byRole('economic-buyer') },
  ],
  marigold: (now, p) => [{ type: 'meeting', date: isoDayAt(now, 3, 15), summary: 'Kickoff call', contactIds: p.main }],
};

export function storyActivities(now: Date, spec: AccountSpec, contacts: Contact[]): ActivityDraft[] {
  const story = STORIES[spec.key];
  if (!story) return [];
  const active = contacts.filter((c) => c.status !== 'departed');
  const main = active.find((c) => c.role === 'champion') ?? active[0];
  return story(now, {
    main: main ? [main.id] : [],
    byRole: (role) =>
      active
        .filter((c) => c.role === role)
        .map((c) => c.id)
        .slice(0, 1),
    departed: contacts.filter((c) => c.status === 'departed').map((c) => c.id),
  });
}
