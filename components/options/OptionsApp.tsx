import { BookPanel } from './BookPanel';
import { DisplayPanel } from './DisplayPanel';
import { ConnectionsPanel } from './ConnectionsPanel';
import { DigestPanel } from './DigestPanel';
import { ImportPanel } from './ImportPanel';
import { ProfilePanel } from './ProfilePanel';
import { SettingsPanel } from './SettingsPanel';

export function OptionsApp() {
  return (
    <main className="options">
      <header className="options__header">
        <h1>Glance</h1>
        <p className="muted">Your book of accounts lives on this computer. The CRMs stay the systems of record.</p>
      </header>
      <BookPanel />
      <DigestPanel />
      <ImportPanel />
      <DisplayPanel />
      <ConnectionsPanel />
      <ProfilePanel />
      <SettingsPanel />
    </main>
  );
}
