/** My book in the options: who she is (owner of "my accounts"), the daily digest and its hour, and a link to the book. */
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call } from '@/lib/messages/client';
import { useGlanceMutation } from '../data/hooks';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function DigestPanel() {
  const profile = useQuery({ queryKey: ['glance', 'profile'], queryFn: () => call('profile.get', {}) });
  const digest = useQuery({ queryKey: ['glance', 'digest'], queryFn: () => call('digest.get', {}) });
  const saveProfile = useGlanceMutation('profile.save');
  const saveDigest = useGlanceMutation('digest.save');
  const [me, setMe] = useState('');
  const [shown, setShown] = useState<typeof profile.data>(undefined);
  if (profile.data !== shown) {
    setShown(profile.data);
    if (profile.data) setMe((profile.data.me ?? []).join(', '));
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!profile.data) return;
    const names = me
      .split(/[,;]+/)
      .map((m) => m.trim())
      .filter(Boolean);
    saveProfile.mutate({ profile: { ownDomains: profile.data.ownDomains, me: names } });
  };

  const settings = digest.data;
  const error = saveProfile.error ?? saveDigest.error ?? digest.error;
  return (
    <section className="card" aria-labelledby="my-book-heading">
      <h2 id="my-book-heading">My book</h2>
      <p>
        <a href="/book.html" target="_blank" rel="noreferrer">
          Open my book
        </a>{' '}
        <span className="muted">(or press Alt+Shift+M): every account ranked by what needs you today.</span>
      </p>
      <form className="row" onSubmit={submit}>
        <label className="field profile-field">
          <span>Your email or CRM user name</span>
          <input value={me} placeholder="casey.morgan@northpeak.io" onChange={(e) => setMe(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={saveProfile.isPending || !profile.data}>
          Save owner
        </button>
      </form>
      <p className="muted">
        Accounts whose owner is one of these (comma-separated) are yours in the book; leave empty to count every account.
      </p>
      {settings && (
        <div className="row">
          <label className="field">
            <span>
              <input
                type="checkbox"
                checked={settings.enabled}
                onChange={(e) => saveDigest.mutate({ settings: { ...settings, enabled: e.target.checked } })}
              />{' '}
              Daily digest
            </span>
          </label>
          <label className="field">
            <span>Digest hour</span>
            <select
              value={settings.hour}
              disabled={!settings.enabled}
              onChange={(e) => saveDigest.mutate({ settings: { ...settings, hour: Number(e.target.value) } })}
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hourLabel(h)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p className="muted">A notification each day at that hour: accounts that turned red, new risk signals, and commitments due.</p>
      <div aria-live="polite">{saveProfile.isSuccess || saveDigest.isSuccess ? 'Saved.' : null}</div>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
