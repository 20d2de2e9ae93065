/** Stores the user's profile: own company domains (normalised to registrable domains), who she is, and the theme. */
import { profileSchema, type Profile } from '../settings/profile';
import { registrableDomain } from '../match/domains';
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import type { GlanceDB } from '../store/db';
import type { ServiceDeps } from './handlers';

const KEY = 'profile';
const HOSTNAME = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

export async function loadProfile(db: GlanceDB): Promise<Profile> {
  const parsed = profileSchema.safeParse((await db.settings.get(KEY))?.value);
  return parsed.success ? parsed.data : { ownDomains: [] };
}

export function createProfileHandlers({ db, broadcast }: ServiceDeps): Pick<Handlers, 'profile.get' | 'profile.save'> {
  return {
    'profile.get': () => loadProfile(db),
    'profile.save': async ({ profile }) => {
      const bad = profile.ownDomains.filter((d) => !HOSTNAME.test(d.trim()) || !registrableDomain(d.trim()));
      if (bad.length)
        throw new Error(`Not saved: ${bad.map((d) => `"${d}"`).join(', ')} ${bad.length === 1 ? 'is not a domain' : 'are not domains'}.`);
      const ownDomains = [...new Set(profile.ownDomains.map((d) => registrableDomain(d.trim())!))];
      // A page that saves only some of the profile keeps the rest as stored.
      const stored = profile.me === undefined || profile.theme === undefined ? await loadProfile(db) : undefined;
      const me = profile.me ?? stored?.me;
      const theme = profile.theme ?? stored?.theme;
      const saved: Profile = {
        ownDomains,
        ...(me ? { me: [...new Set(me.map((m) => m.trim()).filter(Boolean))] } : {}),
        ...(theme ? { theme } : {}),
      };
      await db.settings.put({ key: KEY, value: saved });
      broadcast(changeEvent(['settings']));
      return saved;
    },
  };
}
