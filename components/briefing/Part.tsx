/** One part of the briefing: a card plus the way to its full detail in the sidebar. */
import type { ReactNode } from 'react';
import { sidebarHref, type SidebarSection } from './links';

const NAMES: Record<SidebarSection, string> = {
  health: 'health',
  alerts: 'risk signals',
  actions: 'next best actions',
  commitments: 'commitments',
  people: 'people',
  goals: 'goals',
  touches: 'touches',
  renewal: 'renewal',
};

/** The link's name starts with its visible word, so voice control users can say "click Details". */
export function Part({ accountId, section, children }: { accountId: string; section: SidebarSection; children: ReactNode }) {
  return (
    <div className="briefing-part" data-section={section}>
      {children}
      <a
        className="briefing-part__more"
        href={sidebarHref(accountId, section)}
        target="_blank"
        rel="noopener"
        aria-label={`Details of ${NAMES[section]} in the sidebar`}
      >
        Details ↗
      </a>
    </div>
  );
}
