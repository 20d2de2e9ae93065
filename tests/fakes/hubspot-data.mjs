/**
 * The fake HubSpot portal's records: a deterministic seed, CRM v3 object shapes (properties as
 * strings or null, createdAt/updatedAt, archived/archivedAt) and the search filter semantics the
 * connectors rely on (filterGroups ORed, filters ANDed, dates as epoch ms or ISO).
 */

/** @typedef {'companies' | 'contacts' | 'deals' | 'tickets' | 'tasks' | 'notes'} HubSpotType */

/**
 * @typedef {object} HubSpotRecord
 * @property {string} id
 * @property {Record<string, string | null>} properties
 * @property {number} createdAt
 * @property {number} updatedAt
 * @property {number} [archivedAt]
 * @property {string[]} companyIds the first is the primary company
 * @property {string[]} [contactIds]
 */

/** The property holding each type's modification time (contacts differ, as in HubSpot). */
export const MODIFIED = {
  companies: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  tickets: 'hs_lastmodifieddate',
  tasks: 'hs_lastmodifieddate',
  notes: 'hs_lastmodifieddate',
};
const DATE_PROPERTIES = new Set([
  'createdate',
  'hs_createdate',
  'hs_lastmodifieddate',
  'lastmodifieddate',
  'hs_timestamp',
  'closedate',
  'closed_date',
]);
const FIRST_ID = {
  companies: 9_000_000_001n,
  contacts: 51_000_000_001n,
  deals: 31_000_000_001n,
  tickets: 21_000_000_001n,
  tasks: 81_000_000_001n,
  notes: 91_000_000_001n,
};

/** The company a Gmail fixture thread (tests/fixtures/hosts/gmail-thread-v1.html) is with. */
export const ACME = {
  name: 'Acme Robotics',
  domain: 'acmerobotics.com',
  contacts: [
    ['Dana', 'Whitfield', 'dana.whitfield@acmerobotics.com'],
    ['Raj', 'Patel', 'raj.patel@acmerobotics.com'],
  ],
};

/**
 * @typedef {object} HubSpotSeed
 * @property {number} [companies] 25 by default; the first is Acme Robotics (acmerobotics.com)
 * @property {number} [contactsPerCompany] 2
 * @property {number} [dealsPerCompany] 1 (a renewal)
 * @property {number} [ticketsPerCompany] 1
 * @property {number} [owners] 3
 * @property {number | string} [modifiedAt] when the seeded records were last changed (default: a week before now)
 */

/**
 * @param {HubSpotSeed} seed
 * @param {number} now
 */
export function seedPortal(seed, now) {
  const modified =
    seed.modifiedAt === undefined
      ? now - 7 * 86_400_000
      : typeof seed.modifiedAt === 'number'
        ? seed.modifiedAt
        : Date.parse(seed.modifiedAt);
  const created = modified - 365 * 86_400_000;
  const owners = Array.from({ length: seed.owners ?? 3 }, (_, i) => ({
    id: String(7_100_000 + i),
    email: i === 0 ? 'casey.morgan@northpeak.io' : `owner${i}@northpeak.io`,
    firstName: i === 0 ? 'Casey' : `Owner${i}`,
    lastName: i === 0 ? 'Morgan' : 'Fake',
    userId: 8_200_000 + i,
  }));
  /** @type {Record<HubSpotType, Map<string, HubSpotRecord>>} */
  const objects = { companies: new Map(), contacts: new Map(), deals: new Map(), tickets: new Map(), tasks: new Map(), notes: new Map() };
  const nextId = { ...FIRST_ID };
  const add = (
    /** @type {HubSpotType} */ type,
    /** @type {Record<string, string | null>} */ properties,
    companyIds = /** @type {string[]} */ ([]),
  ) => {
    const id = String(nextId[type]++);
    objects[type].set(id, { id, properties, createdAt: created, updatedAt: modified, companyIds });
    return id;
  };
  const n = seed.companies ?? 25;
  for (let i = 0; i < n; i++) {
    const name = i === 0 ? ACME.name : `Company ${String(i).padStart(5, '0')}`;
    const domain = i === 0 ? ACME.domain : `c${String(i).padStart(5, '0')}.example.com`;
    const owner = owners.length ? owners[i % owners.length].id : null;
    const companyId = add('companies', {
      name,
      domain,
      hubspot_owner_id: owner,
      lifecyclestage: 'customer',
      annualrevenue: String(12_000 * ((i % 40) + 1)),
      hs_ideal_customer_profile: ['tier_1', 'tier_2', 'tier_3'][i % 3],
    });
    for (let c = 0; c < (seed.contactsPerCompany ?? 2); c++) {
      const [first, last, email] =
        i === 0 && ACME.contacts[c] ? ACME.contacts[c] : [`First${i}x${c}`, `Last${i}x${c}`, `person${c}@${domain}`];
      add('contacts', { firstname: first, lastname: last, email, jobtitle: c === 0 ? 'VP Operations' : 'Engineer', company: name }, [
        companyId,
      ]);
    }
    for (let d = 0; d < (seed.dealsPerCompany ?? 1); d++) {
      const close = new Date(modified + (30 + ((i * 7) % 300)) * 86_400_000).toISOString();
      add(
        'deals',
        {
          dealname: `${name} renewal ${d + 1}`,
          dealtype: 'existingbusiness',
          amount: String(10_000 * ((i % 9) + 1)),
          closedate: close,
          dealstage: 'contractsent',
          pipeline: 'default',
        },
        [companyId],
      );
    }
    for (let t = 0; t < (seed.ticketsPerCompany ?? 1); t++) {
      add(
        'tickets',
        {
          subject: `${name} ticket ${t + 1}`,
          hs_ticket_priority: ['HIGH', 'MEDIUM', 'LOW'][t % 3],
          hs_pipeline_stage: '1',
          createdate: new Date(created).toISOString(),
        },
        [companyId],
      );
    }
  }
  return { owners, objects, nextId };
}

/**
 * A record as HubSpot answers it. `names` null means the default properties.
 * @param {HubSpotType} type
 * @param {HubSpotRecord} record
 * @param {string[] | null} names
 */
export function present(type, record, names) {
  const all = allProperties(type, record);
  const wanted = names ?? defaultProperties(type);
  /** @type {Record<string, string | null>} */
  const properties = {};
  for (const name of new Set([...wanted, 'hs_object_id', 'createdate', MODIFIED[type]])) properties[name] = all[name] ?? null;
  return {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archivedAt !== undefined,
    ...(record.archivedAt !== undefined ? { archivedAt: new Date(record.archivedAt).toISOString() } : {}),
  };
}

/**
 * @param {HubSpotType} type
 * @param {HubSpotRecord} record
 * @returns {Record<string, string | null>}
 */
function allProperties(type, record) {
  return {
    ...record.properties,
    hs_object_id: record.id,
    createdate: new Date(record.createdAt).toISOString(),
    ...(type === 'tasks' || type === 'notes' ? { hs_createdate: new Date(record.createdAt).toISOString() } : {}),
    [MODIFIED[type]]: new Date(record.updatedAt).toISOString(),
  };
}

/** @param {HubSpotType} type */
function defaultProperties(type) {
  return {
    companies: ['name', 'domain'],
    contacts: ['firstname', 'lastname', 'email'],
    deals: ['dealname', 'amount', 'closedate', 'dealstage', 'pipeline'],
    tickets: ['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority'],
    tasks: ['hs_task_subject', 'hs_task_status', 'hs_timestamp'],
    notes: ['hs_note_body', 'hs_timestamp'],
  }[type];
}

/** @param {string | null | undefined} value */
function asTime(value) {
  if (value === null || value === undefined || value === '') return NaN;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

/**
 * One search filter on one record.
 * @param {HubSpotType} type
 * @param {HubSpotRecord} record
 * @param {{ propertyName: string; operator: string; value?: string; values?: string[]; highValue?: string }} filter
 */
export function matchesFilter(type, record, filter) {
  const actual = allProperties(type, record)[filter.propertyName] ?? null;
  const op = filter.operator;
  if (op === 'HAS_PROPERTY') return actual !== null && actual !== '';
  if (op === 'NOT_HAS_PROPERTY') return actual === null || actual === '';
  if (actual === null) return op === 'NEQ';
  const name = filter.propertyName;
  /** @type {(v: string) => number | bigint | string} */
  const key = DATE_PROPERTIES.has(name) ? asTime : name === 'hs_object_id' ? (v) => BigInt(v) : (v) => v.toLowerCase();
  const a = key(actual);
  const b = filter.value === undefined ? undefined : key(String(filter.value));
  switch (op) {
    case 'EQ':
      return a === b;
    case 'NEQ':
      return a !== b;
    case 'GT':
      return b !== undefined && a > b;
    case 'GTE':
      return b !== undefined && a >= b;
    case 'LT':
      return b !== undefined && a < b;
    case 'LTE':
      return b !== undefined && a <= b;
    case 'BETWEEN':
      return b !== undefined && a >= b && a <= key(String(filter.highValue));
    case 'IN':
      return (filter.values ?? []).map((v) => key(String(v))).includes(a);
    case 'CONTAINS_TOKEN':
      return actual
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .includes(
          String(filter.value)
            .toLowerCase()
            .replace(/^\*|\*$/g, ''),
        );
    default:
      throw new Error(`unsupported operator ${op}`);
  }
}

/**
 * @param {HubSpotType} type
 * @param {HubSpotRecord} a
 * @param {HubSpotRecord} b
 * @param {Array<{ propertyName: string; direction?: string }>} sorts
 */
export function compareBy(type, a, b, sorts) {
  for (const sort of [...sorts, { propertyName: 'hs_object_id', direction: 'ASCENDING' }]) {
    const name = sort.propertyName;
    const [x, y] = [allProperties(type, a)[name], allProperties(type, b)[name]];
    const diff =
      name === 'hs_object_id'
        ? Number(BigInt(x ?? '0') - BigInt(y ?? '0'))
        : DATE_PROPERTIES.has(name)
          ? asTime(x) - asTime(y)
          : String(x ?? '').localeCompare(String(y ?? ''));
    if (diff) return sort.direction === 'DESCENDING' ? -Math.sign(diff) : Math.sign(diff);
  }
  return 0;
}
