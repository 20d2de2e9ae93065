/**
 * HubSpot adapter. The record comes from the address; the company of a contact, deal or ticket
 * comes from the association card that links to it.
 */
import { queryFirst, shortText } from './dom';
import type { HostAdapter } from './adapter';
import type { CrmObject, CrmRecordRef, PageContext, PageUrl } from './types';

const HS = {
  /** Association cards that list the record's companies (right sidebar), then any association card. */
  companyLinkAreas: [
    '[data-test-id="crm-card-associations-0-2"]',
    '[data-selenium-test="crm-card-associations-0-2"]',
    '[data-test-id*="association"]',
    '[data-selenium-test*="association"]',
    // Last resort: any link on the page to a company record.
    ':root',
  ],
  /** The record's name in the left sidebar highlight. */
  title: ['[data-selenium-test="highlightTitle"]', '[data-test-id="record-highlight-title"]', 'h1'],
} as const;

/** HubSpot object type ids (0-1 …) and the older path words, for the objects Glance can use. */
const OBJECTS: Record<string, Extract<CrmObject, 'company' | 'contact' | 'deal' | 'ticket'>> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-5': 'ticket',
  contact: 'contact',
  company: 'company',
  deal: 'deal',
  ticket: 'ticket',
};

/** app.hubspot.com and the data-centre hosts (app-eu1, app-na2, app-ap1 …). */
export function isHubspotHost(hostname: string): boolean {
  return /^app(-[a-z]{2,4}\d+)?\.hubspot\.com$/.test(hostname.toLowerCase());
}

/** `/contacts/<portal>/record/0-2/<id>` or the older `/contacts/<portal>/company/<id>`. */
export function hubspotRecordFromPath(pathname: string): { object: CrmObject; id: string } | null {
  const seg = pathname.split('/').filter(Boolean);
  if (seg[0] !== 'contacts' || !/^\d+$/.test(seg[1] ?? '')) return null;
  const [type, id] = seg[2] === 'record' ? [seg[3], seg[4]] : [seg[2], seg[3]];
  const object = type ? OBJECTS[type] : undefined;
  return object && id && /^\d+$/.test(id) ? { object, id } : null;
}

/** The company id a link points to. */
export function companyIdFromHref(href: string | null): string | null {
  const m = href?.match(/\/contacts\/\d+\/(?:record\/0-2|company)\/(\d+)(?=[/?#]|$)/);
  return m ? m[1] : null;
}

export function readHubspot(url: PageUrl, doc: Document): PageContext {
  const found = hubspotRecordFromPath(url.pathname);
  if (!found) return { host: 'hubspot', kind: 'list', url: url.href };
  const record: CrmRecordRef = { crm: 'hubspot', object: found.object, id: found.id };
  if (found.object !== 'company') {
    const related = relatedCompanyId(doc);
    if (related) record.relatedAccountId = related;
  }
  const title = shortText(queryFirst(doc, HS.title), 200);
  if (title) record.title = title;
  return { host: 'hubspot', kind: 'record', url: url.href, record };
}

function relatedCompanyId(doc: Document): string | undefined {
  for (const area of HS.companyLinkAreas) {
    for (const link of Array.from(doc.querySelectorAll(`${area} a[href]`)).slice(0, 200)) {
      const id = companyIdFromHref(link.getAttribute('href'));
      if (id) return id;
    }
  }
  return undefined;
}

export const hubspotAdapter: HostAdapter = {
  host: 'hubspot',
  isHost: (url) => url.protocol === 'https:' && isHubspotHost(url.hostname),
  read: readHubspot,
};
