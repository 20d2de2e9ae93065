import type { Account, Contact } from '../model/bundle';

/** How a match was made, strongest first. */
export type MatchVia = 'crm-id' | 'email' | 'domain' | 'name' | 'manual';

export interface MatchCandidate {
  accountId: string;
  name: string;
  /** Plain words on why this account is a candidate ("sender ana@globex.com is a contact"). */
  reason: string;
}

export type MatchResult =
  | { status: 'matched'; accountId: string; via: MatchVia; reason: string }
  | { status: 'ambiguous'; via: MatchVia; candidates: MatchCandidate[] }
  | { status: 'none'; reason: string };

/** What the background must look up in the store to match a page (made by `lookupKeys`). */
export interface LookupKeys {
  /** Salesforce ids normalised to 18 chars, HubSpot ids as is. */
  salesforceIds: string[];
  hubspotIds: string[];
  /** Lower-cased emails of the external people on the page. */
  emails: string[];
  /** Registrable domains of the external people, free-mail and the user's own domains removed. */
  domains: string[];
  /** Name keys (contactNameKey) of the people the page names without an address (Outlook's recipients). */
  names?: string[];
}

/** What the store found for those keys. */
export interface LookupResults {
  accountsBySalesforceId: Record<string, Account[]>;
  accountsByHubspotId: Record<string, Account[]>;
  contactsBySalesforceId: Record<string, Contact[]>;
  contactsByHubspotId: Record<string, Contact[]>;
  contactsByEmail: Record<string, Contact[]>;
  accountsByDomain: Record<string, Account[]>;
  /** Contacts by name key, for the people the page shows by name only. */
  contactsByName?: Record<string, Contact[]>;
  /** Accounts referenced by the contacts above, by id. */
  accountsById: Record<string, Account>;
}
