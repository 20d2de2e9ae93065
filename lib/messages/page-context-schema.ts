/** zod mirror of PageContext: the background checks every context a page sends before using it. */
import { z } from '../schema/zod';
import type { PageContext, PageMessage, PageTime } from '../hosts/types';

// Outlook shows recipients by name only: a person has an address, a name, or both, never neither.
const person = z
  .object({ name: z.string().max(300).optional(), email: z.string().max(320).optional() })
  .refine((p) => !!(p.name || p.email), 'a person needs a name or an email');
const host = z.enum(['gmail', 'outlook', 'salesforce', 'hubspot']);
const url = z.string().max(4000);

const message = {
  from: person.optional(),
  // Who a promise was made to: dropped here, the sidebar would never see the recipients.
  to: z.array(person).max(500).optional(),
  text: z.string().max(20000),
  signature: z.string().max(2000).optional(),
};
const threadMessage = z.object({ ...message, sentAt: z.string().max(64).optional() });

/** A sent time as the page writes it (lib/hosts/sent-time.ts reads it). */
export const pageTimeSchema = z.object({
  host: z.enum(['gmail', 'outlook']),
  text: z.string().max(200),
  lang: z.string().max(40).optional(),
}) satisfies z.ZodType<PageTime>;

/** The messages a content script reads when asked: checked like a context before the sidebar reads them. */
export const pageMessagesSchema = z.array(z.object({ ...message, sent: pageTimeSchema.optional() })).max(200) satisfies z.ZodType<
  PageMessage[]
>;

export const pageContextSchema = z.union([
  z.object({
    host: z.enum(['gmail', 'outlook']),
    kind: z.literal('thread'),
    url,
    threadId: z.string().max(200),
    subject: z.string().max(1000),
    people: z.array(person).max(500),
    userEmail: z.string().max(320).optional(),
    messages: z.array(threadMessage).max(200).optional(),
    shown: z.object({ messages: z.number().int().min(0).max(100_000), open: z.number().int().min(0).max(100_000) }).optional(),
  }),
  z.object({
    host: z.enum(['salesforce', 'hubspot']),
    kind: z.literal('record'),
    url,
    record: z.object({
      crm: z.enum(['salesforce', 'hubspot']),
      object: z.enum(['account', 'contact', 'opportunity', 'case', 'company', 'deal', 'ticket']),
      id: z.string().max(64),
      relatedAccountId: z.string().max(64).optional(),
      title: z.string().max(500).optional(),
    }),
  }),
  z.object({ host, kind: z.literal('list'), url }),
  z.object({ host, kind: z.literal('unreadable'), url, reason: z.string().max(500), looked: z.string().max(500).optional() }),
]) satisfies z.ZodType<PageContext>;
