/**
 * What the sidebar says when it shows no account, and the next step each time: an empty book
 * (import or load the sample, on the options page: the sidebar has no rights to either), no
 * match (search, or import the account), a page Glance cannot read, a list page.
 */
import type { PageContext } from '@/lib/hosts/types';
import type { MatchResult } from '@/lib/match/types';
import { AccountSearch } from '../account/AccountSearch';
import { useStoreSummary } from '../data/hooks';

/** "no stored contact matches x" -> "No stored contact matches x." */
function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed ? `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}` : '';
}

function OptionsButton({ children, onOpenOptions }: { children: string; onOpenOptions: () => void }) {
  return (
    <button type="button" className="button button--small" onClick={onOpenOptions}>
      {children}
    </button>
  );
}

export function EmptyBook({ onOpenOptions }: { onOpenOptions: () => void }) {
  return (
    <section className="card state" aria-labelledby="state-heading" data-state="empty-book">
      <h2 id="state-heading">Your book is empty</h2>
      <p>Glance shows the account behind each email and CRM record once your accounts are in it.</p>
      <p className="muted">Import a Glance bundle or a CSV export from your CRM, or try Glance on the sample book of 50 accounts.</p>
      <div className="row state__actions">
        <OptionsButton onOpenOptions={onOpenOptions}>Import your book</OptionsButton>
        <OptionsButton onOpenOptions={onOpenOptions}>Load the sample book</OptionsButton>
      </div>
      <p className="muted state__note">Both open Glance options in a new tab.</p>
    </section>
  );
}

export function NoAccount({
  context,
  noHostPage = false,
  result,
  onPick,
  onOpenOptions,
}: {
  context: PageContext | null;
  /** In the browser's side panel: the active tab shows no page Glance reads (another site, a new tab). */
  noHostPage?: boolean;
  result: MatchResult | undefined;
  onPick: (accountId: string) => void;
  onOpenOptions: () => void;
}) {
  const summary = useStoreSummary();
  if (summary.data && summary.data.counts.accounts === 0) return <EmptyBook onOpenOptions={onOpenOptions} />;

  let heading = 'No matching account';
  let what = 'Search your book for the account.';
  let state = 'no-match';
  if (context?.kind === 'unreadable') {
    heading = 'Glance could not read this page';
    what = `${sentence(context.reason)} Reload the page to try again, or search your book.`;
    state = 'unreadable';
  } else if (context?.kind === 'list' || noHostPage) {
    heading = 'Open a thread or record';
    what = 'Glance shows the account of the email thread or CRM record you open. Or search your book.';
    state = 'list';
  } else if (result?.status === 'none') {
    heading = context?.kind === 'record' ? 'No account matches this record' : 'No account matches this email';
    what = `${sentence(result.reason)} Search your book, or import the account if it is missing.`;
  }
  return (
    <section className="card state" aria-labelledby="state-heading" data-state={state}>
      <h2 id="state-heading">{heading}</h2>
      <p className="muted">{what}</p>
      {context?.kind === 'unreadable' && context.looked && (
        <details className="state__details">
          <summary>Details for support</summary>
          <p className="muted">Page parts looked for: {context.looked}</p>
        </details>
      )}
      <AccountSearch onPick={onPick} />
      {state === 'no-match' && (
        <div className="row state__actions">
          <OptionsButton onOpenOptions={onOpenOptions}>Import accounts</OptionsButton>
        </div>
      )}
    </section>
  );
}

export function LoadFailed({ message, onOpenOptions }: { message: string; onOpenOptions: () => void }) {
  return (
    <section className="card state" role="alert" data-state="error">
      <h2>Glance could not load this account</h2>
      <p className="error">{sentence(message)}</p>
      <p className="muted">Reload the page to try again. If it keeps happening, check your book in Glance options.</p>
      <div className="row state__actions">
        <OptionsButton onOpenOptions={onOpenOptions}>Open Glance options</OptionsButton>
      </div>
    </section>
  );
}
