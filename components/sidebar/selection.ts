/** Asks the content script for what the host page shows beyond its context: the selected text, the thread's messages. */
import { sentAtOf, threadMessagesOf } from '@/lib/hosts/sent-time';
import { themeOf } from '@/lib/hosts/theme';
import type { ThreadMessage } from '@/lib/hosts/types';
import type { PromiseDraftSeed, ToContent, ToSidebar } from '@/lib/messages/frame';
import { usePageStore } from './page-store';

let nextRequest = 1;
const waitingSeeds = new Map<number, (seed: PromiseDraftSeed) => void>();
const waitingMessages = new Map<number, (messages: ThreadMessage[] | null) => void>();
const SELECTION_TIMEOUT_MS = 300;
/** The host page's main thread may be busy (Gmail drawing): longer than for a selection, which a click waits on. */
const MESSAGES_TIMEOUT_MS = 5000;

function ask<T>(waiting: Map<number, (answer: T) => void>, message: (requestId: number) => ToContent, timeoutMs: number, fallback: T) {
  const requestId = nextRequest++;
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(requestId);
      resolve(fallback); // no host page (standalone) or it did not answer
    }, timeoutMs);
    waiting.set(requestId, (answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
    usePageStore.getState().postToHost(message(requestId));
  });
}

export function requestSelection(): Promise<PromiseDraftSeed> {
  return ask(waitingSeeds, (requestId) => ({ type: 'get-selection', requestId }), SELECTION_TIMEOUT_MS, { text: '' }); // an empty form
}

/** What the open thread's messages say, with their sent times read; null when the page did not answer. */
export function requestMessages(): Promise<ThreadMessage[] | null> {
  return ask(waitingMessages, (requestId) => ({ type: 'get-messages', requestId }), MESSAGES_TIMEOUT_MS, null);
}

/** The page sends a sent time as it writes it; the form counts from it as a timestamp. */
function seedOf({ sent, ...seed }: PromiseDraftSeed): PromiseDraftSeed {
  const sentAt = seed.sentAt ?? sentAtOf(sent);
  return sentAt ? { ...seed, sentAt } : seed;
}

/** Routes a message from the content script into the sidebar's state. */
export function handleHostMessage(message: ToSidebar): void {
  const store = usePageStore.getState();
  if (message.type === 'context') store.setContext(message.context);
  else if (message.type === 'navigating') store.setContext(null);
  else if (message.type === 'collapsed') store.setCollapsed(message.collapsed);
  else if (message.type === 'host-theme') usePageStore.setState({ hostTheme: themeOf(message.backgrounds) });
  else if (message.type === 'open-promise-form') store.openDraft(seedOf(message.seed));
  else if (message.type === 'selection') {
    waitingSeeds.get(message.requestId)?.(seedOf(message.seed));
    waitingSeeds.delete(message.requestId);
  } else if (message.type === 'messages') {
    waitingMessages.get(message.requestId)?.(threadMessagesOf(message.messages));
    waitingMessages.delete(message.requestId);
  }
}
