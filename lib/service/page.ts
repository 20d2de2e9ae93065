/** Requests about the page in view: which account it is, that account's view, search, choices. */
import { buildAccountView } from '../account-view/build';
import type { AccountSummary, AccountView } from '../account-view/types';
import type { PlaybookSettings } from '../settings';
import { decideMatch, lookupKeys } from '../match/match';
import { pageKey as pageKeyOf } from '../match/page-key';
import { searchAccounts } from '../match/search';
import type { InsightsCache } from '../insights/cache';
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { lookupForPage } from '../store/lookup';
import { meetingsBetween } from '../store/meetings';
import { readInSlices } from '../store/slices';
import { loadAccountData } from '../store/records';
import { accountSyncInfo } from '../store/sync-state';
import { MS_PER_DAY } from '../time';
import type { ServiceDeps } from './handlers';
import type { Profile } from '../settings/profile';
import { loadProfile } from './profile';
import { loadSettings } from './settings';

const VIEW_TTL_MS = 60_000;

type PageHandlers = Pick<
  Handlers,
  'page.match' | 'match.choose' | 'accounts.search' | 'account.view' | 'action.snooze' | 'action.restore' | 'meetings.upcoming'
>;

export function createPageHandlers(
  { db, now, broadcast }: ServiceDeps,
  /** The book's insights cache: the view reuses an account's insights it judged, and keeps the book's row current. */
  insights?: Pick<InsightsCache, 'detail'>,
): PageHandlers & { invalidate(): void } {
  /**
   * Names and domains of every account, for search: loaded once, dropped when records change. Read a
   * slice at a time: at 100k accounts one read of the whole table would hold every sidebar's look-up.
   */
  let searchIndex: Promise<AccountSummary[]> | null = null;
  const summaries = () =>
    (searchIndex ??= readInSlices(db.accounts, (a): AccountSummary => ({
      id: a.id,
      name: a.name,
      domains: a.domains,
      arr: a.arr,
      sample: a.sample === true,
    })));

  /**
   * Built views, kept for a minute: going back to a thread answers from memory. Any write drops them
   * (invalidate), and the minute bounds how stale "today" and "days ago" can get.
   */
  const views = new Map<string, { at: number; view: Promise<AccountView | null> }>();
  let settings: Promise<PlaybookSettings> | null = null;
  let profile: Promise<Profile> | null = null;
  /**
   * The pages the user chose an account for (a handful to a few thousand keys): the look-up asks for
   * a remembered choice only on those, one request fewer on every other thread swap.
   */
  let chosenPages: Promise<Set<string>> | null = null;
  async function hasChoice(key: string | undefined): Promise<boolean> {
    if (key === undefined) return false;
    const loading = (chosenPages ??= db.matchChoices
      .toCollection()
      .primaryKeys()
      .then((keys) => new Set(keys)));
    // A failed read is not kept: the next swap reads again.
    loading.catch(() => chosenPages === loading && (chosenPages = null));
    return (await loading).has(key);
  }

  function view(accountId: string): Promise<AccountView | null> {
    const at = now().getTime();
    const kept = views.get(accountId);
    if (kept && at - kept.at < VIEW_TTL_MS) return kept.view;
    const built = (async () => {
      const [data, playbook, prefs, sync] = await Promise.all([
        loadAccountData(db, accountId),
        (settings ??= loadSettings(db)),
        db.actionPrefs.where('accountId').equals(accountId).toArray(),
        accountSyncInfo(db, accountId),
      ]);
      if (!data) return null;
      const judged = insights ? await insights.detail(data).catch(() => undefined) : undefined;
      const built = buildAccountView(data, new Date(at), playbook, prefs, judged);
      return sync ? { ...built, sync } : built;
    })();
    views.set(accountId, { at, view: built });
    built.catch(() => views.delete(accountId));
    return built;
  }

  return {
    invalidate: () => {
      searchIndex = null;
      settings = null;
      profile = null;
      chosenPages = null;
      views.clear();
    },
    'page.match': async ({ context }) => {
      const key = pageKeyOf(context) ?? undefined;
      if (context.kind === 'list') return { match: { status: 'none', reason: 'No thread or record is open.' }, pageKey: key };
      if (context.kind === 'unreadable') return { match: { status: 'none', reason: context.reason }, pageKey: key };
      const { ownDomains } = await (profile ??= loadProfile(db));
      const keys = lookupKeys(context, { ownDomains, userEmail: context.kind === 'thread' ? context.userEmail : undefined });
      const { choice, results } = await lookupForPage(db, keys, (await hasChoice(key)) ? key : undefined);
      const match = decideMatch(context, keys, results, { remembered: choice ? { accountId: choice.accountId } : undefined, ownDomains });
      return { match, pageKey: key, view: match.status === 'matched' ? ((await view(match.accountId)) ?? undefined) : undefined };
    },
    'match.choose': async ({ pageKey, accountId }) => {
      await db.matchChoices.put({ pageKey, accountId, at: now().toISOString() });
      broadcast(changeEvent(['matches']));
      return null;
    },
    'accounts.search': async ({ query, limit }) => searchAccounts(query, await summaries(), limit ?? 8),
    'account.view': ({ accountId }) => view(accountId),
    'action.snooze': async ({ accountId, actionId, until }) => {
      await db.actionPrefs.put({ accountId, actionId, until, at: now().toISOString() });
      broadcast(changeEvent(['actions'], [accountId]));
      return null;
    },
    'action.restore': async ({ accountId, actionId }) => {
      await db.actionPrefs.delete([accountId, actionId]);
      broadcast(changeEvent(['actions'], [accountId]));
      return null;
    },
    'meetings.upcoming': ({ withinDays }) => {
      const fromMs = now().getTime();
      return meetingsBetween(db, fromMs, fromMs + (withinDays ?? 14) * MS_PER_DAY);
    },
  };
}
