/** What a host adapter reads off the page in front of the user. Plain data: it crosses frames and messages. */

/**
 * The parts of a page's address the readers look at: a URL, or the page's own Location, which the content
 * script passes as it is rather than parsing a copy of it on every read.
 */
export type PageUrl = Pick<URL, 'href' | 'protocol' | 'hostname' | 'pathname' | 'hash'>;

export type HostName = 'gmail' | 'outlook' | 'salesforce' | 'hubspot';
/** The mail hosts: their pages show threads of messages. */
export type MailHostName = 'gmail' | 'outlook';

/**
 * Someone on a thread. Gmail shows every address; Outlook on the web shows recipients by display
 * name only (the address is only in a hover card), so a person may have a name and no email.
 */
export interface Person {
  name?: string;
  email?: string;
}

/** One message of an open email thread, as far as the page shows it. */
export interface ThreadMessage {
  from?: Person;
  /** Recipients (to and cc) as the message header shows them: tells who a promise was made to. */
  to?: Person[];
  /** ISO timestamp when the page shows when it was sent. */
  sentAt?: string;
  /** The visible body text without quoted history or the signature, trimmed to a bounded length. */
  text: string;
  /** The sender's signature when the page marks it apart (Gmail's div.gmail_signature). */
  signature?: string;
}

/**
 * A sent time as the page writes it: Gmail's date title, Outlook's header text with the page's
 * language (which says whether 4/5 is April or May). lib/hosts/sent-time.ts reads it into an ISO
 * timestamp where it is used, so the content script on every page load carries no date parser.
 */
export interface PageTime {
  host: MailHostName;
  text: string;
  lang?: string;
}

/** One message as the content script reads it, on request: its sent time still as the page writes it. */
export type PageMessage = Omit<ThreadMessage, 'sentAt'> & { sent?: PageTime };

export type CrmName = 'salesforce' | 'hubspot';
export type CrmObject = 'account' | 'contact' | 'opportunity' | 'case' | 'company' | 'deal' | 'ticket';

export interface CrmRecordRef {
  crm: CrmName;
  object: CrmObject;
  /** Salesforce ids are normalised to 18 characters; HubSpot ids as in the URL. */
  id: string;
  /** The related account (Salesforce Account id / HubSpot company id) when the page links to it. */
  relatedAccountId?: string;
  /** The record's title as shown on the page (used in messages, never for matching). */
  title?: string;
}

export type PageContext =
  | {
      host: MailHostName;
      kind: 'thread';
      url: string;
      threadId: string;
      subject: string;
      /** Every sender and recipient of the thread, deduplicated by email (lower-cased), else by name. */
      people: Person[];
      /** The signed-in user's own address, when the page shows it. */
      userEmail?: string;
      /**
       * What the messages say, once read. Matching needs only the people, so the content script sends
       * the context without them and reads them when the sidebar asks (lib/content-script/start.ts).
       */
      messages?: ThreadMessage[];
      /**
       * How many messages the page shows, and how many of them open: without the messages in the context,
       * this is what changes when a reply arrives or a collapsed message is opened, so they are asked for again.
       */
      shown?: { messages: number; open: number };
    }
  | { host: CrmName; kind: 'record'; url: string; record: CrmRecordRef }
  /** A page with no single record or thread in view (inbox, list views, home): the sidebar stays compact. */
  | { host: HostName; kind: 'list'; url: string }
  /** The adapter recognised the host but could not read the page (DOM changed): say so, offer search. */
  /** `looked` lists the page hooks tried, for support: the reason stays in plain words. */
  | { host: HostName; kind: 'unreadable'; url: string; reason: string; looked?: string };
