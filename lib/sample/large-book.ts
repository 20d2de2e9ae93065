/**
 * A large book for performance tests and benchmarks: e.g. 10,000 accounts with 10 contacts each.
 * Speed matters more than richness here (generation stays well under two seconds), so it uses
 * one seeded stream, cached dates and plain loops. The anchor accounts come first, exactly as in
 * the sample book, so a benchmark Gmail thread from Acme still finds Acme among thousands.
 */
import type { Account, Bundle, Contact, UsagePoint } from '../model/bundle';
import { SAMPLE_USER } from './anchors';
import { buildSampleAccount } from './book';
import { ANCHOR_SPECS } from './catalogue-anchors';
import { isoAt, isoDay } from './dates';
import { SAMPLE_ID_PREFIX } from './ids';
import { makeRng, type Rng } from './random';
import { makeSalesforceId15, toSalesforceId18 } from './salesforce-id';
import { ACCOUNT_EXECUTIVES, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, TITLES } from './vocabulary';

export interface LargeBookOptions {
  accounts: number;
  contactsPerAccount: number;
  seed?: number;
  now: Date;
  /** Weekly usage points for the last 12 weeks; off by default to keep the file small. */
  usage?: boolean;
}

const ROLES: Contact['role'][] = ['champion', 'economic-buyer', 'technical', 'executive-sponsor'];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'rarely'] as const;

/** Unique for every index: a mixed-radix walk through the word lists, numbered once they run out. */
function companyName(index: number): string {
  const { first, second, last } = COMPANY_WORDS;
  const a = first[index % first.length];
  const b = second[Math.floor(index / first.length) % second.length];
  const c = last[Math.floor(index / (first.length * second.length)) % last.length];
  const round = Math.floor(index / (first.length * second.length * last.length));
  return round === 0 ? `${a} ${b} ${c}` : `${a} ${b} ${c} ${round + 1}`;
}

function domainOf(name: string, index: number): string {
  // The index keeps domains unique even where two names slug alike.
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}${index.toString(36)}.com`;
}

export function makeLargeBook(options: LargeBookOptions): Bundle {
  const { now, contactsPerAccount } = options;
  const total = Math.max(0, Math.floor(options.accounts));
  const rng: Rng = makeRng(options.seed ?? 20_240_601);
  const dayCache = new Map<number, string>();
  const day = (offset: number) => {
    let s = dayCache.get(offset);
    if (s === undefined) dayCache.set(offset, (s = isoDay(now, offset)));
    return s;
  };
  const kit = contactKit(rng, now);
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const usage: UsagePoint[] = [];
  const rest: Required<Pick<Bundle, 'tickets' | 'commitments' | 'activities'>> = { tickets: [], commitments: [], activities: [] };

  const anchors = ANCHOR_SPECS.slice(0, total);
  anchors.forEach((spec, index) => {
    const built = buildSampleAccount(now, spec, index);
    accounts.push(built.account);
    contacts.push(...built.contacts);
    // Pad anchor accounts to the requested size so the totals stay accounts x contactsPerAccount.
    const domain = built.account.domains![0];
    for (let j = built.contacts.length + 1; j <= contactsPerAccount; j++) {
      contacts.push(makeContact(kit, built.account.id, domain, j, index, undefined));
    }
    usage.push(...built.usage);
    rest.tickets.push(...built.tickets);
    rest.commitments.push(...built.commitments);
    rest.activities.push(...built.activities);
  });

  for (let index = anchors.length; index < total; index++) {
    const id = `${SAMPLE_ID_PREFIX}lb-${String(index).padStart(6, '0')}`;
    const name = companyName(index);
    const domain = domainOf(name, index);
    const arr = Math.round(Math.exp(Math.log(5_000) + rng() * (Math.log(500_000) - Math.log(5_000))) / 100) * 100;
    const renewalIn = int(1, 365);
    const licensedSeats = Math.max(5, Math.round(arr / 1_000));
    const crmKind = index % 3;
    const sf15 = makeSalesforceId15('001', 'Lb', index);
    const account: Account = {
      id,
      name,
      domains: [domain],
      ...(crmKind === 0 ? { crm: { salesforceId: toSalesforceId18(sf15), hubspotId: String(100_000 + index) } } : {}),
      ...(crmKind === 1 ? { crm: { salesforceId: sf15 } } : {}),
      ...(crmKind === 2 ? { crm: { hubspotId: String(100_000 + index) } } : {}),
      arr,
      tier: arr > 100_000 ? 'enterprise' : arr >= 25_000 ? 'mid-market' : 'smb',
      contractStart: day(renewalIn - 365),
      renewalDate: day(renewalIn),
      owner: SAMPLE_USER.email,
      ae: ACCOUNT_EXECUTIVES[index % ACCOUNT_EXECUTIVES.length].email,
      licensedSeats,
      activeSeats: Math.round(licensedSeats * (0.3 + rng() * 0.7)),
      loginFrequency: FREQUENCIES[int(0, 3)],
      nps: [{ date: day(-int(10, 120)), score: int(3, 10) }],
      renewalProbability: rng() < 0.6 ? 'high' : rng() < 0.7 ? 'medium' : 'low',
      invoice: rng() < 0.92 ? { status: 'current' } : { status: 'late', daysLate: int(5, 45) },
      sample: true,
    };
    accounts.push(account);
    for (let j = 1; j <= contactsPerAccount; j++) contacts.push(makeContact(kit, id, domain, j, index, crmKind));
    if (options.usage) {
      const base = Math.max(3, Math.round(account.activeSeats! * (1 + rng() * 3)));
      for (let w = 11; w >= 0; w--) {
        usage.push({ accountId: id, date: day(-7 * w), logins: Math.round(base * (0.8 + rng() * 0.4)), activeUsers: account.activeSeats });
      }
    }
  }

  return { format: 'glance.bundle', version: 1, generatedAt: now.toISOString(), accounts, contacts, usage, ...rest };
}

/** Per-book caches: formatting dates and slugging names 100,000 times is most of the cost otherwise. */
interface ContactKit {
  rng: Rng;
  now: Date;
  slugs: { first: string[]; last: string[] };
  responded: Map<number, string>;
}

function contactKit(rng: Rng, now: Date): ContactKit {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return { rng, now, slugs: { first: FIRST_NAMES.map(slug), last: LAST_NAMES.map(slug) }, responded: new Map() };
}

function makeContact(kit: ContactKit, accountId: string, domain: string, j: number, index: number, crmKind: number | undefined): Contact {
  const { rng } = kit;
  const f = Math.floor(rng() * FIRST_NAMES.length);
  const l = Math.floor(rng() * LAST_NAMES.length);
  const role = j <= ROLES.length ? ROLES[j - 1]! : 'user';
  // Whole hours are plenty of resolution for "last answered", and let the strings be shared.
  const hoursAgo = Math.floor(rng() * 720);
  let responded = kit.responded.get(hoursAgo);
  if (responded === undefined) kit.responded.set(hoursAgo, (responded = isoAt(kit.now, -hoursAgo / 24)));
  const serial = index * 1_000 + j;
  const contact: Contact = {
    id: `${accountId}-c${j}`,
    accountId,
    name: `${FIRST_NAMES[f]} ${LAST_NAMES[l]}`,
    // The position keeps addresses unique where two people share a name.
    email: `${kit.slugs.first[f]}.${kit.slugs.last[l]}.${j}@${domain}`,
    title: TITLES[role][j % TITLES[role].length],
    role,
    status: 'active',
    lastResponseAt: responded,
  };
  if (crmKind === 0 || crmKind === 1) contact.crm = { salesforceId: toSalesforceId18(makeSalesforceId15('003', 'Lb', serial)) };
  if (crmKind === 2) contact.crm = { hubspotId: String(5_000_000 + serial) };
  return contact;
}
