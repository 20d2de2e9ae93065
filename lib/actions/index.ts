/**
 * Next best action: the playbook's rules in priority order. Every suggestion says why and can
 * be dismissed or snoozed; the sidebar shows the top one and up to two more.
 */
import { toMs, type DateInput } from '../time';
import { ACTION_RULES } from './rules';
import { ACTION_IDS, type ActionContext, type ActionPrefs, type ActionsResult, type HiddenAction, type NextAction } from './types';

export * from './types';
export * from './cadence';
export * from './overdue';
export { ACTION_RULES } from './rules';

/**
 * Every applicable action in priority order. `keep-cadence` applies only when no rule above it
 * applies, whether or not those are dismissed: dismissing a warning is not a sign of health.
 */
export function applicableActions(ctx: ActionContext): NextAction[] {
  const out: NextAction[] = [];
  ACTION_IDS.forEach((id, i) => {
    if (id === 'keep-cadence' && out.length > 0) return;
    const found = ACTION_RULES[id](ctx);
    if (found) out.push({ id, priority: i + 1, ...found });
  });
  return out;
}

/** Hidden while dismissed (no `until`) or snoozed until a moment still in the future. */
export function isHidden(prefs: ActionPrefs | undefined, id: string, now: DateInput): { hidden: boolean; until?: string } {
  const pref = prefs?.[id];
  if (!pref) return { hidden: false };
  if (pref.until === undefined || pref.until === null) return { hidden: true };
  const until = toMs(pref.until);
  if (Number.isNaN(until)) return { hidden: true };
  return until > toMs(now) ? { hidden: true, until: pref.until } : { hidden: false };
}

export function rankActions(ctx: ActionContext, prefs?: ActionPrefs): ActionsResult {
  const ranked: NextAction[] = [];
  const hidden: HiddenAction[] = [];
  for (const action of applicableActions(ctx)) {
    const h = isHidden(prefs, action.id, ctx.now);
    if (!h.hidden) ranked.push(action);
    else hidden.push(h.until ? { ...action, hiddenUntil: h.until } : { ...action });
  }
  return { top: ranked[0] ?? null, more: ranked.slice(1, 3), ranked, hidden };
}
