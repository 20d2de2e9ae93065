/**
 * Notices when the page in view changes: Gmail's hash routes and thread swaps, Lightning's and
 * HubSpot's pushState navigation. WXT's location polling (once a second) is too slow for a glance,
 * so this listens to navigation events and watches the DOM, coalescing bursts into one read.
 */
import type { PageContext } from '../hosts/types';

const EAGER_MS = 3000;
const LAZY_MS = 300;

export interface PageWatch {
  /** Reads now and reports if the context changed. */
  check(): void;
  stop(): void;
}

/**
 * `isOwn`: nodes the caller puts in the page itself (the sidebar); their coming and going is no change of the page.
 * `onSame`: a read found what was in view before (the DOM changed, but not the thread or record).
 */
export function watchPage(
  win: Window,
  read: () => PageContext | null,
  isOwn: (node: Node) => boolean,
  onChange: (context: PageContext | null) => void,
  onSame?: () => void,
): PageWatch {
  let lastKey: string | undefined;
  let scheduled = false;

  const check = () => {
    // Back on: a change from now on may be one this read does not see.
    observe();
    scheduled = false;
    dueAt = Infinity;
    const context = read();
    const key = context ? JSON.stringify(context) : 'null';
    if (key === lastKey) return onSame?.();
    lastKey = key;
    onChange(context);
  };
  let timer: number | undefined;
  let dueAt = Infinity;
  const schedule = (delay: number) => {
    const at = performance.now() + delay;
    if (scheduled && dueAt <= at) return;
    // A navigation must not wait behind a lazy read: bring the pending read forward.
    if (scheduled) win.clearTimeout(timer);
    // Until the read, a DOM change could only ask for it again (a navigation brings it forward itself): the
    // observer is off, so a thread being drawn costs the page no call into this script per change.
    else observer.disconnect();
    scheduled = true;
    dueAt = at;
    timer = win.setTimeout(check, delay);
  };
  // Right after a navigation the new thread or record is being drawn: read at every DOM change.
  // The rest of the time (Gmail's DOM never rests) a change is read at most every LAZY_MS.
  let navigatedAt = -Infinity;
  const onNavigate = () => {
    navigatedAt = performance.now();
    schedule(0);
  };
  const ownRecord = (r: MutationRecord) =>
    isOwn(r.target) || (Array.from(r.addedNodes).every(isOwn) && Array.from(r.removedNodes).every(isOwn));
  const onMutation = (records: MutationRecord[]) => {
    if (records.every(ownRecord)) return;
    schedule(performance.now() - navigatedAt < EAGER_MS ? 0 : LAZY_MS);
  };

  // popstate comes with every hash change (Gmail's routes) and back or forward, before hashchange: no need for both.
  win.addEventListener('popstate', onNavigate);
  // The Navigation API sees pushState navigations, which no window event reports to a content script.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', onNavigate);
  const observer = new MutationObserver(onMutation);
  const observe = () => observer.observe(win.document.documentElement, { childList: true, subtree: true });
  observe();

  return {
    check,
    stop() {
      win.removeEventListener('popstate', onNavigate);
      navigation?.removeEventListener('navigatesuccess', onNavigate);
      observer.disconnect();
      win.clearTimeout(timer);
    },
  };
}
