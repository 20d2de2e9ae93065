/**
 * What a CSV column can mean to Glance: the vocabulary shared by the known export layouts and by
 * the mapping a user confirms for an unknown one. One row may fill an account, its contact and a
 * ticket at once.
 */
export const FIELDS = [
  'account.id',
  'account.name',
  'account.website',
  'account.arr',
  'account.currency',
  'account.tier',
  'account.renewalDate',
  'account.contractStart',
  'account.owner',
  'account.licensedSeats',
  'account.activeSeats',
  'account.healthScore',
  'account.nps',
  'account.scoreDate',
  'contact.id',
  'contact.firstName',
  'contact.lastName',
  'contact.name',
  'contact.email',
  'contact.title',
  'deal.amount',
  'deal.closeDate',
  'deal.type',
  'ticket.id',
  'ticket.subject',
  'ticket.status',
  'ticket.priority',
  'ticket.openedAt',
  'ticket.closedAt',
] as const;

export type Field = (typeof FIELDS)[number];
/** A column the import leaves out. */
export const IGNORE = 'ignore';
export type ColumnTarget = Field | typeof IGNORE;

export const FIELD_LABELS: Record<Field, string> = {
  'account.id': 'Account: CRM id',
  'account.name': 'Account: name',
  'account.website': 'Account: website or domain',
  'account.arr': 'Account: ARR',
  'account.currency': 'Account: currency',
  'account.tier': 'Account: tier',
  'account.renewalDate': 'Account: renewal date',
  'account.contractStart': 'Account: contract start',
  'account.owner': 'Account: owner (CSM)',
  'account.licensedSeats': 'Account: licensed seats',
  'account.activeSeats': 'Account: active seats',
  'account.healthScore': 'Account: health score (0-100)',
  'account.nps': 'Account: NPS (0-10)',
  'account.scoreDate': 'Account: date of the score',
  'contact.id': 'Contact: CRM id',
  'contact.firstName': 'Contact: first name',
  'contact.lastName': 'Contact: last name',
  'contact.name': 'Contact: full name',
  'contact.email': 'Contact: email',
  'contact.title': 'Contact: title',
  'deal.amount': 'Deal: amount',
  'deal.closeDate': 'Deal: close date',
  'deal.type': 'Deal: type (renewal?)',
  'ticket.id': 'Ticket: CRM id',
  'ticket.subject': 'Ticket: subject',
  'ticket.status': 'Ticket: status',
  'ticket.priority': 'Ticket: priority',
  'ticket.openedAt': 'Ticket: opened',
  'ticket.closedAt': 'Ticket: closed',
};

/** Header comparison that ignores case, spaces and punctuation: "Renewal_Date" = "renewal date". */
export const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Which CRM the ids in a layout come from; decides how they become record ids. */
export type IdSource = 'salesforce' | 'hubspot';

/** A CRM or health platform export, known by the headers it always writes. */
export interface ExportLayout {
  id: string;
  /** Shown to the user: "HubSpot companies export". */
  label: string;
  ids?: IdSource;
  /** A grouped report: a group's account cells are written on its first row only and hold for the rows below. */
  groupedByAccount?: boolean;
  /** Every one of these headers is present in the export (compared squashed). */
  signature: string[];
  /** Header as the export writes it -> what it means. Columns not listed are kept on the record as they are. */
  columns: Record<string, Field>;
}
