/** The people at one sample account: one active champion (unless the story says otherwise), buyers, technical and everyday users. */
import type { Contact } from '../model/bundle';
import type { AccountSpec, Tier } from './catalogue-types';
import { isoAt, isoDay } from './dates';
import { sampleId } from './ids';
import { pick, randBetween, randInt, rngFor } from './random';
import { makeSalesforceId15, toSalesforceId18 } from './salesforce-id';
import { FIRST_NAMES, LAST_NAMES, TITLES } from './vocabulary';

type Role = NonNullable<Contact['role']>;

const COUNT: Record<Tier, [number, number]> = { enterprise: [6, 8], 'mid-market': [4, 6], smb: [3, 4] };

function rolesFor(count: number, tier: Tier): Role[] {
  const roles: Role[] = ['champion', 'economic-buyer'];
  if (tier !== 'smb') roles.push('executive-sponsor');
  roles.push('technical');
  while (roles.length < count) roles.push(roles.length % 3 === 0 ? 'technical' : 'user');
  return roles.slice(0, count);
}

function emailLocal(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}

export function buildContacts(now: Date, spec: AccountSpec, accountIndex: number): Contact[] {
  const rng = rngFor(spec.key, 'contacts');
  const count = spec.contactCount ?? randInt(rng, ...COUNT[spec.tier]);
  const fixed = spec.fixedContacts ?? [];
  const usedNames = new Set(fixed.map((c) => c.name));
  const departing = spec.championDepartedDaysAgo !== undefined;
  // The fixed (anchor) contacts already fill some roles; the generated ones take the rest.
  const openRoles = rolesFor(count, spec.tier).filter((role) => !fixed.some((c) => c.role === role));
  const withCrm = accountIndex % 4 !== 3 && !spec.profile.startsWith('sparse') && spec.profile !== 'empty';

  const contacts: Contact[] = fixed.map((c) => ({
    ...c,
    accountId: sampleId(spec.key),
    status: 'active',
    lastResponseAt: isoAt(now, -(c.role === 'champion' ? randBetween(rng, 0.5, 3) : randBetween(rng, 2, 12))),
  })) as Contact[];

  for (const role of openRoles) {
    if (contacts.length >= count) break;
    let name = departing && role === 'champion' && spec.departedChampionName ? spec.departedChampionName : '';
    while (!name || usedNames.has(name)) name = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
    usedNames.add(name);
    const n = contacts.length + 1;
    const contact: Contact = {
      id: sampleId(spec.key, `c${n}`),
      accountId: sampleId(spec.key),
      name,
      email: `${emailLocal(name)}@${spec.domain}`,
      title: pick(rng, TITLES[role]),
      role,
      status: 'active',
    };
    if (role === 'champion') {
      const days = spec.championResponseDaysAgo ?? randBetween(rng, 0.5, 4);
      contact.lastResponseAt = isoAt(now, -days);
      if (departing) {
        contact.status = 'departed';
        contact.departedAt = isoDay(now, -spec.championDepartedDaysAgo!);
        contact.lastResponseAt = isoAt(now, -(spec.championDepartedDaysAgo! + 3));
      }
    } else {
      contact.lastResponseAt = isoAt(now, -randBetween(rng, 1, 30));
    }
    if (withCrm) {
      const serial = accountIndex * 10 + n;
      contact.crm =
        accountIndex % 2 === 0
          ? { salesforceId: toSalesforceId18(makeSalesforceId15('003', 'Sb', serial)), hubspotId: String(60_000 + serial) }
          : { salesforceId: toSalesforceId18(makeSalesforceId15('003', 'Sb', serial)) };
    }
    contacts.push(contact);
  }
  return contacts;
}

/** The contact the CSM works with day to day: the active champion, else the first active contact. */
export function primaryContact(contacts: Contact[]): Contact | undefined {
  return contacts.find((c) => c.role === 'champion' && c.status !== 'departed') ?? contacts.find((c) => c.status !== 'departed');
}
