/**
 * What the user does with what Glance found in an open email thread: dismiss a suggestion, log the
 * thread as a touch (with its outbox entry for the CRMs, and the champion's last response), add a
 * person as a contact, keep customer feedback. Finding the commitments is pure (lib/thread) and runs
 * in the sidebar; only these writes come here.
 */
import type { ThreadMessage } from '../hosts/types';
import type { Contact } from '../model/bundle';
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { enqueue } from '../outbox/outbox';
import { threadTouch, touchIdOf } from '../thread';
import type { GlanceDB, StoredContact } from '../store/db';
import { contactsBy, contactsOf, putContacts, updateContact } from '../store/contacts';
import { withoutKeys } from '../store/keys';
import type { ServiceDeps } from './handlers';

type ThreadHandlers = Pick<
  Handlers,
  'thread.state' | 'thread.dismiss' | 'thread.logTouch' | 'contact.add' | 'feedback.save' | 'feedback.list'
>;

/** A short id from an email, so adding the same person twice finds the same contact. */
function contactIdOf(accountId: string, email: string): string {
  let hash = 0x811c9dc5;
  for (const ch of `${accountId}|${email}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return `ct-${(hash >>> 0).toString(36)}-${email
    .split('@')[0]
    .replace(/[^a-z0-9]+/gi, '')
    .slice(0, 20)
    .toLowerCase()}`;
}

/**
 * The champion's last response: the newest message the active champion sent in this thread (never
 * one dated in the future), when newer than the one on record. Call inside a transaction on contacts.
 */
async function updateChampion(db: GlanceDB, contacts: StoredContact[], messages: ThreadMessage[], at: Date): Promise<boolean> {
  const champion = contacts.find((c) => c.role === 'champion' && c.status !== 'departed');
  if (!champion) return false;
  const email = champion.email.toLowerCase();
  const times = messages
    .filter((m) => m.from?.email?.toLowerCase() === email && m.sentAt)
    .map((m) => Date.parse(m.sentAt!))
    .filter((t) => !Number.isNaN(t) && t <= at.getTime());
  if (!times.length) return false;
  const latest = new Date(Math.max(...times)).toISOString();
  if (champion.lastResponseAt && Date.parse(champion.lastResponseAt) >= Date.parse(latest)) return false;
  await updateContact(db, champion.id, { lastResponseAt: latest });
  return true;
}

export function createThreadHandlers({ db, now, broadcast }: ServiceDeps): ThreadHandlers {
  return {
    'thread.state': async ({ threadId }) => {
      const [dismissed, touch] = await Promise.all([
        db.threadDismissals.where('threadId').equals(threadId).toArray(),
        db.activities.get(touchIdOf(threadId)),
      ]);
      return { dismissed: dismissed.map((d) => d.suggestionId), touchLogged: Boolean(touch) };
    },
    'thread.dismiss': async ({ threadId, suggestionId }) => {
      await db.threadDismissals.put({ threadId, suggestionId, at: now().toISOString() });
      broadcast(changeEvent(['threads']));
      return null;
    },
    'thread.logTouch': async ({ accountId, context }) => {
      const at = now();
      const result = await db.transaction('rw', [db.accounts, db.contactPacks, db.activities, db.outbox], async () => {
        if (!(await db.accounts.get(accountId))) throw new Error(`No account "${accountId}" in Glance: the email was not logged.`);
        const contacts = await contactsOf(db, accountId);
        const touch = threadTouch({
          accountId,
          threadId: context.threadId,
          subject: context.subject,
          messages: context.messages ?? [],
          contacts,
          now: at,
        });
        const existing = await db.activities.get(touch.id);
        if (!existing) {
          await db.activities.put(touch);
          // The outbox holds it until a connected CRM writes it as an activity there.
          await enqueue(
            db,
            { entity: 'activity', entityId: touch.id, accountId, op: 'upsert', record: { ...touch, url: context.url } },
            at,
          );
        }
        const championUpdated = await updateChampion(db, contacts, context.messages ?? [], at);
        return { touch: existing ?? touch, championUpdated };
      });
      broadcast(changeEvent(['records', 'threads'], [accountId]));
      return result;
    },
    'contact.add': async ({ accountId, name, email }) => {
      const lower = email.trim().toLowerCase();
      const saved = await db.transaction('rw', [db.accounts, db.contactPacks], async () => {
        if (!(await db.accounts.get(accountId))) throw new Error(`No account "${accountId}" in Glance: the contact was not added.`);
        const [known] = await contactsBy(db, 'email', [lower]);
        if (known && known.accountId !== accountId) throw new Error(`${lower} is already a contact of another account: not added.`);
        if (known) return known;
        const contact: Contact = {
          id: contactIdOf(accountId, lower),
          accountId,
          name: name?.trim() || lower.split('@')[0],
          email: lower,
          status: 'active',
        };
        await putContacts(db, [contact]);
        return contact;
      });
      broadcast(changeEvent(['records'], [accountId]));
      return withoutKeys(saved);
    },
    'feedback.save': async ({ feedback }) => {
      if (!(await db.accounts.get(feedback.accountId)))
        throw new Error(`No account "${feedback.accountId}" in Glance: the feedback was not kept.`);
      await db.feedback.put(feedback);
      broadcast(changeEvent(['threads'], [feedback.accountId]));
      return feedback;
    },
    'feedback.list': async ({ accountId }) => {
      const rows = await db.feedback.where('accountId').equals(accountId).toArray();
      return rows.sort((a, b) => b.at.localeCompare(a.at));
    },
  };
}
