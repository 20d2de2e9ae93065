import { useTheme } from '../data/theme';
import { BookPanel } from './BookPanel';
import { ConnectionsPanel } from './ConnectionsPanel';
import { DigestPanel } from './DigestPanel';
import { DisplayPanel } from './DisplayPanel';
import { ImportPanel } from './ImportPanel';
import { ProfilePanel } from './ProfilePanel';
import { SettingsPanel } from './SettingsPanel';
import { ThemePanel } from './ThemePanel';

/** The options page's parts, in the order of the navigation; a new part adds itself here and below. */
const PARTS = [
  ['book', 'Book and import'],
  ['connections', 'CRM connections'],
  ['company', 'Your company'],
  ['appearance', 'Appearance'],
  ['playbook', 'Playbook settings'],
] as const;

export function OptionsApp() {
  useTheme();
  return (
    <main className="options">
      <header className="options__header">
        <h1>Glance</h1>
        <p className="muted">Your book of accounts lives on this computer. The CRMs stay the systems of record.</p>
        <nav aria-label="Options sections" className="options__nav">
          {PARTS.map(([id, label]) => (
            <a key={id} href={`#${id}`}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <div id="book" className="options__part">
        <BookPanel />
        <DigestPanel />
        <ImportPanel />
      </div>
      <div id="connections" className="options__part">
        <ConnectionsPanel />
      </div>
      <ProfilePanel />
      <div id="appearance" className="options__part">
        <ThemePanel />
        <DisplayPanel />
      </div>
      <div id="playbook" className="options__part">
        <SettingsPanel />
      </div>
    </main>
  );
}
