/**
 * My book: every account she owns, ranked by what needs her first, with filters, Today and the
 * CSV export. The rows come a window at a time from the background's insights cache.
 */
import { useDeferredValue, useState } from 'react';
import { DEFAULT_QUERY, type BookQuery, type BookSortKey } from '@/lib/book/query';
import { toMs } from '@/lib/time';
import { BookFilters } from './BookFilters';
import { BookTable } from './BookTable';
import { downloadBookCsv, useBookBlock } from './book-hooks';
import { briefingHref, statusText } from './grid';
import { TodayList } from './TodayList';

export function BookApp({ openBriefing }: { openBriefing?: (accountId: string) => void }) {
  const [query, setQuery] = useState<BookQuery>(DEFAULT_QUERY);
  // Typing stays responsive: the list follows the newest query the background has answered.
  const deferred = useDeferredValue(query);
  const first = useBookBlock(deferred, 0);
  const [exportStatus, setExportStatus] = useState('');
  const page = first.data;
  // "Today" as the background judged it, so the page and the insights never disagree on what is overdue.
  const [openedAt] = useState(() => Date.now());
  const nowMs = page ? toMs(page.asOf) : openedAt;
  const open = openBriefing ?? ((id: string) => window.open(briefingHref(id), '_blank', 'noopener'));

  // A second click on the sorted column turns its direction round.
  const sortBy = (key: BookSortKey) =>
    setQuery((q) => ({
      ...q,
      sort: { key, direction: q.sort.key === key ? (q.sort.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(key) },
    }));

  const exportCsv = async () => {
    setExportStatus('Exporting…');
    try {
      const rows = await downloadBookCsv(deferred);
      setExportStatus(`Exported ${rows} ${rows === 1 ? 'account' : 'accounts'}.`);
    } catch (error) {
      setExportStatus(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <main className="book">
      <header className="book__header">
        <div>
          <h1>My book</h1>
          <p className="muted" role="status" aria-live="polite">
            {page ? statusText(page, deferred.scope) : 'Loading the book…'}
          </p>
          {page?.updating && <p className="muted">Checking every account after a change: some rows may show how they were before it.</p>}
          {page && page.me.length === 0 && deferred.scope === 'mine' && (
            <p className="muted">
              Every account counts as yours until you add your email or CRM user name in <a href="/options.html">Options</a>.
            </p>
          )}
        </div>
        <div className="book__tools">
          {query.sort.key !== 'rank' && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setQuery((q) => ({ ...q, sort: DEFAULT_QUERY.sort }))}
            >
              Rank by priority
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => void exportCsv()} disabled={!page}>
            Export CSV
          </button>
          <span className={exportStatus.startsWith('Could not') ? 'error' : 'muted'} role="status">
            {exportStatus}
          </span>
        </div>
      </header>
      {first.error && (
        <p className="card error" role="alert">
          Glance could not load the book: {first.error.message}
        </p>
      )}
      <BookFilters query={query} counts={page?.counts} onChange={setQuery} />
      <div className="book__body">
        <div className="book__list" aria-busy={!page || query !== deferred}>
          {page && page.total === 0 ? (
            <p className="card">
              No accounts yet. Import your book or load the sample book in <a href="/options.html">Options</a>.
            </p>
          ) : (
            <BookTable
              query={deferred}
              inView={page?.inView ?? 0}
              nowMs={nowMs}
              firstBlock={page?.rows}
              onSort={sortBy}
              onOpen={open}
              briefingHref={briefingHref}
            />
          )}
        </div>
        <div className="book__side">
          {/* Asked for after the first rows (or their error): the background answers the rows first. */}
          <TodayList scope={deferred.scope} nowMs={nowMs} ready={!first.isPending} />
        </div>
      </div>
    </main>
  );
}

/** Numbers that mean trouble read best largest first; names and dates soonest first. */
function defaultDirection(key: BookSortKey): 'asc' | 'desc' {
  return key === 'risks' || key === 'overdue' || key === 'arr' ? 'desc' : 'asc';
}
