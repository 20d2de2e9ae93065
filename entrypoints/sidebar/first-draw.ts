/**
 * Part of the entry's one script: the first screen drawn without React (components/sidebar/first-draw.ts)
 * the moment the background answers, and the sidebar's styles, which it needs drawn (the build writes
 * them into the page). Small; React (./first-screen.tsx) loads after the screen is drawn.
 */
import { drawFirstScreen } from '@/components/sidebar/first-draw';
import type { AccountView } from '@/lib/account-view/types';
import { applyTheme, resolveTheme } from '@/lib/display/theme';
import { themeOf } from '@/lib/hosts/theme';
import type { Profile } from '@/lib/settings/profile';
import '@/assets/glance.css';
import '@/assets/insights.css';
import '@/assets/sidebar.css';
import '@/assets/found.css';
import '@/assets/sections.css';

/** What the content script had said about the page's colours, unchecked: only a theme is read from it. */
export function hostThemeOf(backgrounds: unknown): 'light' | 'dark' | null {
  return Array.isArray(backgrounds) ? themeOf(backgrounds.filter((b): b is string => typeof b === 'string').slice(0, 2)) : null;
}

/** The theme React's first commit will apply (useTheme), then the account's first screen. */
export function drawFirst(
  view: AccountView,
  profile: Profile | undefined,
  hostTheme: 'light' | 'dark' | null,
  onCollapse: () => void,
): void {
  const html = document.documentElement;
  applyTheme(html, resolveTheme(profile?.theme, hostTheme));
  html.dataset.collapsed = 'false';
  drawFirstScreen(document.getElementById('root')!, view, { onCollapse });
}
