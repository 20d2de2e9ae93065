/**
 * HubSpot exports (CRM > Companies / Contacts / Deals / Tickets > Export, "all properties" or the
 * default view's columns), by the headers HubSpot writes. HubSpot ids are numbers ("Record ID").
 */
import type { ExportLayout } from './fields';

/** Mirrors the companies export: Record ID, Company name, Company Domain Name, Company owner, Annual Revenue, Lifecycle Stage, Create Date, Last Activity Date… */
const companies: ExportLayout = {
  id: 'hubspot-companies',
  label: 'HubSpot companies export',
  ids: 'hubspot',
  signature: ['Record ID', 'Company name'],
  columns: {
    'Record ID': 'account.id',
    'Company name': 'account.name',
    'Company Domain Name': 'account.website',
    Website: 'account.website',
    'Website URL': 'account.website',
    'Company owner': 'account.owner',
    'Annual Revenue': 'account.arr',
    'Annual recurring revenue': 'account.arr',
    'Renewal Date': 'account.renewalDate',
  },
};

/** Mirrors the contacts export: Record ID, First Name, Last Name, Email, Job Title, Contact owner, Associated Company, Company Name… */
const contacts: ExportLayout = {
  id: 'hubspot-contacts',
  label: 'HubSpot contacts export',
  ids: 'hubspot',
  signature: ['Record ID', 'First Name', 'Last Name', 'Email'],
  columns: {
    'Record ID': 'contact.id',
    'First Name': 'contact.firstName',
    'Last Name': 'contact.lastName',
    Email: 'contact.email',
    'Job Title': 'contact.title',
    'Associated Company': 'account.name',
    'Company Name': 'account.name',
    'Associated Company ID': 'account.id',
    'Associated Company IDs': 'account.id',
    'Associated Company IDs (Primary)': 'account.id',
    'Website URL': 'account.website',
  },
};

/** Mirrors the deals export: Record ID, Deal Name, Deal Stage, Amount, Close Date, Deal owner, Deal Type, Associated Company… */
const deals: ExportLayout = {
  id: 'hubspot-deals',
  label: 'HubSpot deals export',
  ids: 'hubspot',
  signature: ['Record ID', 'Deal Name', 'Deal Stage'],
  columns: {
    'Associated Company': 'account.name',
    'Associated Company ID': 'account.id',
    Amount: 'deal.amount',
    'Close Date': 'deal.closeDate',
    'Deal Type': 'deal.type',
  },
};

/** Mirrors the tickets export: Ticket ID, Ticket name, Ticket status, Priority, Create date, Close date, Associated Company… */
const tickets: ExportLayout = {
  id: 'hubspot-tickets',
  label: 'HubSpot tickets export',
  ids: 'hubspot',
  signature: ['Ticket ID', 'Ticket name'],
  columns: {
    'Ticket ID': 'ticket.id',
    'Ticket name': 'ticket.subject',
    'Ticket status': 'ticket.status',
    Priority: 'ticket.priority',
    'Create date': 'ticket.openedAt',
    'Close date': 'ticket.closedAt',
    'Associated Company': 'account.name',
    'Associated Company ID': 'account.id',
  },
};

export const HUBSPOT_LAYOUTS = [companies, contacts, deals, tickets];
