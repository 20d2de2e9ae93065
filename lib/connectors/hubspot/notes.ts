/**
 * An email logged in Glance ("Log this email") written to HubSpot as a note on the company (and its
 * contacts). Pure: an outbox entry in, the requests out. Exactly once as for tasks: the note body
 * carries a marker made from the activity id, and a push looks for it before it creates anything.
 */
import type { Activity } from '../../model/bundle';
import type { LoggedEmail } from '../logged-email';
import { hubspotIdOf } from './map';
import { taskMarker } from './writeback';

/** HubSpot-defined association types (v4 table): note -> company and note -> contact. */
export const NOTE_TO_COMPANY = 190;
export const NOTE_TO_CONTACT = 202;

export interface NoteRequest {
  path: string;
  body: {
    properties: Record<string, string>;
    associations?: Array<{ to: { id: string }; types: Array<{ associationCategory: 'HUBSPOT_DEFINED'; associationTypeId: number }> }>;
  };
}

export function noteMarker(activityId: string): { token: string; footer: string } {
  return { token: taskMarker(activityId).token, footer: `Glance activity ${activityId}` };
}

export function noteCarriesMarker(properties: Record<string, string | null | undefined>, activityId: string): boolean {
  const body = properties.hs_note_body;
  const { token, footer } = noteMarker(activityId);
  return !!body && body.includes(token) && body.includes(footer);
}

/** POST /crm/v3/objects/notes/search: notes that carry the marker. */
export function findNoteRequest(activityId: string): { path: string; body: unknown } {
  return {
    path: '/crm/v3/objects/notes/search',
    body: {
      filterGroups: [{ filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: noteMarker(activityId).token }] }],
      properties: ['hs_note_body'],
      limit: 10,
    },
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HubSpot shows a note body as rich text: one paragraph per line, the text escaped. */
function noteBody(activity: LoggedEmail): string {
  const { token, footer } = noteMarker(activity.id);
  const lines = [activity.summary ?? 'Email logged in Glance', ...(activity.url ? [activity.url] : []), `${footer} [${token}]`];
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}

/** The HubSpot contacts among the people on the thread. */
export function noteContactIds(activity: Activity): string[] {
  return (activity.contactIds ?? []).map((id) => hubspotIdOf(id, 'contact')).filter((id): id is string => !!id);
}

export function createNoteRequest(activity: LoggedEmail, companyId: string | undefined): NoteRequest {
  const to = (id: string, associationTypeId: number) => ({
    to: { id },
    types: [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId }],
  });
  const associations = [
    ...(companyId ? [to(companyId, NOTE_TO_COMPANY)] : []),
    ...noteContactIds(activity).map((id) => to(id, NOTE_TO_CONTACT)),
  ];
  const date = /^\d{4}-\d{2}-\d{2}$/.test(activity.date) ? `${activity.date}T00:00:00Z` : activity.date;
  return {
    path: '/crm/v3/objects/notes',
    body: { properties: { hs_timestamp: date, hs_note_body: noteBody(activity) }, ...(associations.length ? { associations } : {}) },
  };
}
