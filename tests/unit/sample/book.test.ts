import { RECORD_TYPES, recordSchemas } from '../../../lib/model/bundle';
import { ANCHORS, SAMPLE_USER } from '../../../lib/sample/anchors';
import { SAMPLE_ID_PREFIX, isSampleRecordId, makeSampleBook } from '../../../lib/sample/book';
import { SAMPLE_BOOK_CATALOGUE } from '../../../lib/sample/catalogue';

const NOW = new Date('2026-03-10T15:20:00Z');
const book = makeSampleBook(NOW);
const days = (iso: string) => (Date.parse(iso) - NOW.getTime()) / 86_400_000;
const byAccount = <T extends { accountId: string }>(list: T[] | undefined, id: string) => (list ?? []).filter((r) => r.accountId === id);

describe('makeSampleBook', () => {
  it('is a glance bundle whose every record passes the bundle schemas', () => {
    expect(book).toMatchObject({ format: 'glance.bundle', version: 1, generatedAt: NOW.toISOString() });
    for (const type of RECORD_TYPES) {
      const records = book[type] ?? [];
      expect(records.length, type).toBeGreaterThan(0);
      records.forEach((record, i) => {
        const result = recordSchemas[type].safeParse(record);
        expect(result.success, `${type}[${i}]: ${result.error?.message}`).toBe(true);
      });
    }
  });

  it('holds a real book: about fifty accounts across every tier, with tier matching ARR', () => {
    expect(book.accounts.length).toBeGreaterThanOrEqual(45);
    expect(book.accounts.length).toBeLessThanOrEqual(60);
    for (const a of book.accounts) {
      const derived = a.arr! > 100_000 ? 'enterprise' : a.arr! >= 25_000 ? 'mid-market' : 'smb';
      expect(a.tier, a.name).toBe(derived);
      expect(a.owner).toBe(SAMPLE_USER.email);
    }
    expect(new Set(book.accounts.map((a) => a.tier))).toEqual(new Set(['enterprise', 'mid-market', 'smb']));
    expect(new Set(book.accounts.map((a) => a.industry)).size).toBeGreaterThan(20);
  });

  it('marks every record as sample data', () => {
    expect(SAMPLE_ID_PREFIX).toBe('sample-');
    for (const type of RECORD_TYPES) {
      for (const record of (book[type] ?? []) as { id?: string; accountId?: string }[]) {
        if (type !== 'usage') expect(isSampleRecordId(record.id), `${type} ${record.id}`).toBe(true);
        if (type !== 'accounts') expect(isSampleRecordId(record.accountId)).toBe(true);
      }
    }
    for (const a of book.accounts) expect(a.sample).toBe(true);
    expect(isSampleRecordId('acme')).toBe(false);
    expect(isSampleRecordId(undefined)).toBe(false);
  });

  it('gives ids unique within each record type, and unique domains and contact emails', () => {
    for (const type of RECORD_TYPES.filter((t) => t !== 'usage')) {
      const ids = ((book[type] ?? []) as { id: string }[]).map((r) => r.id);
      expect(new Set(ids).size, type).toBe(ids.length);
    }
    const usageKeys = book.usage!.map((u) => `${u.accountId}|${u.date}`);
    expect(new Set(usageKeys).size).toBe(usageKeys.length);
    const emails = book.contacts!.map((c) => c.email);
    expect(new Set(emails).size).toBe(emails.length);
    const domains = book.accounts.filter((a) => !a.id.startsWith('sample-initech')).flatMap((a) => a.domains!);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('only references accounts and contacts that exist, within the same account', () => {
    const accountIds = new Set(book.accounts.map((a) => a.id));
    const contactAccount = new Map(book.contacts!.map((c) => [c.id, c.accountId]));
    for (const type of ['contacts', 'usage', 'tickets', 'commitments', 'activities'] as const) {
      for (const r of book[type]!) expect(accountIds.has(r.accountId), `${type} -> ${r.accountId}`).toBe(true);
    }
    for (const a of book.activities!) {
      for (const id of a.contactIds ?? []) expect(contactAccount.get(id), `${a.id} -> ${id}`).toBe(a.accountId);
    }
    for (const c of book.contacts!) {
      const account = book.accounts.find((a) => a.id === c.accountId)!;
      expect(
        account.domains!.some((d) => c.email.endsWith(`@${d}`)),
        c.email,
      ).toBe(true);
    }
  });

  it('contains the anchors exactly as written', () => {
    const { acme, globex, initechUs, initechEmea } = ANCHORS;
    const account = (id: string) => book.accounts.find((a) => a.id === id)!;
    const contact = (id: string) => book.contacts!.find((c) => c.id === id)!;
    expect(account(acme.accountId)).toMatchObject({
      name: acme.name,
      domains: [acme.domain],
      crm: { salesforceId: acme.salesforceId18, hubspotId: acme.hubspotCompanyId },
    });
    expect(acme.salesforceId18.startsWith(acme.salesforceId15)).toBe(true);
    for (const person of [acme.champion, acme.economicBuyer]) {
      expect(contact(person.id)).toMatchObject({
        accountId: acme.accountId,
        name: person.name,
        email: person.email,
        status: 'active',
        crm: { salesforceId: person.salesforceId18, hubspotId: person.hubspotContactId },
      });
    }
    expect(contact(acme.champion.id).role).toBe('champion');
    expect(
      book.tickets!.some(
        (t) => t.accountId === acme.accountId && (t.crm as { salesforceId?: string })?.salesforceId === acme.caseSalesforceId18,
      ),
    ).toBe(true);
    expect(account(globex.accountId)).toMatchObject({
      name: globex.name,
      domains: [globex.domain],
      crm: { salesforceId: globex.salesforceId18, hubspotId: globex.hubspotCompanyId },
    });
    expect(contact(globex.contact.id)).toMatchObject({
      accountId: globex.accountId,
      name: globex.contact.name,
      email: globex.contact.email,
      status: 'active',
    });
    expect(account(initechUs.accountId)).toMatchObject({
      name: initechUs.name,
      domains: ['initech.com'],
      crm: { salesforceId: initechUs.salesforceId18 },
    });
    expect(account(initechEmea.accountId)).toMatchObject({
      name: initechEmea.name,
      domains: ['initech.com'],
      crm: { salesforceId: initechEmea.salesforceId18 },
    });
    // Strangers stay strangers: the host pages rely on them matching by domain only, or not at all.
    for (const stranger of [globex.subdomainSender, ANCHORS.initechStranger, ANCHORS.freeMailStranger]) {
      expect(book.contacts!.some((c) => c.email === stranger.email || c.name === stranger.name)).toBe(false);
    }
  });

  it('gives Globex a champion who departed six days ago while Hannah Kirby stays active', () => {
    const globex = byAccount(book.contacts, ANCHORS.globex.accountId);
    const oliver = globex.find((c) => c.name === 'Oliver Grant')!;
    expect(oliver).toMatchObject({ role: 'champion', status: 'departed' });
    expect(Math.floor(-days(oliver.departedAt!))).toBe(6);
    expect(globex.some((c) => c.role === 'champion' && c.status === 'active')).toBe(false);
  });

  it('puts 3-8 contacts with roles, 12 weeks of usage and 16 weeks of health history on the accounts that have data', () => {
    for (const a of book.accounts) {
      const contacts = byAccount(book.contacts, a.id);
      expect(contacts.length, a.name).toBeGreaterThanOrEqual(3);
      expect(contacts.length, a.name).toBeLessThanOrEqual(8);
      expect(contacts.every((c) => c.role && c.title)).toBe(true);
    }
    const northwind = book.accounts.find((a) => a.id === 'sample-northwind')!;
    const usage = byAccount(book.usage, northwind.id);
    expect(usage.length).toBe(84);
    expect(Math.round(-days(usage[0].date))).toBeGreaterThanOrEqual(83);
    expect(northwind.healthHistory!.length).toBe(16);
    expect(book.accounts.find((a) => a.id === 'sample-marigold')!.healthHistory).toBeUndefined();
  });

  it('carries sales promises and commitments in every state', () => {
    const promises = book.commitments!.filter((c) => c.kind === 'sales-promise');
    expect(promises.every((p) => p.promisedBy && p.promisedTo && p.madeAt)).toBe(true);
    expect(promises.map((p) => p.text)).toEqual(
      expect.arrayContaining(['The Snowflake connector is on the roadmap for Q3', 'Will support SSO via Okta next release']),
    );
    expect(promises.some((p) => /discount/i.test(p.text))).toBe(true);
    expect(promises.some((p) => /SLA/.test(p.text))).toBe(true);
    expect(promises.some((p) => /integration/i.test(p.text))).toBe(true);
    const ours = book.commitments!.filter((c) => c.kind === 'commitment' && c.owner === 'us');
    const overdue = ours.filter((c) => c.status === 'open' && days(c.dueDate!) < -1);
    expect(overdue.map((c) => c.accountId).sort()).toEqual(['sample-acme', 'sample-stonegate']);
    expect(ours.some((c) => c.status === 'open' && days(c.dueDate!) > 0 && days(c.dueDate!) < 10)).toBe(true);
    expect(ours.some((c) => c.status === 'done')).toBe(true);
    expect(book.commitments!.some((c) => c.owner === 'customer' && c.status === 'open' && days(c.dueDate!) < 0)).toBe(true);
  });

  it('has Acme meetings in about two hours and tomorrow, and every kind of touch', () => {
    const acmeMeetings = byAccount(book.activities, 'sample-acme').filter((a) => a.type === 'meeting' && days(a.date) > 0);
    const inHours = acmeMeetings.map((m) => days(m.date) * 24);
    expect(inHours.some((h) => h > 1.8 && h < 2.2)).toBe(true);
    expect(acmeMeetings.some((m) => m.date.slice(0, 10) === '2026-03-11')).toBe(true);
    const types = new Set(book.activities!.map((a) => a.type));
    expect(types).toEqual(new Set(['email', 'meeting', 'call', 'note', 'qbr']));
    expect(book.activities!.some((a) => a.type === 'meeting' && a.attended === false)).toBe(true);
  });

  it('is deterministic for the same now', () => {
    expect(makeSampleBook(new Date(NOW))).toEqual(book);
  });

  it('lists one catalogue entry per account, each with a designed situation', () => {
    expect(SAMPLE_BOOK_CATALOGUE.map((s) => `sample-${s.key}`)).toEqual(book.accounts.map((a) => a.id));
    for (const spec of SAMPLE_BOOK_CATALOGUE) expect(spec.situation.length).toBeGreaterThan(10);
  });
});
