/**
 * The Glance data model: bundle v1 (see the bundle spec), as zod schemas.
 * Every record type keeps unknown fields (looseObject) so that import -> export round-trips them.
 */
import { z } from '../schema/zod';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why `s` is not an ISO 8601 date, or null. The calendar is checked by hand: Date.parse rolls
 * 2025-02-30 over into March, and a renewal on a day that does not exist is a typo to show.
 */
export function isoDateProblem(s: string): string | null {
  const shape = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!shape || Number.isNaN(Date.parse(`${shape[1]}-01-01${shape[4] ?? ''}`)))
    return 'expected an ISO 8601 date (YYYY-MM-DD or timestamp)';
  const [year, month, day] = [Number(shape[1]), Number(shape[2]), Number(shape[3])];
  if (month < 1 || month > 12) return `${s.slice(0, 10)} is not a calendar date (there is no month ${month})`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${s.slice(0, 10)} is not a calendar date (${MONTHS[month - 1]} ${year} has ${days} days)`;
  return null;
}

/** `YYYY-MM-DD` or a full ISO 8601 timestamp, on a day that exists. */
export const isoDate = z.string().superRefine((s, ctx) => {
  const problem = isoDateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/*
 * Length caps, so that one runaway cell cannot fill the store or a message (see the bundle spec).
 * Ids also travel in requests, which take at most 200 characters.
 */
export const FIELD_CAPS = { id: 200, shortText: 500, longText: 10_000, url: 2048, list: 1000 } as const;
const recordId = z.string().min(1).max(FIELD_CAPS.id);
const shortText = z.string().max(FIELD_CAPS.shortText);
const longText = z.string().max(FIELD_CAPS.longText);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(FIELD_CAPS.list);

const crmIds = z.looseObject({
  salesforceId: z
    .string()
    .regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'expected a 15 or 18 character Salesforce id')
    .optional(),
  hubspotId: z.string().min(1).max(FIELD_CAPS.id).optional(),
});

export const accountSchema = z.looseObject({
  id: recordId,
  name: shortText.min(1),
  domains: list(shortText.min(1)).optional(),
  crm: crmIds.optional(),
  arr: z.number().nonnegative().optional(),
  currency: shortText.optional(),
  tier: z.enum(['enterprise', 'mid-market', 'smb']).optional(),
  contractStart: isoDate.optional(),
  renewalDate: isoDate.optional(),
  owner: shortText.optional(),
  ae: shortText.optional(),
  licensedSeats: z.number().nonnegative().optional(),
  activeSeats: z.number().nonnegative().optional(),
  featuresPurchased: z.number().nonnegative().optional(),
  featuresUsed: z.number().nonnegative().optional(),
  loginFrequency: z.enum(['daily', 'weekly', 'monthly', 'rarely']).optional(),
  goals: list(z.looseObject({ text: longText, status: z.enum(['on-track', 'partial', 'off-track']) })).optional(),
  roi: z.looseObject({ expected: z.number(), documented: z.number() }).optional(),
  milestone: z.enum(['completed', 'in-progress', 'not-started']).optional(),
  execSponsor: z.enum(['active', 'passive', 'none']).optional(),
  meetingAttendance: z.number().min(0).max(1).optional(),
  responseTimeHours: z.number().nonnegative().optional(),
  nps: list(z.looseObject({ date: isoDate, score: z.number().min(0).max(10) })).optional(),
  renewalProbability: z.enum(['high', 'medium', 'low']).optional(),
  expansionConversation: z.boolean().optional(),
  invoice: z.looseObject({ status: z.enum(['current', 'late', 'disputed']), daysLate: z.number().optional() }).optional(),
  lastQbrDate: isoDate.optional(),
  lastEscalationDate: isoDate.optional(),
  events: list(
    z.looseObject({
      date: isoDate,
      type: z.enum(['layoffs', 'merger', 'acquisition', 'new-team', 'new-market', 'new-initiative']),
      note: longText.optional(),
    }),
  ).optional(),
  healthHistory: list(z.looseObject({ date: isoDate, score: z.number().min(0).max(100) })).optional(),
});

export const contactSchema = z.looseObject({
  id: recordId,
  accountId: recordId,
  name: shortText,
  email: shortText.regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address'),
  crm: crmIds.optional(),
  title: shortText.optional(),
  role: z.enum(['champion', 'economic-buyer', 'executive-sponsor', 'technical', 'user']).optional(),
  status: z.enum(['active', 'departed']).optional(),
  departedAt: isoDate.optional(),
  lastResponseAt: isoDate.optional(),
});

export const usagePointSchema = z.looseObject({
  accountId: recordId,
  date: isoDate,
  logins: z.number().nonnegative(),
  activeUsers: z.number().nonnegative().optional(),
});

export const ticketSchema = z.looseObject({
  id: recordId,
  accountId: recordId,
  openedAt: isoDate,
  closedAt: isoDate.optional(),
  priority: z.enum(['P1', 'P2', 'P3', 'P4']),
  status: z.enum(['open', 'closed']),
  subject: longText.optional(),
});

export const commitmentSchema = z.looseObject({
  id: recordId,
  accountId: recordId,
  text: longText.min(1),
  kind: z.enum(['sales-promise', 'commitment']),
  owner: z.enum(['us', 'customer']),
  promisedBy: shortText.optional(),
  promisedTo: shortText.optional(),
  madeAt: isoDate.optional(),
  dueDate: isoDate.optional(),
  status: z.enum(['open', 'done', 'cancelled']),
  /** When it was last changed (set by Glance on every local change): a re-import of an older file keeps the newer one. */
  updatedAt: isoDate.optional(),
  source: z
    .looseObject({
      type: z.enum(['email', 'meeting', 'crm', 'manual']),
      // Shown as a link: only web addresses, never javascript: or data: URLs.
      url: z
        .string()
        .max(FIELD_CAPS.url)
        .regex(/^https?:\/\//i, 'expected an http(s) address')
        .optional(),
      threadId: shortText.optional(),
    })
    .optional(),
});

export const activitySchema = z.looseObject({
  id: recordId,
  accountId: recordId,
  type: z.enum(['email', 'meeting', 'call', 'note', 'qbr']),
  date: isoDate,
  summary: longText.optional(),
  attended: z.boolean().optional(),
  contactIds: list(recordId).optional(),
});

export type Account = z.infer<typeof accountSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type UsagePoint = z.infer<typeof usagePointSchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type Activity = z.infer<typeof activitySchema>;

/** The record collections of a bundle, in the order they are imported. */
export const RECORD_TYPES = ['accounts', 'contacts', 'usage', 'tickets', 'commitments', 'activities'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const recordSchemas = {
  accounts: accountSchema,
  contacts: contactSchema,
  usage: usagePointSchema,
  tickets: ticketSchema,
  commitments: commitmentSchema,
  activities: activitySchema,
} as const;

export interface RecordsByType {
  accounts: Account[];
  contacts: Contact[];
  usage: UsagePoint[];
  tickets: Ticket[];
  commitments: Commitment[];
  activities: Activity[];
}

export interface Bundle extends Partial<RecordsByType> {
  format: 'glance.bundle';
  version: 1;
  generatedAt?: string;
  accounts: Account[];
}

/** Everything the playbook judges for one account: the account and its related records. */
export interface AccountData {
  account: Account;
  contacts: Contact[];
  usage: UsagePoint[];
  tickets: Ticket[];
  commitments: Commitment[];
  activities: Activity[];
}
