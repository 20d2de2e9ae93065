/**
 * The daily digest: what changed since the last one. Each digest keeps a snapshot of every
 * account's band and signals; the next compares against it.
 */
import type { AccountInsight } from '../insights/summary';
import type { TodayItem } from './today';

export interface DigestSnapshot {
  at: string;
  accounts: Record<string, { band: string; signals: string[] }>;
}

export interface Digest {
  turnedRed: { accountId: string; name: string }[];
  newSignals: { accountId: string; name: string; signalIds: string[] }[];
  overdue: number;
  dueThisWeek: number;
  title: string;
  message: string;
}

export function snapshotOf(rows: readonly AccountInsight[], at: string): DigestSnapshot {
  const accounts: DigestSnapshot['accounts'] = {};
  for (const r of rows) accounts[r.accountId] = { band: r.band, signals: r.signalIds };
  return { at, accounts };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function names(list: { name: string }[], max = 3): string {
  const shown = list.slice(0, max).map((x) => x.name);
  return list.length > max ? `${shown.join(', ')} and ${list.length - max} more` : shown.join(', ');
}

/**
 * Without an earlier snapshot nothing counts as changed (the first digest would otherwise call
 * every red account "turned red"); an account new since the snapshot did not turn anything either.
 */
export function buildDigest(previous: DigestSnapshot | null, rows: readonly AccountInsight[], today: readonly TodayItem[]): Digest {
  const turnedRed: Digest['turnedRed'] = [];
  const newSignals: Digest['newSignals'] = [];
  if (previous) {
    for (const r of rows) {
      const before = previous.accounts[r.accountId];
      if (!before) continue;
      if (r.band === 'red' && before.band !== 'red') turnedRed.push({ accountId: r.accountId, name: r.name });
      const fresh = r.signalIds.filter((s) => !before.signals.includes(s));
      if (fresh.length) newSignals.push({ accountId: r.accountId, name: r.name, signalIds: fresh });
    }
  }
  const overdue = today.filter((t) => t.state === 'overdue').length;
  const dueThisWeek = today.length - overdue;
  const parts: string[] = [];
  if (turnedRed.length) parts.push(`Turned red: ${names(turnedRed)}.`);
  if (newSignals.length) parts.push(`New risk signals on ${plural(newSignals.length, 'account')}: ${names(newSignals)}.`);
  parts.push(`${plural(overdue, 'commitment')} overdue, ${dueThisWeek} due this week.`);
  const title = turnedRed.length
    ? `Glance: ${plural(turnedRed.length, 'account')} turned red`
    : newSignals.length
      ? `Glance: new risk signals on ${plural(newSignals.length, 'account')}`
      : 'Glance: your book today';
  return { turnedRed, newSignals, overdue, dueThisWeek, title, message: parts.join(' ') };
}
