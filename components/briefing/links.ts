/** Where each part of the briefing is shown in full: the sidebar page, opened on its own in a tab. */
export type SidebarSection = 'health' | 'alerts' | 'actions' | 'commitments' | 'people' | 'goals' | 'touches' | 'renewal';

export function sidebarHref(accountId: string, section: SidebarSection): string {
  return `sidebar.html?account=${encodeURIComponent(accountId)}#${section}`;
}
