/** The sidebar's UI state: what page is in view, collapsed or not, a promise being drafted. */
import { create } from 'zustand';
import type { PageContext } from '@/lib/hosts/types';
import type { PromiseDraftSeed, ToContent } from '@/lib/messages/frame';

interface PageState {
  context: PageContext | null;
  /** In the browser's side panel: the active tab shows no page Glance reads (another site, a new tab). */
  noHostPage: boolean;
  collapsed: boolean;
  /** The host page's theme, when it could be read. */
  hostTheme: 'light' | 'dark' | null;
  /** Set when a promise form should open (button, context menu, shortcut). */
  draft: PromiseDraftSeed | null;
  /** An account picked by search on a page with no key to remember it under. */
  pickedAccountId: string | null;
  postToHost: (message: ToContent) => void;
  /** Opens Glance's options page, where importing and the sample book live (the sidebar may do neither). */
  openOptions: () => void;
  setContext: (context: PageContext | null) => void;
  setNoHostPage: () => void;
  setCollapsed: (collapsed: boolean) => void;
  openDraft: (seed: PromiseDraftSeed) => void;
  closeDraft: () => void;
  pickAccount: (accountId: string | null) => void;
}

export const usePageStore = create<PageState>((set) => ({
  context: null,
  noHostPage: false,
  collapsed: false,
  hostTheme: null,
  draft: null,
  pickedAccountId: null,
  postToHost: () => undefined,
  openOptions: () => undefined,
  setContext: (context) => set({ context, noHostPage: false, pickedAccountId: null }),
  setNoHostPage: () => set({ context: null, noHostPage: true, pickedAccountId: null }),
  setCollapsed: (collapsed) => set({ collapsed }),
  openDraft: (seed) => set({ draft: seed }),
  closeDraft: () => set({ draft: null }),
  pickAccount: (accountId) => set({ pickedAccountId: accountId }),
}));
