/** Asks the content script for the text selected on the host page (empty when there is none). */
import type { PromiseDraftSeed, ToSidebar } from '@/lib/messages/frame';
import { usePageStore } from './page-store';

let nextRequest = 1;
const waiting = new Map<number, (seed: PromiseDraftSeed) => void>();
const TIMEOUT_MS = 300;

export function requestSelection(): Promise<PromiseDraftSeed> {
  const requestId = nextRequest++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(requestId);
      resolve({ text: '' }); // no host page (standalone) or it did not answer: an empty form
    }, TIMEOUT_MS);
    waiting.set(requestId, (seed) => {
      clearTimeout(timer);
      resolve(seed);
    });
    usePageStore.getState().postToHost({ type: 'get-selection', requestId });
  });
}

/** Routes a message from the content script into the sidebar's state. */
export function handleHostMessage(message: ToSidebar): void {
  const store = usePageStore.getState();
  if (message.type === 'context') store.setContext(message.context);
  else if (message.type === 'navigating') store.setContext(null);
  else if (message.type === 'collapsed') store.setCollapsed(message.collapsed);
  else if (message.type === 'host-theme') usePageStore.setState({ hostTheme: message.theme });
  else if (message.type === 'open-promise-form') store.openDraft(message.seed);
  else if (message.type === 'selection') {
    waiting.get(message.requestId)?.(message.seed);
    waiting.delete(message.requestId);
  }
}
