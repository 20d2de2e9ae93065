/** Your company's email domains: colleagues on a thread never make it match a customer by domain. */
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call } from '@/lib/messages/client';
import { useGlanceMutation } from '../data/hooks';

export function ProfilePanel() {
  const profile = useQuery({ queryKey: ['glance', 'profile'], queryFn: () => call('profile.get', {}) });
  const save = useGlanceMutation('profile.save');
  const [text, setText] = useState('');
  // The field follows each profile the background returns, set while rendering rather than in an effect.
  const [shownProfile, setShownProfile] = useState<typeof profile.data>(undefined);
  if (profile.data !== shownProfile) {
    setShownProfile(profile.data);
    if (profile.data) setText(profile.data.ownDomains.join(', '));
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ownDomains = text
      .split(/[\s,;]+/)
      .map((d) => d.trim().replace(/^@/, ''))
      .filter(Boolean);
    save.mutate({ profile: { ...profile.data, ownDomains } });
  };

  return (
    <section className="card" aria-labelledby="profile-heading" id="company">
      <h2 id="profile-heading">Your company</h2>
      <form className="row" onSubmit={submit}>
        <label className="field profile-field">
          <span>Your company's email domains</span>
          <input value={text} placeholder="e.g. yourcompany.com, yourcompany.io" onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={save.isPending || profile.isPending}>
          Save domains
        </button>
      </form>
      <p className="muted">
        People at these domains are your colleagues: Glance never matches an account through them. Your own address is always left out.
      </p>
      <div aria-live="polite">{save.isSuccess && !save.isPending ? 'Saved.' : null}</div>
      {save.isError && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
    </section>
  );
}
