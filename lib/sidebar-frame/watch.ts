/**
 * Notices when the page in view changes: Gmail's hash routes and thread swaps, Lightning's and
 * HubSpot's pushState navigation. WXT's location polling (once a second) is too slow for a glance,
 * so this listens to navigation events and watches the DOM, coalescing bursts into one read.
 */
import type { PageContext } from '../hosts/types';

export interface PageWatch {
  /** Reads now and reports if the context changed. */
  check(): void;
  stop(): void;
}

export function watchPage(win: Window, read: () => PageContext | null, onChange: (context: PageContext | null) => void): PageWatch {
  let lastKey: string | undefined;
  let scheduled = false;

  const check = () => {
    scheduled = false;
    const context = read();
    const key = context ? JSON.stringify(context) : 'null';
    if (key === lastKey) return;
    lastKey = key;
    onChange(context);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    win.setTimeout(check, 0);
  };

  win.addEventListener('hashchange', schedule);
  win.addEventListener('popstate', schedule);
  // The Navigation API sees pushState navigations, which no window event reports to a content script.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', schedule);
  const observer = new MutationObserver(schedule);
  observer.observe(win.document.documentElement, { childList: true, subtree: true });

  return {
    check,
    stop() {
      win.removeEventListener('hashchange', schedule);
      win.removeEventListener('popstate', schedule);
      navigation?.removeEventListener('navigatesuccess', schedule);
      observer.disconnect();
    },
  };
}
