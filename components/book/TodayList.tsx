/** "Today": our overdue and due-this-week commitments across the book, done or snoozed in place. */
import { memo, useState } from 'react';
import type { BookQuery } from '@/lib/book/query';
import { TODAY_FIRST, TODAY_MOST } from '@/lib/book/today';
import { shortDate } from '../insights/format';
import { useGlanceMutation } from '../data/hooks';
import { useToday } from './book-hooks';

/** Snoozed until the same time tomorrow. */
const tomorrow = (nowMs: number) => new Date(nowMs + 86_400_000).toISOString();

/** Memoised: typing in the filter re-renders the book, not a list that does not depend on it. */
export const TodayList = memo(function TodayList({ scope, nowMs, ready }: { scope: BookQuery['scope']; nowMs: number; ready: boolean }) {
  const [limit, setLimit] = useState(TODAY_FIRST);
  const today = useToday(scope, limit, ready);
  const done = useGlanceMutation('commitment.setStatus');
  const snooze = useGlanceMutation('book.snooze');
  const items = today.data?.items ?? [];
  const total = today.data?.total ?? 0;
  const error = today.error ?? done.error ?? snooze.error;
  return (
    <section className="card book-today" aria-labelledby="book-today-heading">
      <h2 id="book-today-heading">Today</h2>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {today.isPending ? (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing overdue or due this week.</p>
      ) : (
        <ul className="book-today__list" aria-label="Commitments overdue or due this week">
          {items.map((item) => (
            <li
              key={item.id}
              className="book-today__item"
              data-commitment-id={item.id}
              data-status={item.state === 'overdue' ? 'overdue' : 'open'}
            >
              <div className="book-today__text">
                <span className={`book-today__due book-today__due--${item.state}`}>
                  {item.state === 'overdue' ? `Overdue since ${shortDate(item.dueDate)}` : `Due ${shortDate(item.dueDate)}`}
                </span>
                <span>{item.text}</span>
                <span className="muted">{item.accountName}</span>
              </div>
              <div className="book-today__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Mark done: ${item.text}`}
                  disabled={done.isPending}
                  onClick={() => done.mutate({ id: item.id, status: 'done' })}
                >
                  Done
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={`Snooze until tomorrow: ${item.text}`}
                  disabled={snooze.isPending}
                  onClick={() => snooze.mutate({ commitmentId: item.id, until: tomorrow(nowMs) })}
                >
                  Snooze
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {total > items.length && limit < TODAY_MOST && (
        <p className="book-today__more">
          <span className="muted">
            {items.length} of {total} shown.{' '}
          </span>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setLimit((n) => Math.min(TODAY_MOST, n + TODAY_FIRST * 4))}
          >
            Show more
          </button>
        </p>
      )}
    </section>
  );
});
