/**
 * The Glance data model: bundle v1 (see the bundle spec), as zod schemas.
 * Every record type keeps unknown fields (looseObject) so that import -> export round-trips them.
 */
import { z } from 'zod';

/** `YYYY-MM-DD` or a full ISO 8601 timestamp. */
export const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'expected an ISO 8601 date (YYYY-MM-DD or timestamp)',
  });

const crmIds = z.looseObject({
  salesforceId: z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'expected a 15 or 18 character Salesforce id').optional(),
  hubspotId: z.string().min(1).optional(),
});

export const accountSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  domains: z.array(z.string().min(1)).optional(),
  crm: crmIds.optional(),
  arr: z.number().nonnegative().optional(),
  currency: z.string().optional(),
  tier: z.enum(['enterprise', 'mid-market', 'smb']).optional(),
  contractStart: isoDate.optional(),
  renewalDate: isoDate.optional(),
  owner: z.string().optional(),
  ae: z.string().optional(),
  licensedSeats: z.number().nonnegative().optional(),
  activeSeats: z.number().nonnegative().optional(),
  featuresPurchased: z.number().nonnegative().optional(),
  featuresUsed: z.number().nonnegative().optional(),
  loginFrequency: z.enum(['daily', 'weekly', 'monthly', 'rarely']).optional(),
  goals: z.array(z.looseObject({ text: z.string(), status: z.enum(['on-track', 'partial', 'off-track']) })).optional(),
  roi: z.looseObject({ expected: z.number(), documented: z.number() }).optional(),
  milestone: z.enum(['completed', 'in-progress', 'not-started']).optional(),
  execSponsor: z.enum(['active', 'passive', 'none']).optional(),
  meetingAttendance: z.number().min(0).max(1).optional(),
  responseTimeHours: z.number().nonnegative().optional(),
  nps: z.array(z.looseObject({ date: isoDate, score: z.number().min(0).max(10) })).optional(),
  renewalProbability: z.enum(['high', 'medium', 'low']).optional(),
  expansionConversation: z.boolean().optional(),
  invoice: z.looseObject({ status: z.enum(['current', 'late', 'disputed']), daysLate: z.number().optional() }).optional(),
  lastQbrDate: isoDate.optional(),
  lastEscalationDate: isoDate.optional(),
  events: z
    .array(
      z.looseObject({
        date: isoDate,
        type: z.enum(['layoffs', 'merger', 'acquisition', 'new-team', 'new-market', 'new-initiative']),
        note: z.string().optional(),
      }),
    )
    .optional(),
  healthHistory: z.array(z.looseObject({ date: isoDate, score: z.number().min(0).max(100) })).optional(),
});

export const contactSchema = z.looseObject({
  id: z.string().min(1),
  accountId: z.string().min(1),
  name: z.string(),
  email: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address'),
  crm: crmIds.optional(),
  title: z.string().optional(),
  role: z.enum(['champion', 'economic-buyer', 'executive-sponsor', 'technical', 'user']).optional(),
  status: z.enum(['active', 'departed']).optional(),
  departedAt: isoDate.optional(),
  lastResponseAt: isoDate.optional(),
});

export const usagePointSchema = z.looseObject({
  accountId: z.string().min(1),
  date: isoDate,
  logins: z.number().nonnegative(),
  activeUsers: z.number().nonnegative().optional(),
});

export const ticketSchema = z.looseObject({
  id: z.string().min(1),
  accountId: z.string().min(1),
  openedAt: isoDate,
  closedAt: isoDate.optional(),
  priority: z.enum(['P1', 'P2', 'P3', 'P4']),
  status: z.enum(['open', 'closed']),
  subject: z.string().optional(),
});

export const commitmentSchema = z.looseObject({
  id: z.string().min(1),
  accountId: z.string().min(1),
  text: z.string().min(1),
  kind: z.enum(['sales-promise', 'commitment']),
  owner: z.enum(['us', 'customer']),
  promisedBy: z.string().optional(),
  promisedTo: z.string().optional(),
  madeAt: isoDate.optional(),
  dueDate: isoDate.optional(),
  status: z.enum(['open', 'done', 'cancelled']),
  /** When it was last changed (set by Glance on every local change): a re-import of an older file keeps the newer one. */
  updatedAt: isoDate.optional(),
  source: z
    .looseObject({
      type: z.enum(['email', 'meeting', 'crm', 'manual']),
      // Shown as a link: only web addresses, never javascript: or data: URLs.
      url: z.string().regex(/^https?:\/\//i, 'expected an http(s) address').optional(),
      threadId: z.string().optional(),
    })
    .optional(),
});

export const activitySchema = z.looseObject({
  id: z.string().min(1),
  accountId: z.string().min(1),
  type: z.enum(['email', 'meeting', 'call', 'note', 'qbr']),
  date: isoDate,
  summary: z.string().optional(),
  attended: z.boolean().optional(),
  contactIds: z.array(z.string()).optional(),
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
