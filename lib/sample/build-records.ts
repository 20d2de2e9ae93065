/** Support tickets, sales promises and commitments for one sample account. */
import type { Account, Commitment, Contact, Ticket } from '../model/bundle';
import { ANCHORS } from './anchors';
import { accountExecutive } from './build-account';
import { primaryContact } from './build-contacts';
import type { AccountSpec, Tier } from './catalogue-types';
import { DAY_MS, isoDay } from './dates';
import { sampleId } from './ids';
import { pick, pickDistinct, randInt, rngFor } from './random';
import { TICKET_SUBJECTS } from './vocabulary';

const HISTORY: Record<Tier, [number, number]> = { enterprise: [4, 8], 'mid-market': [2, 5], smb: [1, 3] };

function hasRecords(spec: AccountSpec): boolean {
  return spec.profile !== 'empty' && !spec.profile.startsWith('sparse');
}

export function buildTickets(now: Date, spec: AccountSpec): Ticket[] {
  if (!hasRecords(spec)) return [];
  const rng = rngFor(spec.key, 'tickets');
  const tickets: Ticket[] = [];
  const add = (openedDaysAgo: number, priority: Ticket['priority'], open: boolean, extra: Partial<Ticket> = {}) => {
    tickets.push({
      id: sampleId(spec.key, `t${tickets.length + 1}`),
      accountId: sampleId(spec.key),
      openedAt: isoDay(now, -openedDaysAgo),
      ...(open ? {} : { closedAt: isoDay(now, -Math.max(0, openedDaysAgo - randInt(rng, 1, 6))) }),
      priority,
      status: open ? 'open' : 'closed',
      subject: pick(rng, TICKET_SUBJECTS),
      ...extra,
    });
  };
  // Resolved history, all older than the 30-day spike window.
  for (let i = randInt(rng, ...HISTORY[spec.tier]); i > 0; i--)
    add(randInt(rng, 35, 170), pick(rng, ['P2', 'P3', 'P3', 'P4'] as const), false);
  // Open tickets by profile, P3/P4 only: an open P1/P2 is a red signal and is only set on purpose.
  const open = spec.profile === 'weak' ? 3 : spec.profile === 'fair' ? randInt(rng, 1, 2) : randInt(rng, 0, 1);
  for (let i = 0; i < open; i++) add(randInt(rng, 3, 20), pick(rng, ['P3', 'P4'] as const), true);
  for (let i = 0; i < (spec.recentTickets ?? 0); i++) add(randInt(rng, 1, 28), pick(rng, ['P3', 'P3', 'P4'] as const), false);
  if (spec.openP1) {
    add(2, 'P1', true, {
      subject: 'Fleet-sync outage: robots not receiving schedules at the Dayton plant',
      ...(spec.key === 'acme' ? { crm: { salesforceId: ANCHORS.acme.caseSalesforceId18 } } : {}),
    });
  }
  return tickets;
}

type CommitmentDraft = Pick<
  Commitment,
  'text' | 'kind' | 'owner' | 'promisedBy' | 'promisedTo' | 'madeAt' | 'dueDate' | 'status' | 'source'
>;

type PromiseTemplate = { text: string; dueFromStart?: number; dueAtRenewal?: boolean; toBuyer?: boolean };

const SALES_PROMISES: PromiseTemplate[] = [
  { text: 'Price held flat at renewal, with a 10% discount for a two-year term', dueAtRenewal: true, toBuyer: true },
  { text: '4-hour first response on P1 tickets and a 99.9% uptime SLA' },
  { text: 'Salesforce integration live within 60 days of kickoff', dueFromStart: 60 },
  { text: 'A dedicated onboarding engineer for the first 90 days', dueFromStart: 90 },
  { text: 'Free admin training for up to 20 people in the first quarter', dueFromStart: 90 },
  { text: 'HubSpot sync of contacts and deals set up by our team', dueFromStart: 45 },
];

function daysFromNow(now: Date, isoDate: string): number {
  return Math.round((Date.parse(isoDate) - Date.parse(isoDay(now, 0))) / DAY_MS);
}

export function buildCommitments(now: Date, spec: AccountSpec, account: Account, contacts: Contact[]): Commitment[] {
  const rng = rngFor(spec.key, 'commitments');
  const accountId = account.id;
  const list: Commitment[] = [];
  const add = (c: CommitmentDraft) => list.push({ id: sampleId(spec.key, `k${list.length + 1}`), accountId, ...c });
  const champion = contacts.find((c) => c.role === 'champion') ?? contacts[0];
  const buyer = contacts.find((c) => c.role === 'economic-buyer') ?? champion;
  const contact = primaryContact(contacts) ?? champion;
  const ae = accountExecutive(spec).name;
  const startIn = daysFromNow(now, account.contractStart!);
  const madeAt = isoDay(now, startIn - randInt(rng, 3, 15));

  // What the sale promised: made around contract start by the AE; past-due ones were delivered.
  const templates = spec.profile === 'empty' ? SALES_PROMISES.slice(0, 1) : hasRecords(spec) ? pickDistinct(rng, SALES_PROMISES, 2) : [];
  for (const t of templates) {
    const dueIn = t.dueAtRenewal
      ? daysFromNow(now, account.renewalDate!)
      : t.dueFromStart !== undefined
        ? startIn + t.dueFromStart
        : undefined;
    add({
      text: t.text,
      kind: 'sales-promise',
      owner: 'us',
      promisedBy: ae,
      promisedTo: (t.toBuyer ? buyer : champion)?.name,
      madeAt,
      ...(dueIn !== undefined ? { dueDate: isoDay(now, dueIn) } : {}),
      status: dueIn !== undefined && dueIn < 1 ? 'done' : 'open',
      source: { type: 'crm' },
    });
  }
  // Promises about future capabilities stay open with no date: the roadmap risk travels with the account.
  for (const text of spec.roadmapPromises ?? []) {
    add({
      text,
      kind: 'sales-promise',
      owner: 'us',
      promisedBy: ae,
      promisedTo: champion?.name,
      madeAt,
      status: 'open',
      source: { type: 'crm' },
    });
  }
  if (!hasRecords(spec)) return list;

  add({
    text: 'Send the onboarding recap and admin guide',
    kind: 'commitment',
    owner: 'us',
    promisedTo: contact?.name,
    madeAt: isoDay(now, -40),
    dueDate: isoDay(now, -33),
    status: 'done',
    source: { type: 'meeting' },
  });
  if (rng() < 0.6) {
    add({
      text: `Share the quarterly usage report with ${contact?.name}`,
      kind: 'commitment',
      owner: 'us',
      promisedTo: contact?.name,
      madeAt: isoDay(now, -6),
      dueDate: isoDay(now, randInt(rng, 2, 9)),
      status: 'open',
      source: { type: 'email' },
    });
  }
  // The customer's side slips too; that is theirs to deliver and no overdue flag of ours.
  const customerLate = rng() < 0.4;
  add({
    text: 'Confirm the admins for the new workspace',
    kind: 'commitment',
    owner: 'customer',
    promisedBy: contact?.name,
    madeAt: isoDay(now, -14),
    dueDate: isoDay(now, customerLate ? -5 : randInt(rng, 5, 15)),
    status: 'open',
    source: { type: 'meeting' },
  });
  if (spec.overdueOurs) {
    add({
      text: spec.overdueOurs.text,
      kind: 'commitment',
      owner: 'us',
      promisedTo: contact?.name,
      madeAt: isoDay(now, -spec.overdueOurs.daysLate - 7),
      dueDate: isoDay(now, -spec.overdueOurs.daysLate),
      status: 'open',
      source: { type: 'email', threadId: `sample-thread-${spec.key}-1` },
    });
  }
  return list;
}
