/**
 * Salesforce adapter, Lightning and Classic. The record comes from the address (always there);
 * the related Account of a Contact, Opportunity or Case comes from the page's Account link.
 */
import { queryFirst, shortText, squash } from './dom';
import { isSalesforceId, objectFromKeyPrefix, toSalesforceId18 } from './salesforce-id';
import type { HostAdapter } from './adapter';
import type { CrmRecordRef, PageContext, PageUrl } from './types';

const SF = {
  /**
   * The record page in view. Lightning keeps recently visited records in the DOM, hidden, and
   * marks the visible one `active`; Classic has a single page body.
   */
  activePage: ['div.oneContent.active', 'div.windowViewMode-normal.active', '#bodyCell', 'one-record-home-flexipage2'],

  /** Lightning highlights panel (compact fields under the record name): its Account link comes first. */
  highlights: 'records-highlights2',

  /**
   * Lightning details panel: the Account field, named by its API name in every locale
   * (`sfdc:RecordField.Contact.AccountId`; the label is "取引先名" in Japanese).
   */
  accountField: '[data-target-selection-name$=".AccountId"]',

  /** Where else a record shows its Account, most specific first, for pages without that field. */
  accountLinkAreas: [
    // Details tab item labelled in English, in layouts without data-target-selection-name.
    'records-record-layout-item[field-label="Account Name"]',
    // Any Lightning lookup field (Account Name on Opportunity and Case pages).
    'force-lookup',
    // Classic detail table (label/data cell pairs).
    'table.detailList',
  ],

  /** The record's display name. */
  title: [
    'records-highlights2 h1 slot[name="primaryField"] lightning-formatted-text',
    'records-highlights2 h1 lightning-formatted-text',
    'records-highlights2 h1 [slot="primaryField"]',
    // Classic page title: <h1 class="pageType">Contact:</h1><h2 class="pageDescription">Dana Whitfield</h2>.
    '.bPageTitle h2.pageDescription',
    // Lightning details panel without a highlights panel: the Name field (`sfdc:RecordField.Account.Name`),
    // as text in view mode (compound for a Contact), as an input in inline-edit mode.
    '[data-target-selection-name$=".Name"] lightning-formatted-text',
    '[data-target-selection-name$=".Name"] lightning-formatted-name',
    '[data-target-selection-name$=".Name"] input[name="Name"]',
  ],
} as const;

/**
 * Salesforce's record hosts: Lightning and My Domain (Lightning and Classic). Since enhanced domains
 * every org is on its My Domain; the old instance pods (na123.salesforce.com) only redirect there.
 */
export function isSalesforceHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h.endsWith('.lightning.force.com') || h.endsWith('.my.salesforce.com');
}

/** The record id in a Lightning (`/lightning/r/[Object/]<id>/…`) or Classic (`/<id>[/e]`) path. */
export function salesforceIdFromPath(pathname: string): string | null | 'invalid' {
  const seg = pathname.split('/').filter(Boolean);
  if (seg[0] === 'lightning') {
    if (seg[1] !== 'r') return null;
    const candidate = seg[2] && isSalesforceId(seg[2]) ? seg[2] : seg[3];
    return candidate && isSalesforceId(candidate) ? candidate : 'invalid';
  }
  return seg.length >= 1 && seg.length <= 2 && isSalesforceId(seg[0]) ? seg[0] : null;
}

/** The Account id a link points to (Lightning `/lightning/r/[Account/]001…` or Classic `/001…`). */
export function accountIdFromHref(href: string | null): string | null {
  if (!href) return null;
  const m =
    href.match(/\/lightning\/r\/(?:Account\/)?(001[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?=[/?#]|$)/) ??
    href.match(/^(?:https?:\/\/[^/]+)?\/(001[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?=[/?#]|$)/);
  return m ? toSalesforceId18(m[1]) : null;
}

export function readSalesforce(url: PageUrl, doc: Document): PageContext {
  const href = url.href;
  const rawId = salesforceIdFromPath(url.pathname);
  if (rawId === 'invalid') {
    return { host: 'salesforce', kind: 'unreadable', url: href, reason: 'the record id in the address is not a Salesforce id' };
  }
  const id = rawId && toSalesforceId18(rawId);
  const object = id ? objectFromKeyPrefix(id) : undefined;
  // Objects Glance cannot tie to an account (Leads, custom objects) are shown like a list page.
  if (!id || !object) return { host: 'salesforce', kind: 'list', url: href };

  const page = queryFirst(doc, SF.activePage) ?? doc;
  const record: CrmRecordRef = { crm: 'salesforce', object, id };
  if (object !== 'account') {
    const related = relatedAccountId(page);
    if (related) record.relatedAccountId = related;
  }
  const title = titleOf(queryFirst(page, SF.title));
  if (title) record.title = title;
  return { host: 'salesforce', kind: 'record', url: href, record };
}

function relatedAccountId(page: Document | Element): string | undefined {
  const inHighlights = accountLinkIn(page, SF.highlights);
  if (inHighlights) return inHighlights;
  // When the page shows the Account field, it decides even without a link (empty, or in inline-edit
  // mode): another Account lookup (Parent Account, a custom `*__c` field) must not stand in for it.
  if (page.querySelector(SF.accountField)) return accountLinkIn(page, SF.accountField);
  for (const area of [...SF.accountLinkAreas, ':root']) {
    const id = accountLinkIn(page, area);
    if (id) return id;
  }
  return undefined;
}

function accountLinkIn(page: Document | Element, area: string): string | undefined {
  for (const link of Array.from(page.querySelectorAll(`${area} a[href]`)).slice(0, 200)) {
    const id = accountIdFromHref(link.getAttribute('href'));
    if (id) return id;
  }
  return undefined;
}

/** Field values in inline-edit mode live in the input's value property, not in its text. */
function titleOf(el: Element | null): string {
  const text = el?.tagName === 'INPUT' ? squash((el as HTMLInputElement).value ?? '').slice(0, 200) : shortText(el, 200);
  return text.replace(/^:\s*/, '');
}

export const salesforceAdapter: HostAdapter = {
  host: 'salesforce',
  isHost: (url) => url.protocol === 'https:' && isSalesforceHost(url.hostname),
  read: readSalesforce,
};
