/**
 * The fake Salesforce org's records: 18-character ids with their case checksum, SystemModstamp at
 * whole seconds in Salesforce's `+0000` form (so edits within one second tie, as they do in an
 * org), and a deterministic seed of users, accounts with websites, contacts, opportunities, cases.
 */

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** @param {string} id15 */
export function id18(id15) {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i])) bits |= 1 << i;
    suffix += SUFFIX[bits];
  }
  return id15 + suffix;
}

export const KEY_PREFIX = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Case: '500',
  Task: '00T',
  Event: '00U',
  User: '005',
  Organization: '00D',
};

/** Salesforce's datetime form: `2026-05-01T07:25:37.000+0000`, at whole seconds. @param {number} ms */
export function stamp(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('Z', '+0000');
}

/** Fields each sObject has in the fake org (a query naming any other is INVALID_FIELD, as in an org). */
export const FIELDS = {
  Organization: ['Id', 'Name', 'InstanceName', 'IsSandbox', 'OrganizationType'],
  User: ['Id', 'Username', 'Email', 'FirstName', 'LastName', 'Name', 'IsActive', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp'],
  Account: [
    'Id',
    'Name',
    'Website',
    'OwnerId',
    'Industry',
    'Type',
    'AnnualRevenue',
    'NumberOfEmployees',
    'IsDeleted',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
  ],
  Contact: [
    'Id',
    'FirstName',
    'LastName',
    'Name',
    'Email',
    'Title',
    'Phone',
    'AccountId',
    'OwnerId',
    'IsDeleted',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
  ],
  Opportunity: [
    'Id',
    'Name',
    'AccountId',
    'Type',
    'StageName',
    'Amount',
    'CloseDate',
    'IsClosed',
    'IsWon',
    'OwnerId',
    'IsDeleted',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
  ],
  Case: [
    'Id',
    'CaseNumber',
    'Subject',
    'Description',
    'Status',
    'Priority',
    'Origin',
    'AccountId',
    'ContactId',
    'OwnerId',
    'IsClosed',
    'ClosedDate',
    'IsDeleted',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
  ],
  Task: [
    'Id',
    'Subject',
    'Description',
    'ActivityDate',
    'Status',
    'Priority',
    'TaskSubtype',
    'WhatId',
    'WhoId',
    'AccountId',
    'OwnerId',
    'IsClosed',
    'IsDeleted',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
  ],
  Event: [
    'Id',
    'Subject',
    'StartDateTime',
    'EndDateTime',
    'ActivityDate',
    'WhatId',
    'WhoId',
    'AccountId',
    'OwnerId',
    'IsDeleted',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
  ],
};

/** Child relationships a subquery may name. */
export const CHILDREN = {
  Account: { Opportunities: ['Opportunity', 'AccountId'], Contacts: ['Contact', 'AccountId'], Cases: ['Case', 'AccountId'] },
};

/** Task fields an integration may write (the rest are set by the org). */
export const TASK_WRITABLE = new Set([
  'Subject',
  'Description',
  'ActivityDate',
  'Status',
  'Priority',
  'WhatId',
  'WhoId',
  'OwnerId',
  'TaskSubtype',
]);

/**
 * @typedef {object} SalesforceSeed
 * @property {number} [accounts] 25 by default; the first is Acme Robotics (acmerobotics.com)
 * @property {number} [contactsPerAccount] 2
 * @property {number} [opportunitiesPerAccount] 1 (an open Renewal)
 * @property {number} [casesPerAccount] 1
 * @property {number} [eventsPerAccount] 1 (the first a QBR, ten days before the seed's modification time)
 * @property {number} [users] 3
 * @property {number | string} [modifiedAt] SystemModstamp of the seeded records (default: a week before now)
 * @property {Record<string, (i: number) => unknown>} [accountFields] custom Account fields (e.g. Health_Score__c) and their values
 */

/**
 * @param {SalesforceSeed} seed
 * @param {number} now
 */
export function seedOrg(seed, now) {
  const modified =
    seed.modifiedAt === undefined
      ? now - 7 * 86_400_000
      : typeof seed.modifiedAt === 'number'
        ? seed.modifiedAt
        : Date.parse(seed.modifiedAt);
  /** @type {Record<string, Map<string, Record<string, unknown>>>} */
  const objects = Object.fromEntries(Object.keys(FIELDS).map((t) => [t, new Map()]));
  const counters = /** @type {Record<string, number>} */ ({});
  const fields = /** @type {Record<string, string[]>} */ (structuredClone(FIELDS));
  for (const name of Object.keys(seed.accountFields ?? {})) fields.Account.push(name);
  /**
   * @param {string} type
   * @param {Record<string, unknown>} values
   * @param {number} [at]
   */
  const add = (type, values, at = modified) => {
    const n = (counters[type] = (counters[type] ?? 0) + 1);
    const id = id18(`${KEY_PREFIX[/** @type {'Account'} */ (type)]}5g${String(n).padStart(10, '0')}`);
    /** @type {Record<string, unknown>} */
    const record = {
      Id: id,
      IsDeleted: false,
      CreatedDate: stamp(at - 86_400_000),
      LastModifiedDate: stamp(at),
      SystemModstamp: stamp(at),
      ...values,
    };
    objects[type].set(id, record);
    return record;
  };
  add('Organization', { Name: 'Acme Dev', InstanceName: 'USA123', IsSandbox: false, OrganizationType: 'Developer Edition' });
  const users = Array.from({ length: seed.users ?? 3 }, (_, i) =>
    add('User', {
      Username: i === 0 ? 'casey.morgan@northpeak.io' : `owner${i}@northpeak.io.dev`,
      Email: i === 0 ? 'casey.morgan@northpeak.io' : `owner${i}@northpeak.io`,
      FirstName: i === 0 ? 'Casey' : `Owner${i}`,
      LastName: i === 0 ? 'Morgan' : 'Fake',
      Name: i === 0 ? 'Casey Morgan' : `Owner${i} Fake`,
      IsActive: true,
    }),
  );
  const n = seed.accounts ?? 25;
  let caseNumber = 1000;
  for (let i = 0; i < n; i++) {
    const name = i === 0 ? 'Acme Robotics' : `Account ${String(i).padStart(5, '0')}`;
    const website = i === 0 ? 'www.acmerobotics.com' : `https://a${String(i).padStart(5, '0')}.example.com`;
    const custom = Object.fromEntries(Object.entries(seed.accountFields ?? {}).map(([k, f]) => [k, f(i)]));
    const owner = users.length ? users[i % users.length].Id : null;
    const account = add('Account', {
      Name: name,
      Website: website,
      OwnerId: owner,
      Industry: 'Manufacturing',
      Type: 'Customer - Direct',
      AnnualRevenue: 120_000 * ((i % 30) + 1),
      NumberOfEmployees: 50 + i,
      ...custom,
    });
    for (let c = 0; c < (seed.contactsPerAccount ?? 2); c++) {
      const [first, last, email] =
        i === 0
          ? ([
              ['Dana', 'Whitfield', 'dana.whitfield@acmerobotics.com'],
              ['Raj', 'Patel', 'raj.patel@acmerobotics.com'],
            ][c] ?? [`First${c}`, 'Acme', `person${c}@acmerobotics.com`])
          : [`First${i}x${c}`, `Last${i}x${c}`, `person${c}@a${String(i).padStart(5, '0')}.example.com`];
      add('Contact', {
        FirstName: first,
        LastName: last,
        Name: `${first} ${last}`,
        Email: email,
        Title: c === 0 ? 'VP Operations' : 'Engineer',
        Phone: null,
        AccountId: account.Id,
        OwnerId: owner,
      });
    }
    for (let o = 0; o < (seed.opportunitiesPerAccount ?? 1); o++) {
      const close = new Date(modified + (30 + ((i * 7) % 300)) * 86_400_000).toISOString().slice(0, 10);
      add('Opportunity', {
        Name: `${name} renewal`,
        AccountId: account.Id,
        Type: 'Renewal',
        StageName: 'Negotiation/Review',
        Amount: 10_000 * ((i % 9) + 1),
        CloseDate: close,
        IsClosed: false,
        IsWon: false,
        OwnerId: owner,
      });
    }
    for (let k = 0; k < (seed.casesPerAccount ?? 1); k++) {
      add('Case', {
        CaseNumber: String(++caseNumber).padStart(8, '0'),
        Subject: `${name} case ${k + 1}`,
        Description: null,
        Status: 'New',
        Priority: ['High', 'Medium', 'Low'][k % 3],
        Origin: 'Email',
        AccountId: account.Id,
        ContactId: null,
        OwnerId: owner,
        IsClosed: false,
        ClosedDate: null,
      });
    }
    for (let e = 0; e < (seed.eventsPerAccount ?? 1); e++) {
      const start = new Date(modified - (10 + e) * 86_400_000);
      add('Event', {
        Subject: e === 0 ? 'Quarterly business review' : `Check-in ${e}`,
        StartDateTime: stamp(start.getTime()),
        EndDateTime: stamp(start.getTime() + 3_600_000),
        ActivityDate: start.toISOString().slice(0, 10),
        WhatId: account.Id,
        WhoId: null,
        AccountId: account.Id,
        OwnerId: owner,
      });
    }
  }
  return { objects, fields, add, users };
}
