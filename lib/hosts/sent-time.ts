/**
 * Sent times and messages as the content script reads them, made into what the rest of Glance uses:
 * ISO timestamps. Runs in the sidebar (and the tests), so the script on every host page load carries
 * no date parser. Pure: the browser's time zone is the one the page showed the time in.
 */
import { parseGmailDate } from './gmail-date';
import { parseOutlookDate } from './outlook-date';
import type { PageMessage, PageTime, ThreadMessage } from './types';

export function sentAtOf(time: PageTime | undefined): string | undefined {
  if (!time) return undefined;
  return time.host === 'gmail' ? parseGmailDate(time.text) : parseOutlookDate(time.text, time.lang);
}

/** Messages as the content script reads them, with their sent times as timestamps (left out where unreadable). */
export function threadMessagesOf(messages: PageMessage[]): ThreadMessage[] {
  return messages.map(({ sent, ...message }) => {
    const sentAt = sentAtOf(sent);
    return sentAt ? { ...message, sentAt } : message;
  });
}
