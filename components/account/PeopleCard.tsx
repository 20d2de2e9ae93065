import type { Contact } from '@/lib/model/bundle';
import { calendarDaysUntil } from '@/lib/time';
import { ROLE_LABEL } from './format';

const KEY_ROLES = ['champion', 'economic-buyer', 'executive-sponsor'];
const QUIET_DAYS = 21;

/** An address that wraps only after its "@" or at a dot, never mid-word ("acmerobo/tics.com"). */
function EmailAddress({ email }: { email: string }) {
  const [local, domain] = [email.slice(0, email.lastIndexOf('@') + 1), email.slice(email.lastIndexOf('@') + 1)];
  return (
    <span className="email-address">
      {local}
      <wbr />
      {domain.split('.').map((part, i) => (
        <span key={i}>
          {i > 0 && (
            <>
              <wbr />.
            </>
          )}
          {part}
        </span>
      ))}
    </span>
  );
}

/** Key people first (champion, economic buyer, executive sponsor); departed and quiet people marked. */
export function PeopleCard({ contacts, asOf, limit = 6 }: { contacts: Contact[]; asOf: string; limit?: number }) {
  const rank = (c: Contact) => {
    const i = KEY_ROLES.indexOf(c.role ?? '');
    return i === -1 ? KEY_ROLES.length : i;
  };
  const people = [...contacts].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).slice(0, limit);
  const missing = KEY_ROLES.filter((role) => !contacts.some((c) => c.role === role && c.status !== 'departed'));
  return (
    <section className="card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      {people.length === 0 ? (
        <p className="muted">No contacts on record.</p>
      ) : (
        <ul className="people">
          {people.map((c) => {
            const departed = c.status === 'departed';
            const silentDays = c.lastResponseAt ? -calendarDaysUntil(c.lastResponseAt, asOf) : undefined;
            const quiet = !departed && silentDays !== undefined && silentDays >= QUIET_DAYS;
            return (
              <li key={c.id} className="person" data-contact-id={c.id} data-departed={departed || undefined}>
                <span className="person__name">{c.name}</span>
                {c.role && <span className="badge">{ROLE_LABEL[c.role]}</span>}
                {departed && <span className="badge badge--red">Departed</span>}
                {quiet && <span className="badge badge--yellow">Quiet {silentDays} days</span>}
                <div className="muted person__meta">
                  {c.title && <span>{c.title}</span>}
                  {c.title && c.email && ' · '}
                  {c.email && <EmailAddress email={c.email} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {missing.length > 0 && contacts.length > 0 && (
        <p className="muted">No active {missing.map((r) => ROLE_LABEL[r].toLowerCase()).join(', ')} on record.</p>
      )}
    </section>
  );
}
