/** "Log this email": the thread as one touch (an email activity) on the account. */
import type { Activity, Contact } from '../model/bundle';
import type { ThreadMessage } from '../hosts/types';
import { touchIdOf } from './ids';

export interface ThreadTouchInput {
  accountId: string;
  threadId: string;
  subject: string;
  url?: string;
  messages: ThreadMessage[];
  contacts: Pick<Contact, 'id' | 'email'>[];
  now: Date;
}

/** Dated by the latest message (else now), naming the account's contacts who took part. */
export function threadTouch(input: ThreadTouchInput): Activity {
  const times = input.messages.map((m) => (m.sentAt ? Date.parse(m.sentAt) : Number.NaN)).filter((t) => !Number.isNaN(t));
  const date = new Date(times.length ? Math.max(...times) : input.now.getTime()).toISOString();
  const emails = new Set(input.messages.flatMap((m) => [m.from, ...(m.to ?? [])]).map((p) => p?.email?.toLowerCase()));
  const contactIds = input.contacts.filter((c) => emails.has(c.email.toLowerCase())).map((c) => c.id);
  const subject = input.subject.trim() || 'Email thread';
  return {
    id: touchIdOf(input.threadId),
    accountId: input.accountId,
    type: 'email',
    date,
    summary: `Email: ${subject}`.slice(0, 2000),
    ...(contactIds.length ? { contactIds } : {}),
  };
}
