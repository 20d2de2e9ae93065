/**
 * Where Glance shows the account: in the page (the sidebar iframe the content script mounts) or in
 * the browser's own side panel (Chrome sidePanel, Firefox sidebar_action), which leaves the page's
 * layout alone. Kept in storage.local, which content scripts can read but host pages cannot.
 */
export type DisplayMode = 'page' | 'panel';

export const DISPLAY_MODE_KEY = 'display.mode';

/** The stored value as a mode: anything but 'panel' (nothing stored yet, an old value) is the in-page sidebar. */
export function displayModeOf(stored: unknown): DisplayMode {
  return stored === 'panel' ? 'panel' : 'page';
}
