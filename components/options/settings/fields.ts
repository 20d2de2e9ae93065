/**
 * The playbook settings as a form: one plain-named number field per figure, a draft of the
 * typed text, and checks that name the setting at fault. The schema stays the final word;
 * these checks only say in the user's words what it would reject.
 */
import { DIMENSION_LABELS } from '@/lib/health';
import { DIMENSION_IDS, playbookSettingsSchema, type PlaybookSettings } from '@/lib/settings';

export interface FieldDef {
  /** Dotted path into PlaybookSettings; array items by index ("renewal.stageDays.0"). */
  key: string;
  /** The accessible name: what a CSM would call this figure. */
  label: string;
  hint?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** An empty field means null (e.g. no QBR for a tier). */
  nullable?: boolean;
}

export interface SectionDef {
  id: string;
  title: string;
  intro?: string;
  fields: FieldDef[];
}

export type Draft = Record<string, string>;

const pct = { min: 0, max: 100 };
const days = { min: 0 };

export const WEIGHT_KEYS = DIMENSION_IDS.map((id) => `weights.${id}`);

/** The sections, in the order the playbook introduces them; stage count follows the saved settings. */
export function settingsSections(settings: PlaybookSettings): SectionDef[] {
  const stageCount = settings.renewal.stageDays.length;
  return [
    {
      id: 'weights',
      title: 'Health weights',
      intro: 'How much each dimension counts towards the health score.',
      fields: DIMENSION_IDS.map((id) => ({ key: `weights.${id}`, label: `${DIMENSION_LABELS[id]} weight (%)`, ...pct })),
    },
    {
      id: 'bands',
      title: 'Bands',
      intro: 'Scores below the yellow minimum are red.',
      fields: [
        { key: 'bands.green', label: 'Green band minimum score', ...pct },
        { key: 'bands.yellow', label: 'Yellow band minimum score', ...pct },
        {
          key: 'activityTrendPct',
          label: 'Login trend threshold (%)',
          hint: 'Change in logins, week over week, that counts as a trend',
          ...pct,
        },
      ],
    },
    {
      id: 'signals',
      title: 'Signal thresholds',
      fields: [
        { key: 'signals.usageDropPct', label: 'Usage drop (%)', hint: 'Logins down more than this, week over week', ...pct },
        { key: 'signals.npsDropPoints', label: 'NPS drop (points)', min: 0, max: 10 },
        { key: 'signals.ticketSpikeCount', label: 'Ticket spike (tickets)', integer: true, min: 0 },
        { key: 'signals.ticketSpikeDays', label: 'Ticket spike window (days)', ...days },
        { key: 'signals.championDarkDays', label: 'Champion silent after (days)', ...days },
        { key: 'signals.missedMeetings', label: 'Missed meetings in a row', integer: true, min: 1 },
        { key: 'signals.lateInvoiceDays', label: 'Invoice late after (days)', ...days },
        { key: 'signals.orgChangeDays', label: 'Org change counts for (days)', ...days },
        { key: 'championDepartureDays', label: 'Champion departure counts for (days)', ...days },
        {
          key: 'escalationWindowDays',
          label: 'Escalation counts for (days)',
          hint: 'An escalation this recent lowers the support score',
          ...days,
        },
      ],
    },
    {
      id: 'renewal',
      title: 'Renewal stages and the 90-day rule',
      intro: 'Stages in days before the renewal date, largest first; the last is the renewal day itself (0).',
      fields: [
        ...Array.from({ length: stageCount }, (_, i) => ({
          key: `renewal.stageDays.${i}`,
          label: `Renewal stage ${i + 1} (days before renewal)`,
          ...days,
        })),
        {
          key: 'renewal.firstConversationDays',
          label: 'First renewal conversation by (days before renewal)',
          hint: 'The customer must hear about renewal at least this early',
          ...days,
        },
      ],
    },
    {
      id: 'tiers',
      title: 'Tiers and QBR cadence',
      intro: 'Tiers by ARR, in the account’s own currency. Leave a cadence empty for no QBRs in that tier.',
      fields: [
        { key: 'tiers.midMarketFromArr', label: 'Mid-market from ARR', min: 0 },
        { key: 'tiers.enterpriseAboveArr', label: 'Enterprise above ARR', min: 0 },
        { key: 'tiers.qbrCadenceDays.enterprise', label: 'Enterprise QBR every (days)', nullable: true, ...days },
        { key: 'tiers.qbrCadenceDays.mid-market', label: 'Mid-market QBR every (days)', nullable: true, ...days },
        { key: 'tiers.qbrCadenceDays.smb', label: 'SMB QBR every (days)', nullable: true, ...days },
      ],
    },
    {
      id: 'expansion',
      title: 'Expansion',
      fields: [
        { key: 'expansion.seatUtilisationPct', label: 'Seat utilisation for expansion (%)', ...pct },
        { key: 'expansion.greenDays', label: 'Green for at least (days)', ...days },
        { key: 'expansion.triggerWindowDays', label: 'Trigger events count for (days)', ...days },
      ],
    },
  ];
}

function getAt(obj: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

function setAt(obj: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node: Record<string, unknown> = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = /^\d+$/.test(parts[i + 1]) ? [] : {};
    node[parts[i]] ??= next;
    node = node[parts[i]] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

export function allFields(sections: SectionDef[]): FieldDef[] {
  return sections.flatMap((s) => s.fields);
}

export function toDraft(settings: PlaybookSettings): Draft {
  const draft: Draft = {};
  for (const f of allFields(settingsSections(settings))) {
    const v = getAt(settings, f.key);
    draft[f.key] = v === null || v === undefined ? '' : String(v);
  }
  return draft;
}

/** Sum of the weights as typed; an empty or unreadable weight counts 0 (it has its own error). */
export function weightSum(draft: Draft): number {
  const sum = WEIGHT_KEYS.reduce((acc, k) => acc + (Number.isFinite(Number(draft[k])) ? Number(draft[k]) : 0), 0);
  return Math.round(sum * 100) / 100;
}

export function weightsValid(draft: Draft): boolean {
  return Math.abs(weightSum(draft) - 100) < 1e-9;
}

function checkField(f: FieldDef, text: string): string | null {
  const t = text.trim();
  if (t === '') return f.nullable ? null : 'Enter a number';
  const n = Number(t);
  if (!Number.isFinite(n)) return 'Enter a number';
  if (f.integer && !Number.isInteger(n)) return 'Must be a whole number';
  if (f.min !== undefined && f.max !== undefined && (n < f.min || n > f.max)) return `Must be from ${f.min} to ${f.max}`;
  if (f.min !== undefined && n < f.min) return `Must be at least ${f.min}`;
  if (f.max !== undefined && n > f.max) return `Must be at most ${f.max}`;
  return null;
}

export interface DraftCheck {
  /** Set only when every check passes: exactly what would be saved. */
  settings: PlaybookSettings | null;
  /** By field key; a rule spanning fields is reported on the field a user would change. */
  fieldErrors: Record<string, string>;
  weightsOk: boolean;
}

/** The schema's cross-field rules, in words that name the settings involved. */
function crossFieldErrors(candidate: unknown, fields: FieldDef[]): Record<string, string> {
  const out: Record<string, string> = {};
  const parsed = playbookSettingsSchema.safeParse(candidate);
  if (parsed.success) return out;
  const stageKeys = fields.filter((f) => f.key.startsWith('renewal.stageDays.')).map((f) => f.key);
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (path === 'weights') continue; // shown as the live sum
    if (path === 'bands.yellow') out['bands.yellow'] = 'Must be below the green band minimum score';
    else if (path === 'tiers.midMarketFromArr') out['tiers.midMarketFromArr'] = 'Must not be above the enterprise ARR';
    else if (path === 'renewal.stageDays') {
      const values = stageKeys.map((k) => Number(getAt(candidate, k)));
      const last = stageKeys[stageKeys.length - 1];
      if (values[values.length - 1] !== 0) out[last] = 'The last stage is the renewal day: 0';
      values.forEach((v, i) => {
        if (i > 0 && v >= values[i - 1]) out[stageKeys[i]] ??= `Must be fewer days than stage ${i}`;
      });
    } else if (fields.some((f) => f.key === path)) out[path] = issue.message;
  }
  return out;
}

export function checkDraft(draft: Draft, sections: SectionDef[]): DraftCheck {
  const fields = allFields(sections);
  const fieldErrors: Record<string, string> = {};
  const candidate: Record<string, unknown> = {};
  for (const f of fields) {
    const error = checkField(f, draft[f.key] ?? '');
    if (error) fieldErrors[f.key] = error;
    const t = (draft[f.key] ?? '').trim();
    setAt(candidate, f.key, t === '' && f.nullable ? null : Number(t));
  }
  const weightsOk = weightsValid(draft);
  if (Object.keys(fieldErrors).length > 0) return { settings: null, fieldErrors, weightsOk };
  Object.assign(fieldErrors, crossFieldErrors(candidate, fields));
  const ok = weightsOk && Object.keys(fieldErrors).length === 0;
  return { settings: ok ? (candidate as PlaybookSettings) : null, fieldErrors, weightsOk };
}
