import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../../../lib/hosts/types';
import { followActiveTab, type PanelEvents } from '../../../entrypoints/sidepanel/follow-tab';

const TAB = { id: 7, windowId: 1, index: 0, active: true, highlighted: false, pinned: false, incognito: false };

const acmeThread: PageContext = {
  host: 'gmail',
  kind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT',
  threadId: 'FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT',
  subject: 'Renewal',
  people: [{ name: 'Dana Whitfield', email: 'dana@acmerobotics.com' }],
  messages: [],
};

/** The tab's answers, released by the test in the order it wants them to arrive. */
function tabAnswers() {
  const pending: Array<{ type: string; answer: (value: unknown) => void }> = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
    ((_tabId: number, message: { type: string }) =>
      new Promise((resolve) => pending.push({ type: message.type, answer: resolve }))) as never,
  );
  return {
    answer(type: string, value: unknown) {
      const i = pending.findIndex((p) => p.type === type);
      pending.splice(i, 1)[0]!.answer(value);
    },
    asked: () => pending.map((p) => p.type),
  };
}

function recordEvents() {
  const contexts: Array<PageContext | null> = [];
  const events: PanelEvents = { onContext: (c) => contexts.push(c), onNavigating: () => undefined, onOpenPromiseForm: () => undefined };
  return { contexts, events };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const tellFromTab = (message: unknown, tabId = TAB.id) =>
  fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id, tab: { ...TAB, id: tabId } } as never, () => undefined);

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([TAB] as never);
});

describe('the side panel following the active tab', () => {
  it('keeps the account a page told it about over an older "no page" answer that arrives after it', async () => {
    const tab = tabAnswers();
    const { contexts, events } = recordEvents();
    followActiveTab(events);
    await settle();
    expect(tab.asked()).toEqual(['get-context', 'take-promise']);

    // The page answered while it was still drawing the thread, then read it and told the panel.
    await tellFromTab({ glance: 'panel', type: 'context', context: acmeThread });
    tab.answer('get-context', null);
    tab.answer('take-promise', null);
    await settle();

    expect(contexts.at(-1)).toMatchObject({ threadId: acmeThread.threadId });
  });

  it('shows what the tab answers when it told nothing in the meantime', async () => {
    const tab = tabAnswers();
    const { contexts, events } = recordEvents();
    followActiveTab(events);
    await settle();
    tab.answer('get-context', acmeThread);
    tab.answer('take-promise', null);
    await settle();
    expect(contexts).toEqual([expect.objectContaining({ threadId: acmeThread.threadId })]);
  });

  it('hears a tab that was just switched to before its query is answered', async () => {
    tabAnswers();
    const { contexts, events } = recordEvents();
    followActiveTab(events);
    await settle();
    // The query that follows the switch is still under way when the new tab tells its page.
    vi.spyOn(fakeBrowser.tabs, 'query').mockReturnValue(new Promise(() => undefined) as never);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 9, windowId: TAB.windowId });
    await tellFromTab({ glance: 'panel', type: 'context', context: acmeThread }, 9);
    expect(contexts.at(-1)).toMatchObject({ threadId: acmeThread.threadId });
  });

  it('ignores what a tab that is not the active one tells', async () => {
    tabAnswers();
    const { contexts, events } = recordEvents();
    followActiveTab(events);
    await settle();
    await tellFromTab({ glance: 'panel', type: 'context', context: acmeThread }, 12);
    expect(contexts).toEqual([]);
  });
});
