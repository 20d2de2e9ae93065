/** What the sidebar and the briefing show for one account: the records plus the playbook's judgement. */
import type { Account, Activity, Commitment, Contact, Ticket } from '../model/bundle';
import type { Insights } from '../insights';

export interface AccountSummary {
  id: string;
  name: string;
  domains?: string[];
  arr?: number;
  sample?: boolean;
}

export interface AccountView {
  account: Account;
  contacts: Contact[];
  commitments: Commitment[];
  /** Open tickets, newest first. */
  openTickets: Ticket[];
  /** Past touches, newest first (bounded). */
  recentActivities: Activity[];
  /** Future meetings, soonest first. */
  upcomingMeetings: Activity[];
  insights: Insights;
  /** When the view was computed (ISO); "today" for every relative date shown. */
  asOf: string;
  /** Set when the account's data came from a CRM sync: which CRM, when, its record there. */
  sync?: { source: 'hubspot' | 'salesforce'; at: string; crmId: string; url?: string };
}

export interface UpcomingMeeting {
  activityId: string;
  accountId: string;
  accountName: string;
  date: string;
  summary?: string;
}
