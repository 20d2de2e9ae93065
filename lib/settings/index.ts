/**
 * Every figure the playbook gives is a default a team can change on the options page.
 * The judgement code reads only these settings, never a literal threshold.
 */
import { z } from '../schema/zod';

const pct = z.number().min(0).max(100);
const days = z.number().min(0);

export const DIMENSION_IDS = ['adoption', 'outcomes', 'relationship', 'support', 'commercial'] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export const playbookSettingsSchema = z
  .object({
    weights: z.object({
      adoption: pct,
      outcomes: pct,
      relationship: pct,
      support: pct,
      commercial: pct,
    }),
    bands: z.object({ green: pct, yellow: pct }),
    /** Logins up or down more than this share (last 7 days vs the 7 before) make the activity trend. */
    activityTrendPct: pct,
    signals: z.object({
      usageDropPct: pct,
      npsDropPoints: z.number().min(0).max(10),
      ticketSpikeCount: z.number().int().min(0),
      ticketSpikeDays: days,
      championDarkDays: days,
      missedMeetings: z.number().int().min(1),
      lateInvoiceDays: days,
      orgChangeDays: days,
    }),
    renewal: z.object({
      /** T-120, T-90, T-60, T-30, T-14, T-0: strictly descending, ending at 0. */
      stageDays: z.array(days).min(1),
      /** A customer must never first hear of renewal less than this many days out. */
      firstConversationDays: days,
    }),
    tiers: z.object({
      /** ARR from this figure up is mid-market. */
      midMarketFromArr: z.number().min(0),
      /** ARR above this figure is enterprise. */
      enterpriseAboveArr: z.number().min(0),
      qbrCadenceDays: z.object({
        enterprise: days.nullable(),
        'mid-market': days.nullable(),
        smb: days.nullable(),
      }),
    }),
    expansion: z.object({
      seatUtilisationPct: pct,
      greenDays: days,
      triggerWindowDays: days,
    }),
    championDepartureDays: days,
    escalationWindowDays: days,
  })
  .superRefine((s, ctx) => {
    const sum = DIMENSION_IDS.reduce((acc, id) => acc + s.weights[id], 0);
    if (Math.abs(sum - 100) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `dimension weights must sum to 100 (they sum to ${sum})` });
    }
    if (s.bands.yellow >= s.bands.green) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', 'yellow'],
        message: `the yellow threshold (${s.bands.yellow}) must be below the green threshold (${s.bands.green})`,
      });
    }
    const stages = s.renewal.stageDays;
    if (stages.some((d, i) => i > 0 && d >= stages[i - 1])) {
      ctx.addIssue({ code: 'custom', path: ['renewal', 'stageDays'], message: 'renewal stage days must be strictly descending' });
    }
    if (stages[stages.length - 1] !== 0) {
      ctx.addIssue({ code: 'custom', path: ['renewal', 'stageDays'], message: 'the last renewal stage must be 0 days (T-0)' });
    }
    if (s.tiers.midMarketFromArr > s.tiers.enterpriseAboveArr) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 'midMarketFromArr'],
        message: 'the mid-market ARR boundary must not exceed the enterprise boundary',
      });
    }
  });

export type PlaybookSettings = z.infer<typeof playbookSettingsSchema>;

export const DEFAULT_SETTINGS: PlaybookSettings = deepFreeze({
  weights: { adoption: 30, outcomes: 25, relationship: 20, support: 15, commercial: 10 },
  bands: { green: 80, yellow: 60 },
  activityTrendPct: 10,
  signals: {
    usageDropPct: 30,
    npsDropPoints: 3,
    ticketSpikeCount: 10,
    ticketSpikeDays: 30,
    championDarkDays: 10,
    missedMeetings: 2,
    lateInvoiceDays: 15,
    orgChangeDays: 90,
  },
  renewal: { stageDays: [120, 90, 60, 30, 14, 0], firstConversationDays: 90 },
  tiers: {
    midMarketFromArr: 25_000,
    enterpriseAboveArr: 100_000,
    qbrCadenceDays: { enterprise: 92, 'mid-market': 183, smb: null },
  },
  expansion: { seatUtilisationPct: 80, greenDays: 60, triggerWindowDays: 180 },
  championDepartureDays: 30,
  escalationWindowDays: 90,
});

/** Frozen all the way down: the defaults are shared, so a stray write must fail loudly. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | null } : T;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Settings whose value may be null (no QBR for that tier): there null is a choice, not a gap. */
const NULLABLE_PARENTS = new Set(['qbrCadenceDays']);

function mergeInto(base: unknown, over: unknown, name = '', parent = ''): unknown {
  if (over === undefined) return structuredCloneValue(base);
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(base)) out[key] = mergeInto(base[key], over[key], key, name);
    return out;
  }
  if (over === null && !NULLABLE_PARENTS.has(parent)) return structuredCloneValue(base);
  return Array.isArray(over) ? [...over] : over;
}

function structuredCloneValue(v: unknown): unknown {
  if (Array.isArray(v)) return [...v];
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structuredCloneValue(x)]));
  return v;
}

/**
 * Fills every missing value from the defaults. Keys the defaults do not know are dropped,
 * so settings saved by an older or newer version still load. Does not validate: use
 * `parseSettings` for that.
 */
export function mergeSettings(partial?: DeepPartial<PlaybookSettings> | null): PlaybookSettings {
  return mergeInto(DEFAULT_SETTINGS, partial ?? {}) as PlaybookSettings;
}

export type SettingsResult = { ok: true; settings: PlaybookSettings } | { ok: false; errors: { path: string; message: string }[] };

/** Merges with the defaults, then validates; errors name the setting. */
export function parseSettings(input: unknown): SettingsResult {
  const merged = mergeSettings(isPlainObject(input) ? (input as DeepPartial<PlaybookSettings>) : {});
  const result = playbookSettingsSchema.safeParse(merged);
  if (result.success) return { ok: true, settings: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}
