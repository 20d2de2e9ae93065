/**
 * The side panel's link to the page: it follows the active tab of its own window. The tab's content
 * script reads the page as in the in-page mode, but nothing is mounted there: the panel asks it for
 * the context, the selection and the thread's messages (tabs.sendMessage, no "tabs" permission needed) and hears its updates
 * (runtime messages, taken only when the browser names the active tab as the sender). The panel is
 * an extension page the host page cannot frame or reach: no token or private channel is needed.
 */
import { browser } from 'wxt/browser';
import type { PageContext, PageMessage } from '@/lib/hosts/types';
import { createHandoffReceiver } from '@/lib/display/promise-handoff';
import { isToPanel, type PromiseDraftSeed, type ToPanel, type ToTab } from '@/lib/messages/frame';
import { pageContextSchema, pageMessagesSchema, pageTimeSchema } from '@/lib/messages/page-context-schema';
import { z } from '@/lib/schema/zod';

export interface PanelEvents {
  /** The active tab's page, or null when it shows no page Glance reads. */
  onContext(context: PageContext | null): void;
  onNavigating(): void;
  onOpenPromiseForm(seed: PromiseDraftSeed): void;
}

const seedSchema = z.object({ text: z.string().max(5000), sentAt: z.string().max(64).optional(), sent: pageTimeSchema.optional() });
const handedSchema = z.object({ id: z.string().min(1).max(64), seed: seedSchema });

export function followActiveTab(events: PanelEvents) {
  let windowId: number | undefined;
  let activeTabId: number | undefined;
  let asked = 0;
  /** Contexts the active tab sent on its own: a reading asked for before one of them is older than it. */
  let told = 0;
  const handoffs = createHandoffReceiver();

  const ask = async <T>(tabId: number, message: ToTab): Promise<T | null> =>
    ((await browser.tabs.sendMessage(tabId, message).catch(() => null)) as T | null) ?? null;

  /** Reads the active tab again; an answer overtaken by a newer tab switch is dropped. */
  const refresh = async () => {
    const turn = ++asked;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (turn !== asked) return;
    windowId = tab?.windowId;
    activeTabId = tab?.id;
    if (tab?.id === undefined) return events.onContext(null);
    const toldBefore = told;
    // A promise logged while this panel was opening waits in the tab: asked for before the context is
    // shown, so once the panel shows the account it has its form too (or none is waiting).
    const [context, handed] = await Promise.all([
      ask<unknown>(tab.id, { glance: 'tab', type: 'get-context' }),
      ask<unknown>(tab.id, { glance: 'tab', type: 'take-promise' }),
    ]);
    const parsed = pageContextSchema.safeParse(context);
    const waiting = handedSchema.safeParse(handed);
    if (turn !== asked) return;
    // The tab may read its page between answering and this answer arriving (a page still drawing
    // answers "no page", then tells its account): what it told since is newer than this answer.
    if (told === toldBefore) events.onContext(parsed.success ? parsed.data : null);
    if (parsed.success && waiting.success && handoffs.accept(waiting.data.id)) events.onOpenPromiseForm(waiting.data.seed);
  };

  browser.tabs.onActivated.addListener((info) => {
    if (windowId !== undefined && info.windowId !== windowId) return;
    // Taken at once: what the new tab tells while the query below is under way is heard.
    activeTabId = info.tabId;
    void refresh();
  });
  // A page load in the active tab starts a new content script, which reports once it has read the page;
  // a tab that has none (another site) is read as "no page" when it completes.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (tabId === activeTabId && change.status === 'complete') void refresh();
  });
  // A returned promise is the answer (the polyfill in Chrome, natively in Firefox); undefined leaves it to others.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || sender.tab.id !== activeTabId || !isToPanel(message)) return;
    return handle(message);
  });

  function handle(message: ToPanel): Promise<{ taken: string }> | undefined {
    if (message.type === 'navigating') return void events.onNavigating();
    if (message.type === 'no-page') {
      told++;
      return void events.onContext(null);
    }
    if (message.type === 'context') {
      const parsed = pageContextSchema.safeParse(message.context);
      if (parsed.success) {
        told++;
        events.onContext(parsed.data);
      }
      return;
    }
    const handed = handedSchema.safeParse({ id: message.handoffId, seed: message.seed });
    if (!handed.success) return;
    // Confirmed even when already opened (asked for at start): the tab then stops keeping it.
    if (handoffs.accept(handed.data.id)) events.onOpenPromiseForm(handed.data.seed);
    return Promise.resolve({ taken: handed.data.id });
  }

  void refresh();
  return {
    /** The text selected in the active tab's page, with the sent time of the email it sits in. */
    async selection(): Promise<PromiseDraftSeed> {
      if (activeTabId === undefined) return { text: '' };
      const seed = seedSchema.safeParse(await ask<unknown>(activeTabId, { glance: 'tab', type: 'get-selection' }));
      return seed.success ? seed.data : { text: '' };
    },
    /** What the active tab's open thread says (none when it does not answer). */
    async messages(): Promise<PageMessage[]> {
      if (activeTabId === undefined) return [];
      const messages = pageMessagesSchema.safeParse(await ask<unknown>(activeTabId, { glance: 'tab', type: 'get-messages' }));
      return messages.success ? messages.data : [];
    },
  };
}
