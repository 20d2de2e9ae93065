/** Light, dark, or following the page Glance sits on (Gmail, Salesforce, HubSpot) and else the system. */
import { useQuery } from '@tanstack/react-query';
import { call } from '@/lib/messages/client';
import type { Profile } from '@/lib/settings/profile';
import { useGlanceMutation } from '../data/hooks';

type Theme = NonNullable<Profile['theme']>;
const CHOICES: [Theme, string, string][] = [
  ['auto', 'Match the page', "Gmail's, Salesforce's or HubSpot's own theme beside them; your system's elsewhere"],
  ['light', 'Light', 'Always light'],
  ['dark', 'Dark', 'Always dark'],
];

export function ThemePanel() {
  const profile = useQuery({ queryKey: ['glance', 'profile'], queryFn: () => call('profile.get', {}) });
  const save = useGlanceMutation('profile.save');
  const current = profile.data?.theme ?? 'auto';
  return (
    <section className="card" aria-labelledby="theme-heading">
      <h2 id="theme-heading">Theme</h2>
      <fieldset className="theme-choices" disabled={!profile.data || save.isPending}>
        <legend className="visually-hidden">Theme</legend>
        {CHOICES.map(([value, label, hint]) => (
          <label key={value} className="theme-choice">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={current === value}
              onChange={() => profile.data && save.mutate({ profile: { ...profile.data, theme: value } })}
            />
            <span>
              {label} <span className="muted">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {save.isError && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
    </section>
  );
}
