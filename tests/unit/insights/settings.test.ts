import { describe, it, expect } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings, playbookSettingsSchema } from '../../../lib/settings';

describe('playbook settings', () => {
  it('holds the playbook defaults and they validate', () => {
    expect(DEFAULT_SETTINGS.weights).toEqual({ adoption: 30, outcomes: 25, relationship: 20, support: 15, commercial: 10 });
    expect(DEFAULT_SETTINGS.bands).toEqual({ green: 80, yellow: 60 });
    expect(DEFAULT_SETTINGS.renewal.stageDays).toEqual([120, 90, 60, 30, 14, 0]);
    expect(DEFAULT_SETTINGS.tiers.qbrCadenceDays).toEqual({ enterprise: 92, 'mid-market': 183, smb: null });
    expect(playbookSettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('fills missing values from the defaults', () => {
    const s = mergeSettings({ bands: { green: 85 }, signals: { usageDropPct: 25 } });
    expect(s.bands).toEqual({ green: 85, yellow: 60 });
    expect(s.signals.usageDropPct).toBe(25);
    expect(s.signals.npsDropPoints).toBe(3);
    expect(s.weights).toEqual(DEFAULT_SETTINGS.weights);
    expect(mergeSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a null QBR cadence where the default allows it, and does not share arrays with the defaults', () => {
    const s = mergeSettings({ tiers: { qbrCadenceDays: { smb: 365 } } });
    expect(s.tiers.qbrCadenceDays.smb).toBe(365);
    s.renewal.stageDays.push(7);
    expect(DEFAULT_SETTINGS.renewal.stageDays).toEqual([120, 90, 60, 30, 14, 0]);
  });

  it('rejects weights that do not sum to 100, naming the weights', () => {
    const r = parseSettings({ weights: { adoption: 40 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].path).toBe('weights');
      expect(r.errors[0].message).toMatch(/weights must sum to 100 \(they sum to 110\)/);
    }
  });

  it('rejects a yellow threshold at or above green', () => {
    const r = parseSettings({ bands: { green: 70, yellow: 70 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('bands.yellow');
  });

  it('rejects renewal stages that are not descending to 0', () => {
    expect(parseSettings({ renewal: { stageDays: [90, 120, 0] } }).ok).toBe(false);
    expect(parseSettings({ renewal: { stageDays: [120, 60, 14] } }).ok).toBe(false);
    expect(parseSettings({ renewal: { stageDays: [100, 50, 0] } }).ok).toBe(true);
  });
});

describe('settings edge cases', () => {
  it('lets a team turn a tier QBR cadence off with null, but null elsewhere means "default"', () => {
    const s = mergeSettings({ tiers: { qbrCadenceDays: { enterprise: null } }, bands: { green: null } });
    expect(s.tiers.qbrCadenceDays.enterprise).toBeNull();
    expect(s.bands.green).toBe(80);
  });

  it('keeps the shared defaults frozen', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS.weights)).toBe(true);
  });
});
