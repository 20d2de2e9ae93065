/**
 * How a sync page finds the contacts it brings: by Glance id, else by the CRM id of a contact stored
 * under another id (imported from a file), never a second copy of the same person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GlanceDB } from '../../../lib/store/db';
import { readStoredContacts, writeContacts } from '../../../lib/store/sync-contacts';

let n = 0;
let db: GlanceDB;
afterEach(() => db?.close());

describe('readStoredContacts', () => {
  it('finds each contact by its id, else by its CRM id, in the order asked, and undefined for one never stored', async () => {
    db = new GlanceDB(`glance-sync-contacts-${++n}`);
    await writeContacts(db, [
      { id: 'hubspot:contact:1', accountId: 'a', name: 'Wile E.', email: 'wile@acme.com', crm: { hubspotId: '1' } },
      // Imported from a file before the first sync: another id, the same HubSpot id.
      { id: 'import-road', accountId: 'a', name: 'Road Runner', email: 'road@acme.com', crm: { hubspotId: '2' } },
      { id: 'import-road-again', accountId: 'a', name: 'Road R.', email: 'rr@acme.com', crm: { hubspotId: '2' } },
    ]);

    const found = await db.transaction('r', db.contactPacks, () =>
      readStoredContacts(db, '_hs', [
        { id: 'hubspot:contact:3', crmId: '3' },
        { id: 'hubspot:contact:2', crmId: '2' },
        { id: 'hubspot:contact:1', crmId: '1' },
      ]),
    );

    // Two stored under other ids with that CRM id: the first in index order, as `.first()` gives.
    expect(found.map((c) => c?.id)).toEqual([undefined, 'import-road', 'hubspot:contact:1']);
  });
});
