/** Where each part of the briefing is shown in full: the account page, the sidebar's view in a tab of its own. */
export type SidebarSection = 'health' | 'alerts' | 'actions' | 'commitments' | 'people' | 'goals' | 'touches' | 'renewal';

export function accountPageHref(accountId: string, section: SidebarSection): string {
  return `account.html?account=${encodeURIComponent(accountId)}#${section}`;
}
