/** Playbook settings: stored as the user's overrides, always read merged with the playbook defaults. */
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { mergeSettings, parseSettings, type PlaybookSettings } from '../settings';
import type { GlanceDB } from '../store/db';
import type { ServiceDeps } from './handlers';

const KEY = 'playbook';

export async function loadSettings(db: GlanceDB): Promise<PlaybookSettings> {
  const row = await db.settings.get(KEY);
  const parsed = parseSettings(row?.value ?? {});
  // A stored value that no longer validates (older version, hand-edited) falls back to the defaults.
  return parsed.ok ? parsed.settings : mergeSettings();
}

export function createSettingsHandlers({ db, broadcast }: ServiceDeps): Pick<Handlers, 'settings.get' | 'settings.save'> {
  return {
    'settings.get': () => loadSettings(db),
    'settings.save': async ({ settings }) => {
      const parsed = parseSettings(settings);
      if (!parsed.ok) {
        throw new Error(`Settings not saved: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      }
      await db.settings.put({ key: KEY, value: parsed.settings });
      broadcast(changeEvent(['settings']));
      return parsed.settings;
    },
  };
}
