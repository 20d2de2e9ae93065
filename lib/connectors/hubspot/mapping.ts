/**
 * Which HubSpot properties carry what Glance needs. HubSpot has standard properties for a company's
 * revenue and a deal's close date, but health, NPS, tier and renewal live in custom properties that
 * every portal names its own way: these are the defaults a team edits to match its portal.
 */
import type { Account, Ticket } from '../../model/bundle';

export interface HubSpotFieldMapping {
  company: {
    /** The property naming the account's CSM (an owner id); hubspot_owner_id when absent. */
    owner?: string;
    /** ARR: the first of these properties with a value. */
    arr: string[];
    tier?: string;
    /** Property value (lower case) -> Glance tier. */
    tierValues: Record<string, NonNullable<Account['tier']>>;
    renewalDate?: string;
    /** A 0–100 health score. */
    health?: string;
    /** A 0–10 NPS score, and the date it was given (else the record's last change). */
    nps?: string;
    npsDate?: string;
  };
  deal: {
    /** A deal is a renewal when its dealtype, its pipeline id or its name says so. */
    renewalDealTypes: string[];
    renewalPipelines: string[];
    renewalNamePattern?: RegExp;
    renewalDate: string;
    amount: string;
  };
  ticket: {
    /** hs_ticket_priority (upper case) -> Glance priority. */
    priorityValues: Record<string, Ticket['priority']>;
    defaultPriority: Ticket['priority'];
    /** Pipeline stage ids that mean closed when closed_date is empty ('4' is the default pipeline's Closed). */
    closedStages: string[];
  };
}

export const DEFAULT_FIELD_MAPPING: HubSpotFieldMapping = {
  company: {
    arr: ['annualrevenue'],
    // HubSpot's own "Ideal customer profile tier" property: tier_1 / tier_2 / tier_3.
    tier: 'hs_ideal_customer_profile',
    tierValues: {
      tier_1: 'enterprise',
      tier_2: 'mid-market',
      tier_3: 'smb',
      enterprise: 'enterprise',
      'mid-market': 'mid-market',
      smb: 'smb',
    },
  },
  deal: {
    // 'existingbusiness' is HubSpot's default dealtype option for renewals and upsells to customers.
    renewalDealTypes: ['existingbusiness', 'renewal'],
    renewalPipelines: [],
    renewalNamePattern: /\brenewal\b/i,
    renewalDate: 'closedate',
    amount: 'amount',
  },
  ticket: {
    priorityValues: { URGENT: 'P1', HIGH: 'P2', MEDIUM: 'P3', LOW: 'P4' },
    defaultPriority: 'P3',
    closedStages: ['4'],
  },
};
